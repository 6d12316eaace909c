/**
 * Where a page sits in a paged article, read from its URL: the same address with the page number taken out
 * (the stem) and the number. The forms pagers use: `a100_2.shtml`, `story-2.html`, `index_2.html`, `?page=2`,
 * `/slug/2.html`, `/slug/page/2/`. Page 1 is usually the stem itself (`a100.shtml`, `?page` absent).
 */
import { COMMENT_QUERY } from './words';

/** One reading of a URL as page `n` of the article at `stem` (a normalized URL). */
export interface PageSlot {
  stem: string;
  n: number;
}

/** Query keys that number an article's pages (never `cp` and the like: those page comments, words.ts). */
const PAGE_QUERY = /^(?:page|p|pg|pn|pageno|page_no|pagenum|pagenumber|pageindex|paged|part|seite)$/i;
/** `name_2.ext`, `name-2.ext` (also `index_2.html`). */
const SUFFIX = /^(.+?)[_-](\d{1,3})(\.[a-z]{2,6})$/i;
/** `2.html` as the whole last segment: page 2 of the folder. Two digits at most, so `/a/1234.html` is an article id. */
const BARE = /^(\d{1,2})(\.[a-z]{2,6})$/i;
/** A folder's default document: `dir/index.html` and `dir/` are the same page. */
const DEFAULT_DOC = /\/(?:index|default)\.(?:s?html?|php|aspx?|jsp)$/i;
/** Tracking parameters that never change what a page shows. */
const TRACKING = /^(?:utm_\w+|spm|from|source|ref|fbclid|gclid|share_token|_ga)$/i;

/** An http(s) URL parsed, or null. */
function parse(url: string, base?: string): URL | null {
  try {
    const u = new URL(url, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * The query's pairs in order. Through forEach, not the iterators: in a Firefox content script (pager.js) a
 * URLSearchParams iterator is not iterable ("searchParams.keys() is not iterable", Firefox ESR 140), since
 * URL there is the page window's, seen through an Xray.
 */
function queryPairs(u: URL): [string, string][] {
  const out: [string, string][] = [];
  u.searchParams.forEach((v, k) => {
    out.push([k, v]);
  });
  return out;
}

/**
 * A URL in the form two addresses of one page share: no fragment, no tracking parameters, the rest of the query
 * sorted, a folder's default document cut to the folder. Host and scheme as URL parsing leaves them (lower case,
 * default port dropped). Null for what is not http(s).
 */
export function normalizeUrl(url: string, base?: string): string | null {
  const u = parse(url, base);
  if (!u) return null;
  u.hash = '';
  const kept = queryPairs(u)
    .filter(([k]) => !TRACKING.test(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  u.search = new URLSearchParams(kept).toString();
  u.pathname = u.pathname.replace(DEFAULT_DOC, '/');
  return u.href;
}

/** Whether two URLs share scheme, host and port (the only pages a merge may fetch). */
export function sameOrigin(a: string, b: string): boolean {
  const x = parse(a),
    y = parse(b);
  return !!x && !!y && x.origin === y.origin;
}

/** Whether the URL's query pages a comment thread (`?cp=2`) or its path or fragment names comments. */
export function commentUrl(url: string): boolean {
  const u = parse(url);
  if (!u) return false;
  for (const [k] of queryPairs(u)) if (COMMENT_QUERY.test(k)) return true;
  return /comment|评论|評論/i.test(decodeURIComponent(u.pathname + u.hash));
}

/**
 * Every way the URL can be read as a page of an article: as page 1 of itself, and as page n of a stem when a
 * page number is in its query or last path segment. A pager's links and the current URL match when they
 * share a stem (page-url tests list the forms).
 */
export function pageSlots(url: string): PageSlot[] {
  const u = parse(url);
  if (!u) return [];
  const self = normalizeUrl(u.href);
  const out: PageSlot[] = self ? [{ stem: self, n: 1 }] : [];
  const add = (v: URL, n: number) => {
    const stem = normalizeUrl(v.href);
    if (stem && n >= 1) out.push({ stem, n });
  };
  for (const [k, v] of queryPairs(u)) {
    if (!PAGE_QUERY.test(k) || !/^\d{1,3}$/.test(v)) continue;
    const w = new URL(u.href);
    w.searchParams.delete(k);
    add(w, Number(v));
    if (v === '1') out.shift(); // "?page=1" is page 1 of the stem, not page 1 of itself
  }
  const segs = u.pathname.split('/');
  const last = segs[segs.length - 1] ?? '';
  const suffix = last.match(SUFFIX);
  if (suffix) {
    const w = new URL(u.href);
    w.pathname = [...segs.slice(0, -1), suffix[1]! + suffix[3]!].join('/');
    add(w, Number(suffix[2]));
  }
  const bare = last.match(BARE);
  if (bare) {
    const w = new URL(u.href);
    w.pathname = [...segs.slice(0, -1), ''].join('/');
    add(w, Number(bare[1]));
  }
  // WordPress and others: /slug/page/2/ (or /slug/2/ after a slug that is not a number).
  const paged = u.pathname.match(/^(.*\/)page\/(\d{1,3})\/?$/i);
  if (paged) {
    const w = new URL(u.href);
    w.pathname = paged[1]!;
    add(w, Number(paged[2]));
  }
  return out;
}

/**
 * The page number `link` has in the article `current` belongs to, or null when they are not pages of one
 * article. `currentN`, when known, is the current page's number (it picks the reading of `current`).
 */
export function pageNumberOf(link: string, current: string): { n: number; currentN: number } | null {
  const mine = pageSlots(current);
  let best: { n: number; currentN: number } | null = null;
  for (const l of pageSlots(link)) {
    for (const c of mine) {
      if (l.stem !== c.stem) continue;
      if (l.n === c.n) continue; // the same page (a pager's link to the page it is on)
      // The numbered readings win over "page 1 of itself" on both sides: `a_2.shtml` → `a_3.shtml` is 2 → 3.
      if (!best || (c.n !== 1 && best.currentN === 1)) best = { n: l.n, currentN: c.n };
    }
  }
  return best;
}

/** Whether two URLs name the same page (normalized equal). */
export function samePage(a: string, b: string): boolean {
  const x = normalizeUrl(a),
    y = normalizeUrl(b);
  return !!x && x === y;
}
