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
import * as THRESHOLDS from '../text/thresholds';

export type { TitleEvidence };

/**
 * Separators sites put between headline and site name: "_", "|", "｜", "丨", " - ", " – ", " — ", " :: ", " » ",
 * the full-width "－", "——", and an unspaced "-" or "--" beside Han text ("…宣传-搜狐财经", "…成长--大河网",
 * "…-CSDN.NET"; zh-cwce 33a95b71, 274a65d9): a hyphen between two Latin letters ("Jean-Paul") is no separator.
 */
const SEPARATOR =
  /\s*[_|｜丨－]+\s*|\s+[-–—»·]\s+|\s+::\s+|\s*——\s*|(?<=[\p{Script=Han}\p{P}])-{1,2}(?!\s)|(?<!\s)-{1,2}(?=\p{Script=Han})/gu;

/** A segment that names a Chinese site or channel: "快讯网", "新浪财经", "网易新闻", "凤凰网财经", "XX频道". */
const CJK_SITE_WORD =
  /(?:网|網|网站|網站|频道|頻道|新闻|新聞|资讯|資訊|财经|財經|日报|日報|晚报|晚報|在线|在線|门户|客户端|号|號|社区|社區|论坛|論壇)$/;

/**
 * A channel between the headline and the site ("…__商贸_产业资讯_新浪网", "… - 要闻云南 - 云南日报网"; zh-cwce
 * 0d931936, 9890f458): at most this many characters, cut only when a part to its right named the site.
 */
const MAX_CHANNEL_CHARS = 6;

/** A quotation mark, where an attribute written with unescaped quotes ended early. */
const QUOTE_NEXT = /^\s*["“”'‘’「『]/u;

/** A headline-like h1, not a logo: six or more Han characters, or four or more words ("V8", "Python" are logos). */
const headlineLike = (h: string) => (h.match(/\p{Script=Han}/gu)?.length ?? 0) >= 6 || h.split(/\s+/).filter(Boolean).length >= 4;

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
 * millisecond on the seed pages, more than the rest of this file). The host is the article stage's to read from
 * the URL (hostOf), so content.js carries no URL parsing for it.
 */
export function pageTitleEvidence(doc: Document): Omit<TitleEvidence, 'host'> {
  const titles: string[] = [],
    sites: string[] = [];
  for (const m of doc.getElementsByTagName('meta')) {
    const content = m.getAttribute('content');
    if (!content) continue;
    const property = m.getAttribute('property') ?? '',
      name = m.getAttribute('name') ?? '';
    if (TITLE_META.has(property) || TITLE_META.has(name)) titles.push(content);
    if (SITE_META.property.has(property) || SITE_META.name.has(name)) sites.push(content);
  }
  // h1s beyond the first few are list headings on portal pages, not the article's headline.
  const h1s: string[] = [];
  const all = doc.getElementsByTagName('h1');
  for (let i = 0; i < all.length && i < 5; i++) {
    const t = fold(all[i]!.textContent!); // an element's textContent is never null
    if (t.length > 1) h1s.push(t);
  }
  const headlines = [...h1s, ...titles].map(fold).filter(s => s.length > 1);
  return { headlines, h1s, siteNames: sites.map(s => s.trim()).filter(Boolean), docTitle: fold(doc.title) };
}

/** The host name without "www.", for "theverge" in "The Verge"; '' for what is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/** The whole evidence for a page at `url`, with Readability's site name first. */
export function titleEvidence(doc: Document, url: string, siteName: string | null = null): TitleEvidence {
  const e = pageTitleEvidence(doc);
  return { ...e, siteNames: [siteName?.trim() ?? '', ...e.siteNames].filter(Boolean), host: hostOf(url) };
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

/** The separators of a title, in order (never at its start). */
function cutsOf(t: string): { at: number; end: number }[] {
  const cuts: { at: number; end: number }[] = [];
  SEPARATOR.lastIndex = 0;
  for (let m; (m = SEPARATOR.exec(t)); ) if (m.index > 0 && m[0].length) cuts.push({ at: m.index, end: m.index + m[0].length });
  return cuts;
}

/** Cuts suffix parts from the right while every part cut names the site, or is a short channel right of one that does. */
function cutSuffixes(t: string, cuts: { at: number; end: number }[], ev: TitleEvidence): string {
  let keep = t,
    sited = false;
  for (let i = cuts.length - 1; i >= 0; i--) {
    const c = cuts[i]!;
    const head = t.slice(0, c.at),
      tail = t.slice(c.end, i + 1 < cuts.length ? cuts[i + 1]!.at : t.length).trim();
    if (head.trim().length < 2) break;
    const site = namesSite(tail, ev);
    const channel = !site && sited && tail.length <= MAX_CHANNEL_CHARS && !/[\s\p{P}]/u.test(tail) && head.trim().length >= 2 * tail.length;
    if (!site && !channel) break;
    sited ||= site && tail.length > 0;
    keep = head;
  }
  return keep.trim();
}

/**
 * The title without a site suffix or prefix, when the page gives evidence for the cut; else `title`
 * unchanged. A headline (h1 / og:title) that equals a prefix or suffix of the title is preferred outright.
 */
export function cleanTitle(title: string, ev: TitleEvidence): string {
  const t = fold(title);
  const h1s = ev.h1s
    .slice(0, 2)
    .map(fold)
    .filter(h => h.length >= 2);
  const doc = fold(ev.docTitle ?? '');
  // An empty <title> (zh-cwce: 8 of 49 portal pages): an h1 that reads as a headline (not 导航, a blog's name).
  if (!t) return h1s.find(headlineLike) ?? t;
  // og:title cut short by a badly quoted attribute (content="刚刚！"青鸟二号"…" reads as 刚刚！): the h1 it begins,
  // where the h1 goes on with the quotation mark that ended the attribute.
  for (const h of h1s) if (h.length > t.length && norm(h).startsWith(norm(t)) && QUOTE_NEXT.test(h.slice(t.length))) return h;
  // Readability's title came from the page's <title>, which opens with an h1 and a separator: the h1, when it
  // reads as a headline (not a logo), or
  // the rest names the site, or Readability took the rest for the title (a Han headline counts as fewer than
  // three words to it: rfi's "headline - column" became the column; zh-cwce 0ef8393b).
  const segments = (x: string) => {
    const c = cutsOf(x);
    return c.map((k, i) => norm(x.slice(i ? c[i - 1]!.end : 0, k.at))).concat(c.length ? [norm(x.slice(c[c.length - 1]!.end))] : []);
  };
  // The first h1 and the <title> (whole, or its first part) agree on a headline Readability's title is not, and
  // Readability's title is no part of a headline meta tag: it read a name from a script (wikipedia's JSON-LD
  // "金鍾國" beside the h1 and <title> "金锺国"; zh-cwce d5bced5e). An og:title keeps its say (Readability corpus
  // dropbox-blog, yahoo-2: the reference titles are the og:title's).
  const h0 = h1s[0] ? norm(h1s[0]) : '';
  const fromMeta = ev.headlines.some(x => !ev.h1s.includes(x) && norm(x).includes(norm(t)));
  if (h0 && doc && !fromMeta && !norm(t).includes(h0) && !h0.includes(norm(t)) && (norm(doc) === h0 || segments(doc)[0] === h0))
    return h1s[0]!;
  if (doc) {
    for (const h of h1s) {
      // Only where Readability's title came from the <title>, or holds the h1 as a part of its own (og:title "column - headline").
      const fromDoc = norm(doc).startsWith(norm(t)) || segments(doc).includes(norm(t));
      if (!fromDoc && !segments(t).includes(norm(h))) continue;
      if (!norm(doc).startsWith(norm(h)) || norm(doc) === norm(h) || namesSite(h, { ...ev, headlines: [] })) continue;
      // The h1 may end at a plain space before the site's names ("…过廉洁之年 河南日报网-河南日报官方网站"; zh-cwce 91bdf33e).
      const rest = doc.slice(h.length).replace(/^\s+(?=[^\s_|｜丨－\-–—»·:])/u, ' | ');
      const restCuts = cutsOf('x' + rest);
      if (!restCuts.length || restCuts[0]!.at !== 1) continue; // the h1 ends at a separator, not mid-word
      const restText = rest.slice(restCuts[0]!.end - 1);
      const restSited = cutSuffixes('x' + rest, restCuts, ev) === 'x';
      const flipped = norm(restText).endsWith(norm(t)) && norm(t) !== norm(doc);
      if (headlineLike(h) || restSited || flipped) return h;
    }
  }
  const cuts = cutsOf(t);
  if (!cuts.length) {
    // A site name after a plain space ("土豆不“土” 土豆无“土” 松花江网", whose logo <h1> is 松花江网; zh-cwce 3e1af229).
    const space = t.lastIndexOf(' ');
    const tail = space > 1 ? squash(t.slice(space + 1)) : '';
    if (
      tail &&
      tail.length <= 12 &&
      [...ev.siteNames, ...ev.h1s].some(n => squash(n) === tail) &&
      namesSite(t.slice(space + 1), { ...ev, headlines: [] })
    ) {
      const head = fold(t.slice(0, space));
      if (head.length >= 2) return head;
    }
    return t;
  }
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
  // (b) Cut suffix parts from the right while every part cut names the site ("…_新浪财经_新浪网"), with a short
  // channel between them and the headline; Readability may have cut part of the suffix already, so the page's
  // <title> is cut the same way when it extends this one (never to more than this one).
  let keep = cutSuffixes(t, cuts, ev);
  if (doc && doc !== t && norm(doc).startsWith(norm(t))) {
    const fromDoc = cutSuffixes(doc, cutsOf(doc), ev);
    if (fromDoc.length < keep.length && norm(keep).startsWith(norm(fromDoc))) keep = fromDoc;
  }
  if (keep !== t) return keep;
  // (c) A site-name prefix ("网易新闻 - …", "Site | …"): only when it equals a named site (og:site_name, the
  // host), never by the Chinese site words alone, since a headline may start with a word ending in 网.
  const prefix = squash(t.slice(0, cuts[0]!.at)),
    rest = t.slice(cuts[0]!.end).trim();
  const hostLabels = ev.host.split('.').filter(l => l.length >= 3);
  if (prefix && rest.length >= 2 && (ev.siteNames.some(n => squash(n) === prefix) || hostLabels.includes(prefix))) return rest;
  return t;
}

/**
 * Whether a title names only the site: each of its parts names the site or is a short channel word (≤ 3
 * characters, THRESHOLDS.genericTitleChars), and one part names it ("北医新闻网_(新闻)"; zh-cwce 4fa9dfe4, whose headline is printed in the body).
 */
export function namesOnlySite(title: string, ev: TitleEvidence): boolean {
  const t = fold(title);
  const cuts = cutsOf(t);
  // A site name that is the whole title is the page's headline copied into it (yahoo's apple-mobile-web-app-title, Readability corpus yahoo-3).
  if (!cuts.length) return false;
  const parts = cuts.map((c, i) => t.slice(i ? cuts[i - 1]!.end : 0, c.at)).concat([t.slice(cuts.length ? cuts[cuts.length - 1]!.end : 0)]);
  let sited = false;
  for (const p of parts) {
    if (squash(p).length && namesSite(p, { ...ev, headlines: [] })) sited = true;
    else if (squash(p).length > THRESHOLDS.genericTitleChars) return false;
  }
  return sited;
}
