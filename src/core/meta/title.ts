/**
 * The article's title without the site's suffix ("…_快讯网", "…_新浪财经_新浪网", "… - 网易新闻", "… | Site").
 * Readability strips " | " and " - " suffixes only when enough words are left, which Chinese titles (no
 * spaces) never have, and never splits on "_". A suffix is cut only with evidence that it names the site:
 * the page's own headline (h1, og:title) equals what is left, or the cut-off part is the site's name (og:
 * site_name, an h1 logo, the host name) or a Chinese site word (…网, …频道). "Python - The Good Parts"
 * with no such evidence keeps its dash.
 */
import type { TitleEvidence } from '../types';
import { fold } from '../text/chars';

export type { TitleEvidence };

/** Separators sites put between headline and site name: "_", "|", "｜", "丨", " - ", " – ", " — ", " :: ", " » ". */
const SEPARATOR = /\s*[_|｜丨]\s*|\s+[-–—»·]\s+|\s+::\s+/g;

/** A segment that names a Chinese site or channel: "快讯网", "新浪财经", "网易新闻", "凤凰网财经", "XX频道". */
const CJK_SITE_WORD = /(?:网|網|网站|網站|频道|頻道|新闻|新聞|资讯|資訊|财经|財經|日报|日報|晚报|晚報|在线|在線|门户|客户端|号|號)$/;

/** Longest segment read as a site name by its words alone, in characters: "新浪财经" 4, "中国经济网" 5, "凤凰网财经" 5; 12 is margin. */
const MAX_SITE_WORD_CHARS = 12;

const norm = (s: string) => fold(s).toLowerCase();
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** <meta> attributes (property or name) whose content is a headline, and those whose content names the site. */
const TITLE_META: ReadonlySet<string> = new Set(['og:title', 'twitter:title']);
const SITE_META = { property: new Set(['og:site_name']), name: new Set(['application-name', 'apple-mobile-web-app-title']) };

/**
 * Reads the evidence from the page: one pass over its <meta> elements and its first five <h1>s, by tag (the
 * page half reads it on every click; two attribute-selector queries over the whole page cost a third of a
 * millisecond on the seed pages, more than the rest of this file).
 */
export function titleEvidence(doc: Document, url: string, siteName: string | null = null): TitleEvidence {
  const titles: string[] = [], sites: string[] = [];
  const metas = doc.getElementsByTagName('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!, content = m.getAttribute('content');
    if (!content) continue;
    const property = m.getAttribute('property'), name = m.getAttribute('name');
    if ((property !== null && TITLE_META.has(property)) || (name !== null && TITLE_META.has(name))) titles.push(content);
    if ((property !== null && SITE_META.property.has(property)) || (name !== null && SITE_META.name.has(name))) sites.push(content);
  }
  // h1s beyond the first few are list headings on portal pages, not the article's headline.
  const h1s: string[] = [];
  const all = doc.getElementsByTagName('h1');
  for (let i = 0; i < all.length && i < 5; i++) {
    const t = fold(all[i]!.textContent ?? '');
    if (t.length > 1) h1s.push(t);
  }
  const headlines = [...h1s, ...titles].map(fold).filter(s => s.length > 1);
  const siteNames = [siteName ?? '', ...sites].map(s => s.trim()).filter(Boolean);
  let host = '';
  try { host = new URL(url).hostname.replace(/^www\./, ''); } catch { /* not a URL: no host evidence */ }
  return { headlines, h1s, siteNames, host };
}

/** Whether `seg` (a cut-off part of a title) names the site. */
function namesSite(seg: string, ev: TitleEvidence): boolean {
  const s = squash(seg);
  if (!s) return true; // an empty tail after a trailing separator
  for (const n of [...ev.siteNames, ...ev.headlines]) {
    const q = squash(n);
    // The part equals a site name or is part of one ("新浪网" within "新浪财经_新浪网"); and vice versa.
    if (q && (q === s || (ev.siteNames.includes(n) && (q.includes(s) || s.includes(q))))) return true;
  }
  const hostLabels = ev.host.split('.').filter(l => l.length >= 3 && !/^(?:com|net|org|www|news|cn|co)$/.test(l));
  if (hostLabels.some(l => s.includes(l) || (s.length >= 4 && l.includes(s)))) return true;
  return seg.trim().length <= MAX_SITE_WORD_CHARS && CJK_SITE_WORD.test(seg.trim()) && !/\s/.test(seg.trim());
}

/**
 * The title without a site suffix or prefix, when the page gives evidence for the cut; else `title`
 * unchanged. A headline (h1 / og:title) that equals a prefix or suffix of the title is preferred outright.
 */
export function cleanTitle(title: string, ev: TitleEvidence): string {
  const t = fold(title);
  const cuts: { at: number; end: number }[] = [];
  SEPARATOR.lastIndex = 0;
  for (let m; (m = SEPARATOR.exec(t));) if (m.index > 0) cuts.push({ at: m.index, end: m.index + m[0].length });
  if (!cuts.length) return t;
  // (a) The page's own headline is the title with the suffix (or prefix) cut at a separator.
  if (ev.h1s.some(h => norm(h) === norm(t))) return t;
  // The part before a separator may be the headline outright; the part after it only when what comes before
  // names the site ("网易新闻 - 标题"): a logo <h1> ("V8", a project's name) equals a title's suffix too.
  for (const h of ev.headlines) {
    const hn = norm(h);
    for (const c of cuts) {
      if (norm(t.slice(0, c.at)) === hn || (norm(t.slice(c.end)) === hn && namesSite(t.slice(0, c.at), ev))) return fold(h);
    }
  }
  // (b) Cut suffix parts from the right while every part cut names the site ("…_新浪财经_新浪网").
  let keep = t;
  for (let i = cuts.length - 1; i >= 0; i--) {
    const c = cuts[i]!;
    const head = t.slice(0, c.at), tail = t.slice(c.end, i + 1 < cuts.length ? cuts[i + 1]!.at : t.length);
    if (!namesSite(tail, ev) || head.trim().length < 2) break;
    keep = head;
  }
  if (keep !== t) return keep.trim();
  // (c) A site-name prefix ("网易新闻 - …", "Site | …"): only when it equals a named site (og:site_name, the
  // host), never by the Chinese site words alone, since a headline may start with a word ending in 网.
  const prefix = squash(t.slice(0, cuts[0]!.at)), rest = t.slice(cuts[0]!.end).trim();
  const hostLabels = ev.host.split('.').filter(l => l.length >= 3);
  if (prefix && rest.length >= 2 && (ev.siteNames.some(n => squash(n) === prefix) || hostLabels.includes(prefix))) return rest;
  return t;
}
