/**
 * Steps 7–9 of the pipeline, the finishing half: Settled → Article. It sanitizes (7: once, outside the page's
 * process: the popup treats whatever the page sends as hostile), reads the text and decides whether it is an
 * article at all (8), and finds the language and the reading time (9). Runs in the popup and in the CLI. Pure:
 * the window is passed in.
 */
import type { WindowLike } from 'dompurify';
import { sanitizeHtml } from '../dom/sanitize';
import { detectLang, readingTime } from '../reading-time';
import { bodyText } from '../export/text';
import { NoArticleError } from '../errors';
import type { Article, Settled } from '../types';
import { hasSentence, squeeze } from '../text/chars';
import { linkShare, measure } from '../text/shape';
import * as THRESHOLDS from '../text/thresholds';

// Thresholds and text measures: one vocabulary in ../text/, each number with its source.
const MIN_ARTICLE_CHARS = THRESHOLDS.minArticleChars;
const MIN_DOUBTFUL_CHARS = THRESHOLDS.minDoubtfulChars;
const LINK_LIST_SHARE = THRESHOLDS.linkListShare;

/** A credit field from the page's process: a string of bounded length, else nothing (it is untrusted; rendered as text only). */
function credit(v: unknown): string | null {
  // 400: the longest credit the page half produces is a 300-character disclaimer plus its label (removals/credit-line.ts).
  return typeof v === 'string' && v.trim() ? v.trim().slice(0, 400) : null;
}

/** Options for {@link finish}. */
export interface FinishOptions {
  /** Keep the remove-blocks marks (BLOCK_MARK) in the html: only for the view in remove-blocks mode, never for exports. */
  keepMarks?: boolean;
}

/** Steps 7–9: sanitizes and measures what settle settled; throws NoArticleError when it is no article. */
export function finish(ex: Settled, win: WindowLike, opts: FinishOptions = {}): Article {
  // 7. Sanitize before anything renders or exports it.
  const { html, body: safeBody } = sanitizeHtml(ex.html, win, opts.keepMarks);
  // 8. The text, and whether it is an article at all.
  const text = bodyText(safeBody);
  const chars = squeeze(text).length;
  if (chars < MIN_ARTICLE_CHARS) throw new NoArticleError();
  // Readability always returns *something*; on a page it doubts (a portal, a login page) a short result
  // without a single sentence, or a link-heavy one, is that something: a footer or a menu (fixture
  // zh-portal-homepage-no-article). A short news brief has sentences (cx163 page 28: 110 characters).
  const doubtful = (chars < MIN_DOUBTFUL_CHARS && !hasSentence(text)) || linkShare(measure([safeBody])) > LINK_LIST_SHARE;
  if (doubtful && !ex.readerable) {
    throw new NoArticleError('This page looks like a list of links, not an article.');
  }

  // 9. The language and the reading time.
  const lang = detectLang(ex.declaredLang, text);
  return {
    title: ex.title,
    byline: ex.byline,
    siteName: ex.siteName,
    lang: ex.declaredLang || lang,
    publishedTime: ex.publishedTime,
    url: ex.url,
    excerpt: ex.excerpt,
    readingTime: readingTime(text, lang),
    source: credit(ex.source),
    originalTitle: credit(ex.originalTitle),
    editor: credit(ex.editor),
    disclaimer: credit(ex.disclaimer),
    html,
    text,
    removed: ex.removed,
    rules: ex.rules,
  };
}
