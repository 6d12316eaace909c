/**
 * A site's own headline list at the foot of the article: a short heading that is no known label ("观察",
 * "财经观察", "Elsewhere on Harbor Times") over at least three links to the same site whose texts are
 * headlines (issue 9: "a site's own 观察 headline list" stayed on held-out pages). Only the bottom edge of the
 * article Readability returned is looked at, and the links must stay on the page's own site, so an
 * article's closing list of sources (other sites) or a list in its middle is never taken.
 */
import { hasText, linkShare, measureUntilSentence, squeezedLength, T } from '../measures';

const SECOND_LEVEL = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co']);

/** A host's site without the Public Suffix List (kept out of the page bundle): "money.163.com" → "163.com", "news.sina.com.cn" → "sina.com.cn". */
export function siteOf(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const n = labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]!) ? 3 : 2;
  return labels.slice(-n).join('.');
}

/** Whether most links under the nodes go to the page's own site (relative links do). */
function sameSite(nodes: Element[]): boolean {
  const doc = nodes[0]?.ownerDocument;
  let page = '';
  try { page = siteOf(new URL(doc?.URL ?? '').hostname); } catch { /* about:blank: only relative links count */ }
  let same = 0, all = 0;
  for (const el of nodes) for (const a of el.querySelectorAll('a[href]')) {
    all++;
    const href = a.getAttribute('href') ?? '';
    if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) { same++; continue; }
    try { if (page && siteOf(new URL(href, doc?.URL).hostname) === page) same++; } catch { /* not a URL */ }
  }
  return all > 0 && same * 3 >= all * 2;
}

/** A block of one or more headline links: nearly all link text, each link a headline's length, no prose. */
function isHeadlineBlock(el: Element): boolean {
  if (/^h[1-6]$/.test(el.localName)) return false;
  const s = measureUntilSentence(el); // a sentence refuses the block: no need to measure past it (it may be the article)
  if (s.links === 0 || s.media || s.sentences > 0 || linkShare(s) < T.menuShare) return false;
  for (const a of el.querySelectorAll('a[href]')) {
    const n = squeezedLength(a.textContent ?? '');
    if (n < T.headlineMin || n > T.headlineMax) return false;
  }
  return true;
}

/** A short heading of its own: no link, no sentence, at most T.menuItemChars characters ("观察", "财经观察"). */
function isShortHeading(el: Element): boolean {
  const s = measureUntilSentence(el); // a sentence refuses it
  return s.links === 0 && !s.media && s.sentences === 0 && s.chars > 0 && s.chars <= T.menuItemChars;
}

const links = (nodes: Element[]) => nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);

/** A heading and the headline blocks after it, or null: children of one container, heading first. */
function headedRun(kids: Element[], isLabel: (text: string) => boolean): Element[] | null {
  // kids in document order; the run of headline blocks ends the container
  let i = kids.length;
  while (i > 0 && isHeadlineBlock(kids[i - 1]!)) i--;
  const run = kids.slice(i);
  if (!run.length || i === 0) return null;
  const head = kids[i - 1]!;
  if (!isShortHeading(head) || isLabel(head.textContent ?? '') || links(run) < T.headlineListLinks || !sameSite(run)) return null;
  return [head, ...run];
}

/** Element children with text, in document order. */
const textKids = (el: Element): Element[] => [...el.children].filter(hasText);

/**
 * A container's text children and its headed run, each found once per findEdgeList call: the loop below asks
 * for the last block's run, then descends into that block and asks for the same run again.
 */
function containers(isLabel: (text: string) => boolean): { kids: (el: Element) => Element[]; run: (el: Element) => Element[] | null } {
  const kids = new Map<Element, Element[]>();
  const runs = new Map<Element, Element[] | null>();
  const kidsOf = (el: Element): Element[] => {
    let k = kids.get(el);
    if (!k) kids.set(el, (k = textKids(el)));
    return k;
  };
  const runOf = (el: Element): Element[] | null => {
    if (!runs.has(el)) runs.set(el, headedRun(kidsOf(el), isLabel));
    return runs.get(el)!;
  };
  return { kids: kidsOf, run: runOf };
}

/** The site's headline list at the bottom edge of root (as sibling nodes), or []. */
export function findEdgeList(root: Element, isLabel: (text: string) => boolean = () => false): Element[] {
  const c = containers(isLabel);
  let container: Element = root;
  for (let depth = 0; depth < 8; depth++) {
    // A bare text node after the last element ends the article with prose: nothing to take.
    for (let n = container.lastChild; n && n.nodeType !== 1; n = n.previousSibling) if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return [];
    const kids = c.kids(container);
    if (!kids.length) return [];
    const run = c.run(container);
    if (run) return run.length === kids.length && container !== root ? [container] : run;
    // The last block may itself be the module (a div holding the heading and a list).
    const last = kids[kids.length - 1]!;
    const inner = c.run(last);
    if (inner && inner.length === c.kids(last).length) return [last];
    container = last;
  }
  return [];
}
