/**
 * Menus and breadcrumbs that Readability pulls into the article's top or bottom edge: a run of blocks
 * made only of short links (a channel menu 首页 资讯 游戏 …, "Home › News › World"). Issue 9: 5 of 11
 * annotated menus stayed on held-out pages. Only the edges are looked at: a list of short links in the
 * middle of an article is the article's (a table of contents, a list of sources).
 */
import { linkShare, measure, squeeze, T } from '../measures';

/** Whether a block is menu-shaped: text links of at most T.menuItemChars each, nearly all its text, no sentence. */
function isMenuBlock(el: Element): boolean {
  if (/^h[1-6]$/.test(el.localName)) return false;
  const s = measure([el]);
  if (s.links === 0 || s.media || s.sentences > 0 || linkShare(s) < T.menuShare) return false;
  for (const a of el.querySelectorAll('a[href]')) {
    if (squeeze(a.textContent ?? '').length > T.menuItemChars) return false;
  }
  return true;
}

/** Between a breadcrumb's links: only separators ("首页 > 财经 > 正文" keeps its last, unlinked step). */
const CRUMB_SEPARATORS = /^[>›»/|·•\-—→]+$/u;

/** Whether a menu block is a breadcrumb: its non-link text is separators, and the last step may be plain text. */
function isBreadcrumb(el: Element): boolean {
  if (el.querySelectorAll('a[href]').length < T.breadcrumbLinks || measure([el]).sentences > 0) return false;
  for (const a of el.querySelectorAll('a[href]')) if (squeeze(a.textContent ?? '').length > T.menuItemChars) return false;
  let gaps = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) { gaps += ' ' + (n.nodeValue ?? ''); return; }
    if (n.nodeType !== 1 || ((n as Element).localName === 'a' && (n as Element).hasAttribute('href'))) { gaps += ' '; return; }
    for (let c = n.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(el);
  const parts = gaps.split(/\s+/).filter(Boolean);
  return parts.some(p => CRUMB_SEPARATORS.test(p)) && parts.slice(0, -1).every(p => CRUMB_SEPARATORS.test(p)) && (CRUMB_SEPARATORS.test(parts.at(-1)!) || parts.at(-1)!.length <= T.menuItemChars);
}

/** Children of el that carry text (or are elements), in the order of `fromEnd`; null when a bare text node leads. */
function edgeChildren(el: Element, fromEnd: boolean): Element[] | null {
  const kids: Element[] = [];
  for (let c = fromEnd ? el.lastChild : el.firstChild; c; c = fromEnd ? c.previousSibling : c.nextSibling) {
    if (c.nodeType === 3) { if ((c.nodeValue ?? '').trim()) { if (!kids.length) return null; break; } continue; }
    if (c.nodeType !== 1) continue;
    if (!squeeze((c as Element).textContent ?? '')) continue; // spacers, images without text
    kids.push(c as Element);
  }
  return kids;
}

/** The menu run at one edge of root: descend into the edge block until its first children are menu blocks. */
function edgeRun(root: Element, fromEnd: boolean): Element[] {
  let container: Element = root;
  for (let depth = 0; depth < 8; depth++) {
    const kids = edgeChildren(container, fromEnd);
    if (!kids || !kids.length) return [];
    const run: Element[] = [];
    for (const k of kids) {
      if (!isMenuBlock(k) && !isBreadcrumb(k)) break;
      run.push(k);
    }
    if (run.length) {
      if (run.length === kids.length && container !== root) return []; // the whole container is links: not an edge, the module rule's business
      const links = run.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);
      return links >= T.menuLinks || run.every(isBreadcrumb) ? run : [];
    }
    container = kids[0]!;
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
  const top = edgeRun(root, false);
  const bottom = edgeRun(root, true).filter(el => !top.includes(el)).reverse();
  const count = (run: Element[]) => run.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);
  return [{ edge: 'top' as const, nodes: top, links: count(top) }, { edge: 'bottom' as const, nodes: bottom, links: count(bottom) }].filter(m => m.nodes.length);
}
