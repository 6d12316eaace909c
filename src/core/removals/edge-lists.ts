/**
 * A site's own headline list at the foot of the article: a short heading that is no known label ("观察",
 * "财经观察", "Elsewhere on Harbor Times") over at least three links to the same site whose texts are
 * headlines (issue 9: "a site's own 观察 headline list" stayed on held-out pages). Only the bottom edge of the
 * article Readability returned is looked at, and the links must stay on the page's own site, so an
 * article's closing list of sources (other sites) or a list in its middle is never taken.
 */
import { hasText } from '../text/walk';
import { linkShare, measureUntilSentence } from '../text/shape';
import { squeeze } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';

const SECOND_LEVEL: ReadonlySet<string> = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co']);

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
export function sameSite(nodes: Element[], pageUrl: string): boolean {
  // Non-web pages (file:, about:) have no site: only relative links count (jsdom documents them as about:blank).
  const base = /^https?:/i.test(pageUrl) ? pageUrl : 'about:blank';
  let page = '';
  try {
    page = siteOf(new URL(base).hostname);
  } catch {
    /* no host: only relative links count */
  }
  let same = 0,
    all = 0;
  for (const el of nodes)
    for (const a of el.querySelectorAll('a[href]')) {
      all++;
      const href = a.getAttribute('href') ?? '';
      if (!/^[a-z][a-z0-9+.-]*:|^\/\//i.test(href)) {
        same++;
        continue;
      }
      try {
        if (page && siteOf(new URL(href, base).hostname) === page) same++;
      } catch {
        /* not a URL */
      }
    }
  return all > 0 && same >= all * THRESHOLDS.headlineSameSite;
}

/** Dates, times and counts printed beside a headline ("2025-03-20", "03-21 08:30", "126评", "3小时前"): not prose. */
const BESIDE = /(?:\d{2,4}[-/.年])?\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?|\d+\s*(?:评|評|条评论|分钟前|小时前|天前|min read)/g;

/**
 * A block of one or more headline links: nearly all link text (dates and counts beside a headline do not count
 * against it), each link a headline's length, no prose. A link with no text is the headline's thumbnail (the same
 * target twice: a picture link, then a text link; the picture is gone when the live page could not load it).
 */
function isHeadlineBlock(el: Element): boolean {
  if (/^h[1-6]$/.test(el.localName)) return false;
  const s = measureUntilSentence(el); // a sentence refuses the block: no need to measure past it (it may be the article)
  if (s.links === 0 || s.media || s.sentences > 0) return false;
  let rest = squeeze(el.textContent ?? '');
  for (const a of el.querySelectorAll('a[href]')) {
    const t = squeeze(a.textContent ?? '');
    if (!t) continue; // the thumbnail's link (its image may be gone: the page could not load it)
    if (t.length < THRESHOLDS.headlineMin || t.length > THRESHOLDS.headlineMax) return false;
    rest = rest.replace(t, '');
  }
  const beside = rest.replace(BESIDE, '').length;
  return s.linkChars / (s.linkChars + beside) >= THRESHOLDS.menuShare;
}

/**
 * A short heading of its own: no sentence, at most THRESHOLDS.menuItemChars characters ("观察", "财经观察"), no
 * link or one that is the whole heading (a channel's name linking to the channel: "<h3><a>江城要闻</a></h3>").
 */
function isShortHeading(el: Element): boolean {
  const s = measureUntilSentence(el); // a sentence refuses it
  return (
    (s.links === 0 || (s.links === 1 && s.linkChars === s.chars)) &&
    !s.media &&
    s.sentences === 0 &&
    s.chars > 0 &&
    s.chars <= THRESHOLDS.menuItemChars
  );
}

/** A download, not a headline: an article's attachments (附件：…pdf) are its own. */
const FILE_LINK = /\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|txt|wps|ofd)(?:[?#].*)?$/i;

const links = (nodes: Element[]) => nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);

/** The last element child of el with text before `before` (from the end when null): the article's paragraphs are read from the foot, not all. */
function prevTextKid(el: Element, before: Element | null): Element | null {
  for (let c = before ? before.previousElementSibling : el.lastElementChild; c; c = c.previousElementSibling) if (hasText(c)) return c;
  return null;
}

/** A container's headed run: the heading and headline blocks (document order), and whether they are all its children with text. */
interface HeadedRun {
  nodes: Element[];
  whole: boolean;
}

/** A heading and the headline blocks after it that end a container (its children with text), or null. */
function headedRun(container: Element, isLabel: (text: string) => boolean, pageUrl: string): HeadedRun | null {
  const run: Element[] = [];
  let head = prevTextKid(container, null);
  while (head && isHeadlineBlock(head)) {
    run.push(head);
    head = prevTextKid(container, head);
  }
  if (!run.length) return null;
  run.reverse();
  if (!sameSite(run, pageUrl) || run.some(b => [...b.querySelectorAll('a[href]')].some(a => FILE_LINK.test(a.getAttribute('href') ?? ''))))
    return null;
  if (head && isShortHeading(head)) {
    if (isLabel(head.textContent ?? '') || links(run) < THRESHOLDS.headlineListLinks) return null;
    return { nodes: [head, ...run], whole: !prevTextKid(container, head) };
  }
  // No heading: the list ends the article right after its prose, longer than a "see also" pair; nothing
  // introduces it (a block ending in a colon, "相关文件：", or a heading, which is a label's or the article's own);
  // and it is printed as a feed — a date, a count or a thumbnail with at least every other headline — where an
  // article's own list of links (a roundup, fixture zh-decoy-roundup-links) is bare headlines.
  const before = (head?.textContent ?? '').trim();
  if (links(run) < THRESHOLDS.headlessListLinks || /[:：]$/.test(before) || (head && /^h[1-6]$/.test(head.localName))) return null;
  let headlines = 0;
  let marks = 0;
  for (const b of run) {
    for (const a of b.querySelectorAll('a[href]')) (a.textContent ?? '').trim() ? headlines++ : marks++;
    marks += (b.textContent ?? '').match(BESIDE)?.length ?? 0;
  }
  return marks * 2 >= headlines ? { nodes: run, whole: !head } : null;
}

/** The site's headline list at the bottom edge of root (as sibling nodes), or []. */
export function findEdgeList(
  root: Element,
  isLabel: (text: string) => boolean = () => false,
  pageUrl = root.ownerDocument?.URL ?? '',
): Element[] {
  // Each container's run once: the loop asks for the last block's run, then descends into it and asks again.
  const runs = new Map<Element, HeadedRun | null>();
  const runOf = (el: Element): HeadedRun | null => {
    if (!runs.has(el)) runs.set(el, headedRun(el, isLabel, pageUrl));
    return runs.get(el)!;
  };
  let container: Element = root;
  for (let depth = 0; depth < THRESHOLDS.edgeDepth; depth++) {
    // A bare text node after the last element ends the article with prose: nothing to take.
    for (let n = container.lastChild; n && n.nodeType !== 1; n = n.previousSibling)
      if (n.nodeType === 3 && (n.nodeValue ?? '').trim()) return [];
    const last = prevTextKid(container, null);
    if (!last) return [];
    const run = runOf(container);
    if (run) return run.whole && container !== root ? [container] : run.nodes;
    // The last block may itself be the module (a div holding the heading and a list).
    const inner = runOf(last);
    if (inner?.whole) return [last];
    container = last;
  }
  return [];
}
