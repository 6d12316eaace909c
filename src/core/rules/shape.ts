/** Measuring what a block of DOM looks like: links and cards (clutter) or prose (content). */

/** Sentence-ending punctuation, Chinese and Latin: the signal of prose rather than a list of titles. */
const SENTENCE_END = /[。！？!?；;]|\.(?=\s|$)/g;

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

const squeeze = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '');

/** Measures the shape of the given nodes in one walk. */
export function measure(nodes: Iterable<Node>): Shape {
  const shape: Shape = { chars: 0, linkChars: 0, links: 0, sentences: 0, longestProse: 0, media: false };
  for (const node of nodes) walk(node, false, shape);
  return shape;
}

function walk(node: Node, inLink: boolean, s: Shape): void {
  if (node.nodeType === 3) {
    const t = squeeze(node.nodeValue ?? '');
    if (!t) return;
    s.chars += t.length;
    if (inLink) s.linkChars += t.length;
    else {
      s.longestProse = Math.max(s.longestProse, t.length);
      s.sentences += (t.match(SENTENCE_END) ?? []).length;
    }
    return;
  }
  if (node.nodeType !== 1) return;
  const el = node as Element;
  const tag = el.localName;
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return;
  if (tag === 'figure' || tag === 'video' || tag === 'table' || tag === 'blockquote' || tag === 'pre') s.media = true;
  let link = inLink;
  if (tag === 'a' && el.hasAttribute('href')) { s.links++; link = true; }
  for (let c = el.firstChild; c; c = c.nextSibling) walk(c, link, s);
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
  if (s.links === 1) return prose <= 20 && s.sentences === 0;
  if (s.linkChars / Math.max(1, s.chars) >= 0.5) return true;
  // Cards with short non-link teasers/dates: little prose per link, no long paragraph.
  return prose / s.links <= 60 && s.longestProse <= 160 && s.sentences <= s.links;
}

/** Whether text outside links reads as prose (a paragraph, not a title or a date). */
export function isProse(s: Shape): boolean {
  const prose = s.chars - s.linkChars;
  return prose >= 80 && (s.sentences >= 2 || s.longestProse >= 120) && s.linkChars < prose;
}

/** Text length without whitespace, for previews and counts. */
export function textChars(node: Node): number {
  return squeeze(node.textContent ?? '').length;
}

/** The text a reader would see: script, style and template contents left out. */
export function visibleText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  const tag = (node as Element).localName;
  if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return '';
  let out = '';
  for (let c = node.firstChild; c; c = c.nextSibling) out += visibleText(c) + (c.nodeType === 1 ? ' ' : '');
  return out;
}
