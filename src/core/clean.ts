/** The cleanup pipeline: (Document, url, options) → Article. Pure: no browser APIs, the input is never changed. */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { WindowLike } from 'dompurify';
import { applyRules, bundledRules, rulesForUrl, type Rule } from './rules/index';
import { baseUrlOf, normalize } from './normalize';
import { sanitize } from './sanitize';
import { detectLang, readingTime } from './reading-time';
import { bodyText } from './export/text';
import type { Article, Removal, RuleSummary } from './types';

/** What to clean and how. */
export interface CleanOptions {
  /** The page's URL: picks the site rules and resolves relative links. */
  url: string;
  /** Rule ids switched off for this site. */
  disabled?: readonly string[];
  /** Plain Readability through the same code (the "clean this site" switch off; the CLI's --no-rules). */
  noRules?: boolean;
  /** The person's own rules, added to the bundled ones. */
  userRules?: readonly Rule[];
  /** Replaces the bundled rules (tests, the CLI's --rules without bundled ones). */
  rules?: readonly Rule[];
  /** The window DOMPurify binds to; defaults to the document's own defaultView. */
  window?: WindowLike;
}

/** Thrown when the page holds no article; the message says so in words a person can act on. */
export class NoArticleError extends Error {
  readonly code = 'no-article';
  constructor(message = 'No article was found on this page.') { super(message); this.name = 'NoArticleError'; }
}

/** Below this many characters of text (whitespace excluded) a result is not an article. */
const MIN_ARTICLE_CHARS = 40;

/** A content selector's match must hold this much text, or Readability guesses instead (163's near-empty #endText on gallery pages). */
const MIN_CONTENT_CHARS = 200;

/** On a page Readability doubts, fewer characters than this are not an article. */
const MIN_DOUBTFUL_CHARS = 140;

/** A sentence ending, Chinese or Latin. */
const SENTENCE = /[。！？!?]|[a-z]{2}\.(?:\s|$)/;

/** Link text share above which a result that Readability itself doubts is a link list, not an article. */
const LINK_LIST_SHARE = 0.5;

function linkShare(root: Element): number {
  let all = 0, linked = 0;
  for (const a of root.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s/g, '').length;
  all = (root.textContent ?? '').replace(/\s/g, '').length;
  return all ? linked / all : 1;
}

/** A content selector's best match (most text), when it holds at least a short article's worth of text. */
function contentElement(doc: Document, rules: readonly Rule[]): Element | null {
  let best: Element | null = null, bestChars = MIN_CONTENT_CHARS - 1;
  for (const r of rules) {
    if (!r.content) continue;
    let found: NodeListOf<Element>;
    try { found = doc.querySelectorAll(r.content); } catch { continue; } // a stored rule with a bad selector: skip it
    for (const el of found) {
      const n = (el.textContent ?? '').replace(/\s/g, '').length;
      if (n > bestChars) { best = el; bestChars = n; }
    }
  }
  return best;
}

/**
 * A deep copy of the document. "<!DOCTYPE<!DOCTYPE html>" parses into a doctype named "<!doctype" that
 * jsdom refuses to clone (InvalidCharacterError; found by test/fuzz): then the root element is copied into
 * a fresh document without the doctype, which Readability does not read anyway.
 */
function cloneDocument(doc: Document): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch (e) {
    if (e instanceof RangeError) throw new NoArticleError(TOO_DEEP);
    const fresh = doc.implementation.createHTMLDocument('');
    try {
      if (doc.documentElement) fresh.replaceChild(fresh.importNode(doc.documentElement, true), fresh.documentElement);
    } catch (inner) {
      if (inner instanceof RangeError) throw new NoArticleError(TOO_DEEP);
      throw inner;
    }
    return fresh;
  }
}

/** jsdom clones recursively: tables nested 2,000 deep overflow its stack (test/hostile/huge.test.ts). */
const TOO_DEEP = 'This page is nested too deeply to read (thousands of levels).';

/** Runs the pipeline on `doc` (which is cloned, never changed) and returns the clean article. */
export function cleanDocument(doc: Document, opts: CleanOptions): Article {
  const win = opts.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('cleanDocument needs a window for sanitizing (pass options.window)');

  // 1. Clone: Readability mutates what it gets, and the live page must never change.
  const clone = cloneDocument(doc);
  const body = clone.body;
  if (!body) throw new NoArticleError('This page has no body to read.');

  // Which rules apply here, and which of those the person has switched off for this site.
  const all = [...(opts.rules ?? bundledRules().rules), ...(opts.userRules ?? [])];
  const matching = rulesForUrl(all, opts.url);
  const off = new Set(opts.disabled ?? []);
  const active = opts.noRules ? [] : matching.filter(r => !off.has(r.id));

  // 2. Pre-prune the clone: a content selector narrows the page, then site selectors and heading labels.
  const content = contentElement(clone, active);
  if (content) body.replaceChildren(content);
  const removed: Removal[] = applyRules(body, active);

  // 3. Readability on the pruned clone; the serializer hands back the element so step 4 needs no re-parse.
  const reader = new Readability(clone, { serializer: (el: Node) => el as unknown as string });
  const result = reader.parse();
  const articleEl = result?.content as unknown as Element | undefined;
  if (!result || !articleEl) throw new NoArticleError();

  // 4. Post-prune what Readability kept inside the body (seed-inline's blocks sit in the article column).
  removed.push(...applyRules(articleEl, active));

  // 5. Normalize and sanitize before anything renders or exports it.
  normalize(articleEl, baseUrlOf(doc, opts.url));
  const { html, body: safeBody } = sanitize(articleEl, win);
  const text = bodyText(safeBody);
  const chars = text.replace(/\s/g, '').length;
  if (chars < MIN_ARTICLE_CHARS) throw new NoArticleError();
  // Readability always returns *something*; on a page it doubts (a portal, a login page) a short result
  // without a single sentence, or a link-heavy one, is that something: a footer or a menu (fixture
  // zh-portal-homepage-no-article). A short news brief has sentences (cx163 page 28: 110 characters).
  const doubtful = (chars < MIN_DOUBTFUL_CHARS && !SENTENCE.test(text)) || linkShare(safeBody) > LINK_LIST_SHARE;
  if (doubtful && !isProbablyReaderable(doc)) {
    throw new NoArticleError('This page looks like a list of links, not an article.');
  }

  // 6. Measure and report.
  const declared = result.lang || doc.documentElement?.getAttribute('lang') || null;
  const lang = detectLang(declared, text);
  const rules: RuleSummary[] = matching.map(r => ({
    id: r.id, title: r.title, enabled: !opts.noRules && !off.has(r.id),
    removed: removed.filter(x => x.ruleId === r.id).length,
  }));
  return {
    title: (result.title || doc.title || '').trim(),
    byline: result.byline?.trim() || null,
    siteName: result.siteName?.trim() || null,
    lang: declared || lang,
    publishedTime: result.publishedTime || null,
    url: opts.url,
    excerpt: result.excerpt?.trim() || null,
    readingTime: readingTime(text, lang),
    html,
    text,
    removed,
    rules,
  };
}
