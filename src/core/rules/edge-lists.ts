/**
 * A site's own headline list at the foot of the article: a short heading that is no known label ("观察",
 * "财经观察", "Elsewhere on Harbor Times") over at least three links to the same site whose texts are
 * headlines (issue 9: "a site's own 观察 headline list" stayed on held-out pages). Only the bottom edge of the
 * article Readability returned is looked at, and the links must stay on the page's own site, so an
 * article's closing list of sources (other sites) or a list in its middle is never taken.
 */
import { linkShare, measure, squeeze, T } from '../measures';

const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co']);

/** A host's site without the Public Suffix List (kept out of the page bundle): "money.163.com" → "163.com", "news.sina.com.cn" → "sina.com.cn". */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const n = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/**
 * Whether most links under the nodes go to the page's own site (relative links do). `pageUrl` is the page's
 * address: the article may sit in a document of its own (the popup parses it), whose URL is not the page's.
 */
function sameSite(nodes: Element[], pageUrl: string): boolean {
  // Non-web pages (file:, about:) have no site: only relative links count (jsdom documents them as about:blank).
  const base = /^https?:/i.test(pageUrl) ? pageUrl : 'about:blank';
  let page = '';
  try { page = siteOf(new URL(base).hostname); } catch { /* no host: only relative links count */ }
  let same = 0, all = 0;
  for (const el of nodes) for (const a of el.querySelectorAll('a[href]')) {
    all++;
    const href = a.getAttribute('href') ?? '';
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) { same++; continue; }
    try { if (page && siteOf(new URL(href, base).hostname) === page) same++; } catch { /* not a URL */ }
  }
  return all > 0 && same * 3 >= all * 2;
}

/** A block of one or more headline links: nearly all link text, each link a headline's length, no prose. */
function isHeadlineBlock(el: Element): boolean {
  if (/^h[1-6]$/.test(el.localName)) return false;
  const s = measure([el]);
  if (s.links === 0 || s.media || s.sentences > 0 || linkShare(s) < T.menuShare) return false;
  for (const a of el.querySelectorAll('a[href]')) {
    const n = squeeze(a.textContent ?? '').length;
    if (n < T.headlineMin || n > T.headlineMax) return false;
  }
  return true;
}

/** A short heading of its own: no link, no sentence, at most T.menuItemChars characters ("观察", "财经观察"). */
function isShortHeading(el: Element): boolean {
  const s = measure([el]);
  return s.links === 0 && !s.media && s.sentences === 0 && s.chars > 0 && s.chars <= T.menuItemChars;
}

const links = (nodes: Element[]) => nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);

/** A heading and the headline blocks after it, or null: children of one container, heading first. */
function headedRun(kids: Element[], isLabel: (text: string) => boolean, pageUrl: string): Element[] | null {
  // kids in document order; the run of headline blocks ends the container
  let i = kids.length;
  while (i > 0 && isHeadlineBlock(kids[i - 1]!)) i--;
  const run = kids.slice(i);
  if (!run.length || i === 0) return null;
  const head = kids[i - 1]!;
  if (!isShortHeading(head) || isLabel(head.textContent ?? '') || links(run) < T.headlineListLinks || !sameSite(run, pageUrl)) return null;
  return [head, ...run];
}

/** Element children with text, in document order. */
const textKids = (el: Element): Element[] => [...el.children].filter(c => squeeze(c.textContent ?? ''));

/** The site's headline list at the bottom edge of root (as sibling nodes), or []. */
export function findEdgeList(root: Element, isLabel: (text: string) => boolean = () => false, pageUrl = root.ownerDocument?.URL ?? ''): Element[] {
  let container: Element = root;
  for (let depth = 0; depth < 8; depth++) {
    // A bare text node after the last element ends the article with prose: nothing to take.
    for (let c = container.lastChild; c && c.nodeType !== 1; c = c.previousSibling) if (c.nodeType === 3 && (c.nodeValue ?? '').trim()) return [];
    const kids = textKids(container);
    if (!kids.length) return [];
    const run = headedRun(kids, isLabel, pageUrl);
    if (run) return run.length === kids.length && container !== root ? [container] : run;
    // The last block may itself be the module (a div holding the heading and a list).
    const last = kids[kids.length - 1]!;
    const inner = headedRun(textKids(last), isLabel, pageUrl);
    if (inner && inner.length === textKids(last).length) return [last];
    container = last;
  }
  return [];
}
