/**
 * The shape of a block of DOM, measured in one walk (how much text, how much of it links, sentences, the
 * longest run of prose, media), and what that shape says the block is: links and cards (clutter) or prose
 * (content). Models: Readability's link density (`_getLinkDensity`) and the 0.2/0.5 densities of its
 * `_cleanConditionally`.
 */
import { countSentences, squeezedLength } from './chars';
import { isText, STOP, walk } from './walk';
import * as THRESHOLDS from './thresholds';

/** Text-shape numbers of a set of nodes. */
export interface Shape {
  /** Characters of text, whitespace excluded. */
  chars: number;
  /** Characters inside <a href>. */
  linkChars: number;
  links: number;
  /** Sentence endings found outside links. */
  sentences: number;
  /** Longest run of text outside links, in characters (a paragraph of prose is long). */
  longestProse: number;
  /** Whether the nodes contain media typical of an article body (figure, video, table). */
  media: boolean;
}

const MEDIA: ReadonlySet<string> = new Set(['figure', 'video', 'table', 'blockquote', 'pre']);

/** Measures the shape of the given nodes in one walk (without recursion: pages nest deeply). */
export function measure(nodes: Iterable<Node>): Shape {
  return walkShape(nodes, false);
}

/**
 * measure, stopping at the first sentence ending: then only `sentences > 0` is the whole truth (the other
 * numbers are of the text before it). For tests that refuse a block with a sentence (menus, headline lists),
 * asked of blocks that are often the whole article.
 */
export function measureUntilSentence(el: Node): Shape {
  return walkShape([el], true);
}

/** measure's walk; `stop`: return at the first sentence ending. */
function walkShape(nodes: Iterable<Node>, stop: boolean): Shape {
  const s: Shape = { chars: 0, linkChars: 0, links: 0, sentences: 0, longestProse: 0, media: false };
  let link: Node | null = null; // the outermost <a href> the walk is in
  const visit = (node: Node): number | void => {
    if (isText(node)) {
      const v = node.nodeValue ?? '';
      const n = squeezedLength(v);
      if (!n) return;
      s.chars += n;
      if (link) s.linkChars += n;
      else {
        s.longestProse = Math.max(s.longestProse, n);
        s.sentences += countSentences(v);
        if (stop && s.sentences > 0) return STOP;
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (MEDIA.has(el.localName)) s.media = true;
    if (el.localName === 'a' && el.hasAttribute('href')) {
      s.links++;
      link ??= el;
    }
  };
  const leave = (node: Node) => {
    if (node === link) link = null;
  };
  for (const n of nodes) if (!walk(n, true, visit, leave)) break;
  return s;
}

/** The share of text that is link text (1 for no text: an empty box is all furniture). The one link-share measure. */
export function linkShare(s: Pick<Shape, 'chars' | 'linkChars'>): number {
  return s.chars ? s.linkChars / s.chars : 1;
}

/**
 * Whether a block under a recommendation label looks like a recommendation module: links or cards
 * with little prose. Teasers inside cards are allowed (seed-inline's 大家都在看 cards carry a
 * two-line description); paragraphs of prose outside links are not.
 */
export function isClutterShaped(s: Shape): boolean {
  if (s.links === 0 || s.media) return false;
  const prose = s.chars - s.linkChars;
  // One link is a module only as a bare banner or topic link (a 相关专题 box), never beside prose.
  if (s.links === 1) return prose <= THRESHOLDS.singleLinkProse && s.sentences === 0;
  if (linkShare(s) >= THRESHOLDS.linkHeavy) return true;
  // Cards with short non-link teasers/dates: little prose per link, no long paragraph.
  return prose / s.links <= THRESHOLDS.prosePerLink && s.longestProse <= THRESHOLDS.cardProse && s.sentences <= s.links;
}

/** The stricter shape a heading that only *contains* a label word must head: a link list, not cards with teasers. */
export function isLinkListShaped(s: Shape): boolean {
  return !s.media && s.links >= THRESHOLDS.wordModuleLinks && linkShare(s) >= THRESHOLDS.wordModuleShare && s.sentences <= 1;
}

/** What the prose test is asked for: see isProse. */
export type ProseBar = 'paragraph' | 'block';

/** What the prose test's 'block' bar reads of a block (pipeline/never-worse.ts measures it). */
export interface BlockMeasure {
  /** Characters, whitespace excluded. */
  chars: number;
  /** …of them inside links. */
  linkChars: number;
  /** Whether it holds a full stop (chars.ts hasSentence with `clauses: false`). */
  sentence: boolean;
  /** Han characters. */
  han: number;
  /** Characters with each run of whitespace one space. */
  length: number;
}

/**
 * THE prose test: whether a block reads as article prose rather than a title, a date, a caption, a teaser or
 * links. Two bars, because the two questions differ:
 * - 'paragraph', on a block's Shape: where a label's module ends (removals/module.ts). At least
 *   THRESHOLDS.proseChars outside links, two sentences or one run of THRESHOLDS.proseRun, and more text
 *   outside links than in them: a paragraph no module swallows.
 * - 'block': which blocks of two Readability runs count as the article's prose when the never-worse check
 *   compares them (pipeline/never-worse.ts). A sentence, little link text (THRESHOLDS.blockProseLinkShare)
 *   and long for its script: THRESHOLDS.blockProseChars characters of Latin text, or THRESHOLDS.blockProseHan
 *   Han characters (a Chinese sentence carries about three times the content per character); teaser lines
 *   and video captions are shorter.
 * One bar would not do for both: on the 14,603 leaf blocks of the 303 snapshot pages' articles the two bars
 * disagree on 1,386, so either bar alone changes which run the never-worse check keeps or where a module ends.
 */
export function isProse(block: Shape, bar: 'paragraph'): boolean;
export function isProse(block: BlockMeasure, bar: 'block'): boolean;
export function isProse(block: Shape | BlockMeasure, bar: ProseBar): boolean {
  if (bar === 'block') {
    const b = block as BlockMeasure;
    return (
      b.sentence &&
      (b.han >= THRESHOLDS.blockProseHan || b.length >= THRESHOLDS.blockProseChars) &&
      b.linkChars / Math.max(1, b.chars) < THRESHOLDS.blockProseLinkShare
    );
  }
  const s = block as Shape;
  const prose = s.chars - s.linkChars;
  return prose >= THRESHOLDS.proseChars && (s.sentences >= 2 || s.longestProse >= THRESHOLDS.proseRun) && s.linkChars < prose;
}
