/**
 * The whole pipeline in one call: (Document, url, options) → Article, for the CLI and the tests. The
 * extension runs the same two halves apart: extract.ts in the page, finish.ts in the popup.
 * Pure: no browser APIs, the input is never changed.
 */
import type { WindowLike } from 'dompurify';
import { extractArticle, type ExtractOptions } from './extract';
import { finishArticle } from './finish';
import type { Article } from './types';

export { NoArticleError } from './errors';

/** What to clean and how. */
export interface CleanOptions extends ExtractOptions {
  /** The window DOMPurify binds to; defaults to the document's own defaultView. */
  window?: WindowLike;
}

/** Runs the page half then the finishing half on `doc` (which is cloned, never changed). */
export function cleanDocument(doc: Document, opts: CleanOptions): Article {
  const win = opts.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('cleanDocument needs a window for sanitizing (pass options.window)');
  return finishArticle(extractArticle(doc, opts), win);
}
