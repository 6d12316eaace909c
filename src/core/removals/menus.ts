/**
 * Menus and breadcrumbs that Readability pulls into the article's top or bottom edge: a run of blocks
 * made only of short links (a channel menu 首页 资讯 游戏 …, "Home › News › World"). Issue 9: 5 of 11
 * annotated menus stayed on held-out pages. Only the edges are looked at: a list of short links in the
 * middle of an article is the article's (a table of contents, a list of sources).
 */
import { hasText } from '../text/walk';
import { linkShare, measureUntilSentence, type Shape } from '../text/shape';
import { squeezedLength } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';

/** Caches a test of one element for one findEdgeMenus call (nothing changes the DOM meanwhile). */
function once<V>(f: (el: Element) => V): (el: Element) => V {
  const seen = new Map<Element, V>();
  return el => {
    if (seen.has(el)) return seen.get(el)!;
    const v = f(el);
    seen.set(el, v);
    return v;
  };
}

/**
 * The tests of one findEdgeMenus call, each asked once per block: edgeRun asks a block whether it is a menu,
 * then a breadcrumb, then (the run) a breadcrumb again and its links; the first block is often the article.
 */
interface Blocks {
  shape: (el: Element) => Shape;
  links: (el: Element) => Element[];
  isMenu: (el: Element) => boolean;
  isCrumb: (el: Element) => boolean;
  /** A tag row (标签：a、b、c; "Tags: a, b") or a way back ("返回首页", "Back to Local News"): a menu however few its links. */
  isRow: (el: Element) => boolean;
}

function blocks(): Blocks {
  // Every test below refuses a block with a sentence, so the walk may stop at the first one (measureUntilSentence).
  const b: Blocks = {
    shape: once(measureUntilSentence),
    links: once(el => [...el.querySelectorAll('a[href]')]),
    isMenu: once(el => isMenuBlock(el, b)),
    isCrumb: once(el => isBreadcrumb(el, b)),
    isRow: once(el => isTagRow(el, b) || isBackLine(el, b)),
  };
  return b;
}

/** Whether every link's text is a menu item's length (at most THRESHOLDS.menuItemChars). */
function shortLinks(links: readonly Element[]): boolean {
  for (const a of links) if (squeezedLength(a.textContent ?? '') > THRESHOLDS.menuItemChars) return false;
  return true;
}

/** Whether a block is menu-shaped: text links of at most THRESHOLDS.menuItemChars each, nearly all its text, no sentence. */
function isMenuBlock(el: Element, b: Blocks): boolean {
  if (/^h[1-6]$/.test(el.localName)) return false;
  const s = b.shape(el);
  if (s.links === 0 || s.media || s.sentences > 0 || linkShare(s) < THRESHOLDS.menuShare) return false;
  return shortLinks(b.links(el));
}

/** A tag or keyword row's label: at most this many characters before its colon (文章关键词 is 5, "Keywords" 8). */
const ROW_LABEL_CHARS = 8;
/** A tag is at most this long ("Small business", "城市更新"): longer links are headlines, not tags. */
const TAG_CHARS = 20;
/** Between tags: list separators and spaces only. */
const TAG_SEPARATORS = /^[\s、,，;；|｜/·•]*$/u;
/**
 * Links that only lead back, on, or to more of the site: 返回首页, 查看更多城事新闻, "Back to Local News", and a pager's
 * 上一页/下一页/[上一篇]/返目录 (zh-cwce c3a80850, d7605742, e3f3b532: a book chapter's or a post's foot), in
 * Traditional characters too (上一頁, 返目錄: the same templates on Taiwan and Hong Kong sites).
 */
const BACK =
  /^[[【(（]?(?:返回|回到|查看更多|看更多|更多|返目[录錄]|上一[页頁]|下一[页頁]|上一篇|下一篇|上一章|下一章|首[页頁]|末[页頁]|back to|see more|view more|more from|previous|next)/i;
/** Text between pager links: the page count and arrows ("第1页/共1页 << 上一页 | 下一页 >>"). */
const PAGER_GAPS = /第\s*\d+\s*页\s*\/\s*共\s*\d+\s*页|[<>«»‹›[\]【】()（）|｜/·•\s]/gu;

/** Whether a block is a label with a colon and then only short links and separators ("文章关键词：a b c", "Tags: a, b"). */
function isTagRow(el: Element, b: Blocks): boolean {
  if (/^h[1-6]$/.test(el.localName)) return false;
  const links = b.links(el);
  if (links.length < THRESHOLDS.breadcrumbLinks || b.shape(el).sentences > 0) return false;
  const parts = gapsOf(el)
    .split(/ (?= )/)
    .join(' ')
    .trim();
  const m = parts.match(/^(\S{1,40}?)\s*[:：]\s*([\s\S]*)$/u);
  if (!m || squeezedLength(m[1]!) > ROW_LABEL_CHARS || !TAG_SEPARATORS.test(m[2]!)) return false;
  return links.every(a => {
    const n = squeezedLength(a.textContent ?? '');
    return n > 0 && n <= TAG_CHARS;
  });
}

/** Whether a block is only "back", "more" or pager links (with a page count and arrows between them). */
function isBackLine(el: Element, b: Blocks): boolean {
  const links = b.links(el);
  const s = b.shape(el);
  if (!links.length || s.sentences > 0 || /^h[1-6]$/.test(el.localName)) return false;
  if (linkShare(s) < THRESHOLDS.menuShare && gapsOf(el).replace(PAGER_GAPS, '').length > 0) return false;
  return links.every(a => {
    const t = (a.textContent ?? '').trim();
    return BACK.test(t) && squeezedLength(t) <= TAG_CHARS;
  });
}

/** A breadcrumb's label: text and a colon before its first link (gapsOf's first gap). */
const CRUMB_LABEL = /^\s*([^\s:：][^:：]*?)\s*[:：](?= )/u;
/** Between a breadcrumb's links: only separators ("首页 > 财经 > 正文" keeps its last, unlinked step). */
const CRUMB_SEPARATORS = /^[>›»/|·•\-—→]+$/u;

/** The text between a block's links, each link and element boundary a space (a walk without recursion). */
function gapsOf(el: Element): string {
  let gaps = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      gaps += ' ' + (n.nodeValue ?? '');
      continue;
    }
    if (n.nodeType !== 1 || ((n as Element).localName === 'a' && (n as Element).hasAttribute('href'))) {
      gaps += ' ';
      continue;
    }
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return gaps;
}

/** Whether a menu block is a breadcrumb: its non-link text is separators, and the last step may be plain text. */
function isBreadcrumb(el: Element, b: Blocks): boolean {
  if (b.shape(el).sentences > 0 || b.links(el).length < THRESHOLDS.breadcrumbLinks) return false;
  if (!shortLinks(b.links(el))) return false;
  let gaps = gapsOf(el);
  // A label before the first link ("当前位置：", "您的位置:", "You are here:") is the crumb's own.
  const label = gaps.match(CRUMB_LABEL);
  if (label && squeezedLength(label[1]!) <= THRESHOLDS.crumbLabelChars) gaps = gaps.slice(label[0].length);
  const parts = gaps.split(/\s+/).filter(Boolean);
  return (
    parts.some(p => CRUMB_SEPARATORS.test(p)) &&
    parts.slice(0, -1).every(p => CRUMB_SEPARATORS.test(p)) &&
    (CRUMB_SEPARATORS.test(parts.at(-1)!) || parts.at(-1)!.length <= THRESHOLDS.menuItemChars)
  );
}

/**
 * The children of el that carry text, one at a time in the order of `fromEnd`, up to the first bare text
 * node (after which nothing is a kid). One at a time: edgeRun stops at the first block that is no menu, and
 * a container's children are the article's paragraphs.
 */
function edgeChildren(el: Element, fromEnd: boolean): () => Element | null {
  let c: ChildNode | null = fromEnd ? el.lastChild : el.firstChild;
  const step = (n: ChildNode): ChildNode | null => (fromEnd ? n.previousSibling : n.nextSibling);
  return () => {
    for (; c; c = step(c)) {
      if (c.nodeType === 3) {
        if ((c.nodeValue ?? '').trim()) {
          c = null;
          return null;
        }
        continue;
      }
      if (c.nodeType !== 1 || !hasText(c)) continue; // spacers, images without text
      const kid = c as Element;
      c = step(c);
      return kid;
    }
    return null;
  };
}

/**
 * No level of THRESHOLDS.edgeDepth: inline wrappers (an old template's `<font><b><span>` around the column) and the
 * `<tbody>` the parser puts in every table (zh-cwce 4fa9dfe4's breadcrumb row sits in a table in a table).
 */
const NO_LEVEL: ReadonlySet<string> = new Set(['span', 'b', 'strong', 'i', 'em', 'u', 'font', 'small', 'big', 'a', 'tbody']);

/** The menu run at one edge of root: descend into the edge block until its first children are menu blocks. */
function edgeRun(root: Element, fromEnd: boolean, b: Blocks): Element[] {
  let container: Element = root;
  for (let depth = 0, levels = 0; depth < THRESHOLDS.edgeDepth && levels < THRESHOLDS.maxDepth; levels++) {
    if (!NO_LEVEL.has(container.localName)) depth++;
    const next = edgeChildren(container, fromEnd);
    const first = next();
    if (!first) return []; // no kids, or a bare text node leads
    const run: Element[] = [];
    let k: Element | null = first;
    while (k && (b.isMenu(k) || b.isCrumb(k) || b.isRow(k))) {
      run.push(k);
      k = next();
    }
    if (run.length) {
      if (!k && container !== root) return []; // every kid is in the run: the whole container is links, not an edge, the module rule's business
      const links = run.reduce((n, el) => n + b.links(el).length, 0);
      return links >= THRESHOLDS.menuLinks || run.every(b.isCrumb) || run.every(b.isRow) ? run : [];
    }
    container = first;
  }
  return [];
}

/** A menu run: sibling blocks at one edge. */
export interface EdgeMenu {
  edge: 'top' | 'bottom';
  nodes: Element[];
  links: number;
}

/** The menu runs at root's top and bottom edges. */
export function findEdgeMenus(root: Element): EdgeMenu[] {
  const b = blocks();
  const top = edgeRun(root, false, b);
  const bottom = edgeRun(root, true, b)
    .filter(el => !top.includes(el))
    .reverse();
  const count = (run: Element[]) => run.reduce((n, el) => n + b.links(el).length, 0);
  return [
    { edge: 'top' as const, nodes: top, links: count(top) },
    { edge: 'bottom' as const, nodes: bottom, links: count(bottom) },
  ].filter(m => m.nodes.length);
}
