/**
 * The core's one vocabulary of text measures: what a sentence is, what text counts, how much of it is
 * links, and every threshold the heuristics compare against, each with where its number came from.
 * Models: Readability's commented constants (Readability.js, `DEFAULT_CHAR_THRESHOLD`, the 0.2/0.5 link
 * densities of `_cleanConditionally`) and defuddle's src/constants.ts. Numbers marked "margin" were not
 * fitted to a corpus: they sit well outside what the named pages and fixtures show on both sides.
 */

/**
 * Tags whose text a reader never sees. Skipped by every walk that counts or previews text (it was
 * written four times, one copy without `noscript`: a lazy-image `<noscript><img></noscript>` then
 * counted as text in the plain-text export's walk).
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** Whether an element's content is never shown (see SKIPPED_TAGS). */
export const isSkipped = (el: Element): boolean => SKIPPED_TAGS.has(el.localName);

/**
 * A sentence ending: Chinese/Japanese 。！？；, Latin ! ? ; and a full stop after two lower-case letters
 * followed by space or the end ("…the end. Next") — so "U.S. " and "3. " (abbreviations, list numbers) are
 * not sentences. DESIGN.md: Chinese prose signals are 。！？，, not only ASCII punctuation.
 */
export const SENTENCE_END = /[。！？!?；;]|\.(?<=\p{Ll}\p{Ll}\.)(?=\s|$)/gu;
// The look-behind follows the "." it guards: written before it, it ran at every position of every text (4× slower).

/** Sentence endings in a text (see SENTENCE_END). */
export function countSentences(text: string): number {
  SENTENCE_END.lastIndex = 0;
  return (text.match(SENTENCE_END) ?? []).length;
}

/** Whether a text holds at least one sentence ending. */
export function hasSentence(text: string): boolean {
  return countSentences(text) > 0;
}

/** Whitespace of every kind a page uses (ASCII, no-break space, ideographic space). */
export const WHITESPACE = /[\s\u00a0\u3000]+/g;

/** Text without whitespace: every length below counts characters this way, so Chinese and English compare. */
export const squeeze = (s: string): string => s.replace(WHITESPACE, '');

/** Whether a UTF-16 code unit is whitespace as WHITESPACE sees it (JavaScript's \s, which holds U+00A0 and U+3000). */
export function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 0xa0) return false; // printable ASCII: nearly every character of a page
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** squeeze(s).length without building the squeezed string: the walks below only count, on every text node. */
export function squeezedLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}

/** Text length without whitespace (script and style included: for quick size checks on clean nodes). */
export function textChars(node: Node): number {
  return squeezedLength(node.textContent ?? '');
}

/** A walk visitor's answer that leaves the node's children unread (the walk goes on after them). */
export const SKIP = 1;
/** A walk visitor's answer that ends the walk at once (a bound was passed, or the answer is known). */
export const STOP = 2;

/**
 * THE walk every text measure is built on: `root` and its descendants in document order, by pointers
 * (firstChild, nextSibling, parentNode) and never above `root`, so it costs one step per node it reads and
 * nothing for the nodes after a STOP. (A stack that takes all of an element's children before it reads the
 * first makes a bounded measure cost O(children): the label scan asks one of the parent of each of 10,000
 * sibling <span>s, N² in all; test/core/walk.test.ts counts the steps.) One node policy: text and CDATA
 * nodes are the text (textContent joins both); elements, documents and fragments have children; `visible`
 * leaves the children of SKIPPED_TAGS unread (what a reader sees), else they are read as textContent reads
 * them. `visit` sees every node, a skipped element too; `leave` sees each element, document and fragment
 * after its children (read or not). Returns false when a visitor stopped it. No recursion: pages nest deeply.
 */
export function walk(root: Node, visible: boolean, visit: (n: Node) => number | void, leave?: (n: Node) => void): boolean {
  let n: Node = root;
  for (;;) {
    const step = visit(n);
    if (step === STOP) return false;
    const t = n.nodeType;
    const container = t === 1 || t === 9 || t === 11;
    const first = container && step !== SKIP && !(visible && t === 1 && isSkipped(n as Element)) ? n.firstChild : null;
    if (first) { n = first; continue; }
    if (container && leave) leave(n);
    // No children to read: on to the next sibling, leaving each parent whose last child this was.
    for (;;) {
      if (n === root) return true;
      const next: Node | null = n.nextSibling;
      if (next) { n = next; break; }
      n = n.parentNode!; // below root, a node always has a parent
      if (leave) leave(n);
    }
  }
}

/** Whether a node is text as the walk reads it (a text or CDATA node). */
const isText = (n: Node): boolean => n.nodeType === 3 || n.nodeType === 4;

/**
 * textChars(el) when that is at most `limit`, else a number above `limit`: the walk stops there. For the
 * checks that only compare a size with a bound (a label box's parents, a module's share of the page), where
 * textContent would build a whole page's text (inline scripts too) to answer them.
 */
export function textCharsUpTo(el: Node, limit: number): number {
  let n = 0;
  walk(el, false, x => {
    if (!isText(x)) return;
    n += squeezedLength(x.nodeValue ?? '');
    if (n > limit) return STOP;
  });
  return n;
}

/**
 * Whether textChars(el) > 0, stopping at the first character: the edge walks ask it of every child at each
 * level, and a child may be the whole article (textContent builds all of it).
 */
export function hasText(el: Node): boolean {
  return !walk(el, false, x => {
    if (!isText(x)) return;
    const v = x.nodeValue ?? '';
    for (let i = 0; i < v.length; i++) if (!isSpaceCode(v.charCodeAt(i))) return STOP;
  });
}

/**
 * The text a reader would see: SKIPPED_TAGS left out, a space after each element (a skipped one too).
 * Every removal's preview reads it.
 */
export function visibleText(node: Node): string {
  if (node.nodeType === 1 && isSkipped(node as Element)) return '';
  let out = '';
  walk(node, true, n => { if (isText(n)) out += n.nodeValue ?? ''; }, n => { if (n !== node && n.nodeType === 1) out += ' '; });
  return out;
}

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

const MEDIA = new Set(['figure', 'video', 'table', 'blockquote', 'pre']);

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
    if (el.localName === 'a' && el.hasAttribute('href')) { s.links++; link ??= el; }
  };
  const leave = (node: Node) => { if (node === link) link = null; };
  for (const n of nodes) if (!walk(n, true, visit, leave)) break;
  return s;
}

/** The share of text that is link text (1 for no text: an empty box is all furniture). The one link-share measure. */
export function linkShare(s: Pick<Shape, 'chars' | 'linkChars'>): number {
  return s.chars ? s.linkChars / s.chars : 1;
}

/** The thresholds, in one place. */
export const T = {
  // ---- labels ---------------------------------------------------------------------------------------
  /** A rule label's maximum length (parse.ts LIMITS.labelLength): "Further reading on this site", the longest bundled one, is 28. */
  labelLength: 40,
  /**
   * Raw text longer than this is never a label, given the longest normalized label `max`: decorations
   * ("【 大家都在看 】 更多>>") at most double a label and add a "more" tail (margin; zh-label-decorations).
   */
  labelTextLimit: (max: number): number => max * 3 + 40,
  /** A "more" tail after a label ("查看全部", "viewmore": labels.ts MORE_TAIL's longest) adds at most this many characters. */
  moreTailChars: 8,
  /** A "more" link that names its target ("更多精彩资讯请点击网易股票" is 13, cx163 page 12) is at most this long. */
  moreLinkChars: 16,
  /** Text beside a label that is still part of its box: "Sponsored", "更多>>", "广告", a count (en-sponsored-widgets-see-all). */
  badgeChars: 12,
  /**
   * A heading that *contains* a label word ("APP精彩推荐", "热门H5手游", "More News from Harbor Times") is a label
   * only while it is this narrow, decorations trimmed, a Han/kana character counting two (label-words.ts
   * labelWidth): the examples are 8–11 wide in Chinese ("APP精彩推荐" 11), and "morenewsfrom" + a
   * site name is ~24; "为什么算法推荐总让我们看到同样的新闻" (36) is a sentence, not a label.
   */
  wordLabelWidth: 24,
  /** Raw text of a word label is at most this many normalized characters (a width of 24 in Latin letters). */
  wordLabelChars: 24,

  // ---- module shape (rules/shape.ts) -----------------------------------------------------------------
  /** One link is a module only beside at most this much prose: a 相关专题 box's caption is 4 (zh-mid-article-teaser-cards). Margin ×5. */
  singleLinkProse: 20,
  /**
   * Link share at or above which a block is links, not prose: Readability's _cleanConditionally removes a
   * block of weight ≥ 25 with linkDensity > 0.5; every module in the fixtures and seed is ≥ 0.6 except teaser cards.
   */
  linkHeavy: 0.5,
  /** Cards: prose per link at most this; the most in our pages is 18.7 (zh-mid-article-teaser-cards' teasers). Margin ×3. */
  prosePerLink: 60,
  /** Cards: no run of prose longer than this; the longest teaser seen is 16 (en-sponsored-widgets-see-all). Margin ×10, under one paragraph. */
  cardProse: 160,
  /** Prose: at least this much non-link text, about two lines of a Chinese column (40 characters a line at 16px in 640px). */
  proseChars: 80,
  /** Prose: one run this long is a paragraph even without sentence endings (three lines of Chinese). */
  proseRun: 120,

  // ---- a stricter shape for word labels and edge menus -------------------------------------------------
  /** A module under a word label must be at least this link-heavy: every module the bundled labels find is ≥ 0.6 (the table above) but teaser cards. */
  wordModuleShare: 0.6,
  /** …and have at least this many links: a two-item "list" under "编辑推荐" is too little to tell from a heading over a link. */
  wordModuleLinks: 2,
  /** A menu or breadcrumb item: a link of at most this many characters (首页, 资讯, 国际新闻, "Business"). Chinese channel names are 2–4. */
  menuItemChars: 10,
  /**
   * A run of menu items is a menu from this many links on: channel menus carry five or more (首页 资讯 游戏
   * 视频 …); three short links under a heading are a short recommendation list (test/core/rules.test.ts, おすすめ記事).
   */
  menuLinks: 4,
  /** A breadcrumb ("首页 > 财经 > 正文": separators between links) is a menu from two links on. */
  breadcrumbLinks: 2,
  /** A menu's text is at least this much links (separators "|", ">" and spaces are the rest). Readability's 0.5 is for prose blocks; menus are ≈ 1. */
  menuShare: 0.8,

  // ---- a site's headline list at the article's foot (rules/edge-lists.ts) --------------------------------
  /** A headline is at least this long: "沪指3周重挫近30%" is 10 (cx163 page 12); menu items (首页, 资讯) are 2–4. */
  headlineMin: 6,
  /** …and at most this long: an English headline of ~20 words squeezed; a link longer than that is a sentence or a URL. */
  headlineMax: 120,
  /** A headline list has at least this many links; fewer under a short heading is a "see also" pair the article may mean. */
  headlineListLinks: 3,

  // ---- furniture lines -------------------------------------------------------------------------------
  /**
   * A furniture line or box is at most this many characters: the longest furniture line in the list
   * is a WeChat footer "长按识别下方二维码，关注…公众号，回复【…】获取…" (~40); an article paragraph is longer
   * than two lines (proseChars). English boxes ("Sign up for our newsletter … inbox") reach 70.
   */
  furnitureChars: 80,
  /** A furniture box grows over its parent only while the parent adds at most this much non-link text: a caption beside a QR code ("关注我们，获取更多资讯" is 11). Margin ×2. */
  furnitureGrowChars: 24,
  /**
   * A phrase is looked for, and its box grown, at most this many levels up: a share bar is a label, an icon
   * list and a wrapper or two (cx163's 163.com bars: 3); without a cap, tables nested 2,000 deep with a few
   * characters per level made every text node climb the whole page (test/hostile/huge.test.ts).
   */
  furnitureDepth: 6,

  // ---- the pipeline (clean.ts) ------------------------------------------------------------------------
  /** Below this many characters of text (whitespace excluded) a result is not an article. */
  minArticleChars: 40,
  /** A content selector's match must hold this much text, or Readability guesses instead (163's near-empty #endText on gallery pages). */
  minContentChars: 200,
  /** On a page Readability doubts, fewer characters than this are not an article; cx163 page 28 is a 110-character brief (with sentences). */
  minDoubtfulChars: 140,
  /** Link share above which a result that Readability itself doubts is a link list, not an article (Readability's 0.5, above). */
  linkListShare: 0.5,
  /** A module never takes more than this share of the text it is found in (an article that is a list keeps its items). */
  moduleMaxShare: 0.5,
} as const;

/**
 * An element's text, or null as soon as it passes `limit` characters: climbing from a candidate reaches
 * containers as large as the page, whose whole textContent would be built only to be refused. `visible`:
 * skip SKIPPED_TAGS and count characters without whitespace (furniture lines); else every text node and raw
 * length (label boxes, as LabelSet.match measures).
 */
export function textUpTo(el: Element, limit: number, visible = false): string | null {
  let out = '';
  let squeezed = 0; // squeeze(out).length, kept as text is added (squeezing all of `out` at each node was quadratic)
  const read = walk(el, visible, n => {
    if (!isText(n)) return;
    const v = n.nodeValue ?? '';
    out += v;
    if (visible) squeezed += squeezedLength(v);
    if ((visible ? squeezed : out.length) > limit) return STOP;
  });
  return read ? out : null;
}

/**
 * Text nodes under root, in document order; SKIPPED_TAGS left out. An array, not a generator: it runs over
 * every node of the page, and nothing removes nodes while it is read.
 */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  walk(root, true, n => { if (isText(n)) out.push(n as Text); });
  return out;
}
