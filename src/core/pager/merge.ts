/**
 * Merging the pages of one article: the first page's article, then each following page's body after a thin
 * divider (`<hr>` + `<h2>第 2 页</h2>`), the pager blocks that Readability kept taken out of every page, and the
 * text and reading time measured again over the whole. The divider is plain HTML the sanitizer keeps (no class,
 * no data attribute: PURIFY_CONFIG drops both) and the exports keep as a rule and a heading (Markdown `---` and
 * `## 第 2 页`; text: the heading on its own line). Pure: `doc` only parses.
 */
import { parseArticle } from '../export/dom';
import { bodyText } from '../export/text';
import { absolute } from '../dom/normalize';
import { detectLang, primaryLang, readingTime } from '../reading-time';
import { squeeze, squeezedLength } from '../text/chars';
import type { Article, RuleSummary } from '../types';
import { normalizeUrl, pageNumberOf } from './page-url';
import { linkRole } from './words';
import { titleKey } from './continuation';

/**
 * The divider's words, in the article's language (not the UI's: it is part of the article and its exports):
 * 第 2 頁 for Traditional Chinese tags (zh-TW, zh-HK, zh-MO, zh-Hant), 第 2 页 for other Chinese, else "Page 2".
 */
export function pageLabel(n: number, lang: string | null): string {
  if (primaryLang(lang) !== 'zh') return `Page ${n}`;
  return /^zh[-_](?:hant|tw|hk|mo)\b/i.test(lang ?? '') ? `第 ${n} 頁` : `第 ${n} 页`;
}

/** The divider before page `n`. */
export function pageDivider(n: number, lang: string | null): string {
  return `<hr><h2>${pageLabel(n, lang)}</h2>`;
}

/** Text a pager prints besides its links ("共3页", "Pages:", "|"): a block with more is not a pager. */
const PAGER_EXTRA_CHARS = 12;

/**
 * Removes the blocks of `body` that are pagers of this article: links whose words are page numbers or
 * 上一页/下一页 and whose URLs are pages of `firstUrl` (or one of `pageUrls`), and the smallest box around
 * them that holds little else (PAGER_EXTRA_CHARS).
 */
export function removePagers(body: Element, firstUrl: string, pageUrls: readonly string[]): void {
  const pages = new Set(pageUrls.map(u => normalizeUrl(u)).filter(Boolean));
  const links: Element[] = [];
  for (const a of body.querySelectorAll('a[href]')) {
    const role = linkRole(squeeze(a.textContent ?? '')).role;
    if (role !== 'next' && role !== 'prev' && role !== 'number') continue;
    const href = absolute(a.getAttribute('href')!, firstUrl);
    if (pages.has(normalizeUrl(href)) || pageNumberOf(href, firstUrl)) links.push(a);
  }
  const linkChars = (el: Element) => links.reduce((n, a) => n + (el.contains(a) ? squeezedLength(a.textContent ?? '') : 0), 0);
  const boxes = new Set<Element>();
  for (const a of links) {
    let c: Element = a;
    while (
      c.parentElement &&
      c.parentElement !== body &&
      squeezedLength(c.parentElement.textContent ?? '') - linkChars(c.parentElement) <= PAGER_EXTRA_CHARS
    )
      c = c.parentElement;
    boxes.add(c);
  }
  for (const c of boxes) c.remove();
}

/** The first element of `body` that holds text, when it is a heading (h1–h3). */
function leadingHeading(body: Element): Element | null {
  for (const el of body.querySelectorAll('*')) {
    if (!squeezedLength(el.textContent ?? '')) continue;
    if (/^h[1-3]$/.test(el.localName)) return el;
    if (el.children.length === 0 || [...el.childNodes].some(n => n.nodeType === 3 && squeezedLength(n.textContent ?? ''))) return null;
  }
  return null;
}

/**
 * Takes out a following page's leading headline when it repeats the article's: sites print the headline on
 * every page (test/e2e/pages/paged/heldout: <h1> inside <article> on pages 1–3), and the merge shows it once.
 * `heads` are the title keys of the first page's title and of its own leading heading.
 */
function dropRepeatedHeadline(body: Element, heads: ReadonlySet<string>): void {
  const h = leadingHeading(body);
  if (h && heads.has(titleKey(h.textContent ?? ''))) h.remove();
}

/** A page of the merge: its number and its finished article (sanitized html). */
export interface MergePart {
  page: number;
  url: string;
  article: Article;
}

/** Rule summaries of all pages: one per rule, its removals added up. */
function sumRules(all: RuleSummary[][]): RuleSummary[] {
  const out = new Map<string, RuleSummary>();
  for (const list of all)
    for (const r of list) {
      const had = out.get(r.id);
      out.set(r.id, had ? { ...had, removed: had.removed + r.removed } : { ...r });
    }
  return [...out.values()];
}

/**
 * The merged article: the first page's fields, the bodies in page order with a divider before each following
 * page, pagers removed, removals and rule counts of every page, text and reading time over the whole.
 */
export function mergeArticles(first: Article, parts: readonly MergePart[], doc: Document): Article {
  const urls = [first.url, ...parts.map(p => p.url)];
  const firstBody = parseArticle(first.html, doc);
  const heads = new Set([titleKey(first.title), titleKey(leadingHeading(firstBody)?.textContent ?? '')].filter(Boolean));
  const body = (b: Element, following: boolean) => {
    removePagers(b, first.url, urls);
    if (following) dropRepeatedHeadline(b, heads);
    return b.innerHTML;
  };
  const html = [
    body(firstBody, false),
    ...parts.map(p => pageDivider(p.page, first.lang) + body(parseArticle(p.article.html, doc), true)),
  ].join('\n');
  const text = bodyText(parseArticle(html, doc));
  return {
    ...first,
    html,
    text,
    readingTime: readingTime(text, detectLang(first.lang, text)),
    removed: [first, ...parts.map(p => p.article)].flatMap(a => a.removed),
    rules: sumRules([first.rules, ...parts.map(p => p.article.rules)]),
  };
}
