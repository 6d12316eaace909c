/**
 * Finding an article's own pager on a page (issue 19): the run of page numbers with 下一页 / "Next page" whose
 * links are pages of *this* article by their URLs (page-url.ts), told from the links that look alike and lead
 * elsewhere: the next article (下一篇), a comment thread's pager, a listing's pagination. Pure.
 */
import { absolute, baseUrlOf } from '../dom/normalize';
import { linkShare, measure } from '../text/shape';
import { squeeze, squeezedLength } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { commentUrl, pageNumberOf, sameOrigin, samePage } from './page-url';
import { COMMENT_NAME, linkRole } from './words';
import { PAGER } from '../text/thresholds';

/** The article's pager as the page shows it. */
export interface Pager {
  /** This page's number (1 when the URL and the pager do not say). */
  current: number;
  /** The following pages' absolute URLs in order, as far as the pager lists them without a gap (may be empty). */
  pages: string[];
  /** The next page's URL (the "下一页" link, else the first of `pages`), or null on the last page. */
  next: string | null;
  /** The highest page number the pager shows, or null. */
  last: number | null;
}

/** One pager-like group of links and what was decided about it (for tests and the popup's "why not"). */
export interface PagerCandidate {
  verdict: 'article' | 'comments' | 'listing' | 'too-few';
  links: { url: string; role: 'next' | 'prev' | 'number'; n: number }[];
  current: number;
  /** The page count the pager prints ("Page 1 of 3", "共3页"), when it does. */
  total?: number;
}

/** A link of the pager; `n` null: a 下一页 to an address without a number; `self`: a number link to this very page. */
interface PageLink {
  a: Element;
  url: string;
  role: 'next' | 'prev' | 'number';
  n: number | null;
  currentN: number | null;
  self?: boolean;
}

/** Inline and list wrappers a pager's links sit in; its container is the first ancestor of another kind. */
const WRAPPERS: ReadonlySet<string> = new Set(['span', 'b', 'strong', 'em', 'i', 'font', 'small', 'li', 'ul', 'ol', 'label', 'u']);

/**
 * The element a pager link belongs to: past inline and list wrappers, and past a box that holds only this link
 * when its parent holds other links of the pager (`<div><a>2</a></div><div><a>3</a></div>`).
 */
function containerOf(a: Element, body: Element, pagerLinks: readonly Element[]): Element {
  const own = squeezedLength(a.textContent ?? '');
  let el = a.parentElement ?? body;
  for (;;) {
    if (el === body || !el.parentElement) return el;
    const parent: Element = el.parentElement;
    const alone = squeezedLength(el.textContent ?? '') <= own;
    if (WRAPPERS.has(el.localName) || (alone && pagerLinks.some(b => b !== a && parent.contains(b)))) el = parent;
    else return el;
  }
}

/** Whether the element sits in a comment section: its or an ancestor's id/class, or the heading just above it. */
function inComments(el: Element): boolean {
  for (let x: Element | null = el; x && x.localName !== 'body' && x.localName !== 'html'; x = x.parentElement) {
    if (COMMENT_NAME.test(`${x.id} ${x.getAttribute('class') ?? ''}`)) return true;
    const h = x.previousElementSibling;
    if (h && /^h[1-6]$/.test(h.localName) && COMMENT_NAME.test(h.textContent ?? '')) return true;
  }
  return false;
}

/** The pager's surroundings: the nearest ancestor with PAGER.scopeChars of text besides the pager (else the body). */
function scopeOf(container: Element, body: Element): Element {
  const own = squeezedLength(container.textContent ?? '');
  let el = container;
  while (el !== body && el.parentElement) {
    el = el.parentElement;
    if (squeezedLength(el.textContent ?? '') - own >= PAGER.scopeChars) break;
  }
  return el;
}

/**
 * Whether the text of `scope` (without `pager`) is a listing, not an article: links outweigh text
 * (Readability's 0.5, THRESHOLDS.linkListShare), or many headline links stand with no paragraph of prose (a channel
 * page's teasers: paged/list).
 */
function listing(scope: Element, pager: Element | null): boolean {
  const s = measure([scope]),
    c = pager ? measure([pager]) : { chars: 0, linkChars: 0 };
  const around = { chars: s.chars - c.chars, linkChars: s.linkChars - c.linkChars };
  if (around.chars <= 0) return true;
  if (linkShare(around) >= THRESHOLDS.linkListShare) return true;
  let headlines = 0;
  for (const a of scope.querySelectorAll('a[href]')) {
    if (pager?.contains(a)) continue;
    const n = squeezedLength(a.textContent ?? '');
    if (n >= THRESHOLDS.headlineMin && n <= THRESHOLDS.headlineMax) headlines++;
  }
  return headlines >= PAGER.listHeadlines && s.longestProse < THRESHOLDS.proseChars;
}

/** A link's words: its text, else its accessible name (icon-only "next" buttons). */
function wordsOf(a: Element): string {
  return squeeze(a.textContent ?? '') || squeeze(a.getAttribute('aria-label') ?? a.getAttribute('title') ?? '');
}

/** The same-origin links on the page that are pages of this article by words and URL alike. */
function pageLinks(doc: Document, url: string): PageLink[] {
  const base = baseUrlOf(doc, url);
  const out: PageLink[] = [];
  for (const a of doc.body?.querySelectorAll('a[href]') ?? []) {
    const href = a.getAttribute('href')!.trim();
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) continue;
    const abs = absolute(href, base);
    if (!sameOrigin(abs, url)) continue;
    let role = linkRole(wordsOf(a));
    if (role.role === 'none' && /\bnext\b/i.test(a.getAttribute('rel') ?? '')) role = { role: 'next', sure: false };
    if (role.role !== 'next' && role.role !== 'prev' && role.role !== 'number') continue;
    if (samePage(abs, url)) {
      // A number link to the page itself ("1" on page 1): it tells the current number.
      if (role.role === 'number') out.push({ a, url: abs, role: 'number', n: role.n, currentN: role.n, self: true });
      continue;
    }
    const m = pageNumberOf(abs, url);
    if (!m) {
      // "下一页" to an address without a page number in it (`?id=…&t=…`): the words are enough; the
      // continuation check (continuation.ts) still stands between it and the merge.
      if (role.role === 'next' && role.sure && !commentUrl(abs))
        out.push({ a, url: abs.replace(/#.*$/, ''), role: 'next', n: null, currentN: null });
      continue;
    }
    // The words and the URL must agree: "3" leads to page 3, "下一页" to the page after this one.
    if (role.role === 'number' ? m.n !== role.n : m.n !== m.currentN + (role.role === 'next' ? 1 : -1)) continue;
    out.push({ a, url: abs.replace(/#.*$/, ''), role: role.role, n: m.n, currentN: m.currentN });
  }
  return out;
}

/** Every pager-like group of links on the page with its verdict, best first. */
export function pagerCandidates(doc: Document, url: string): (PagerCandidate & { container: Element })[] {
  const body = doc.body;
  if (!body) return [];
  const groups = new Map<Element, PageLink[]>();
  const links = pageLinks(doc, url);
  const anchors = links.map(l => l.a);
  for (const l of links) {
    const c = containerOf(l.a, body, anchors);
    groups.set(c, [...(groups.get(c) ?? []), l]);
  }
  const out: (PagerCandidate & { container: Element })[] = [];
  for (const [container, links] of groups) {
    const current = links.find(l => l.self)?.n ?? links.find(l => l.currentN !== null)?.currentN ?? 1;
    const moves = links.filter(l => !l.self).map(({ url: u, role, n }) => ({ url: u, role, n: n ?? current + 1 }));
    const numbers = new Set(moves.filter(l => l.role === 'number').map(l => l.n));
    const verdict =
      inComments(container) || moves.some(l => commentUrl(l.url))
        ? 'comments'
        : !moves.some(l => l.role === 'next') && numbers.size < 2
          ? 'too-few'
          : listing(scopeOf(container, body), container)
            ? 'listing'
            : 'article';
    const of = squeeze(container.textContent ?? '').match(/(?:of|共)(\d{1,3})(?:[页頁]|pages)?/i);
    out.push({ verdict, container, current, links: moves, ...(of ? { total: Number(of[1]) } : {}) });
  }
  const score = (c: PagerCandidate) => (c.verdict === 'article' ? 100 : 0) + c.links.length;
  return out.sort((a, b) => score(b) - score(a));
}

/** The pager from `<link rel="next">` alone (pages that print no pager, or print it with scripts). */
function headNext(doc: Document, url: string): Pager | null {
  const href = doc.querySelector('head link[rel~="next"][href]')?.getAttribute('href');
  if (!href || !doc.body) return null;
  const abs = absolute(href, baseUrlOf(doc, url));
  const m = sameOrigin(abs, url) && !commentUrl(abs) ? pageNumberOf(abs, url) : null;
  if (!m || m.n !== m.currentN + 1 || listing(doc.body, null)) return null;
  return { current: m.currentN, pages: [], next: abs, last: null };
}

/** The article's own pager on the page at `url`, or null (no pager, or only comment, listing or other-article links). */
export function detectPager(doc: Document, url: string): Pager | null {
  const best = pagerCandidates(doc, url).find(c => c.verdict === 'article');
  if (!best) return headNext(doc, url);
  const byNumber = new Map<number, string>();
  for (const l of best.links) if (l.role === 'number' && !byNumber.has(l.n)) byNumber.set(l.n, l.url);
  const nextLink = best.links.find(l => l.role === 'next');
  if (nextLink && !byNumber.has(nextLink.n)) byNumber.set(nextLink.n, nextLink.url);
  const pages: string[] = [];
  for (let n = best.current + 1; byNumber.has(n); n++) pages.push(byNumber.get(n)!);
  const numbers = best.links.filter(l => l.role === 'number').map(l => l.n);
  return {
    current: best.current,
    pages,
    next: nextLink?.url ?? pages[0] ?? null,
    last: numbers.length || best.total ? Math.max(best.current, best.total ?? 0, ...numbers) : null,
  };
}
