/**
 * The whole pipeline in one call: (Document, url, options) → Article, for the CLI and the tests. The
 * extension runs the same parts apart: extract.ts in the page, article.ts and finish.ts in the popup.
 * Pure: no browser APIs, the input is never changed (unless `inPlace`).
 */
import type { WindowLike } from 'dompurify';
import { extractPage, type ExtractOptions } from './extract';
import { finishArticle } from './finish';
import { NoArticleError } from '../errors';
import type { Article } from '../types';

export { NoArticleError } from '../errors';

/** What to clean and how. */
export interface CleanOptions extends ExtractOptions {
  /** The window DOMPurify binds to; defaults to the document's own defaultView. */
  window?: WindowLike;
  /** With inPlace: a fresh parse of the same page, for the never-worse check's unpruned Readability run (rarely needed). */
  reparse?: () => Document;
}

/** Runs the page half, the article stage and the finishing half on `doc` (which is cloned, never changed, unless `inPlace`). */
export function cleanDocument(doc: Document, opts: CleanOptions): Article {
  const win = opts.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('cleanDocument needs a window for sanitizing (pass options.window)');
  const { extracted, element } = extractPage(doc, opts);
  return finishArticle(extracted, win, {
    ...opts, element,
    // The plain run: in place (the CLI), `doc` is already pruned, so the CLI hands a fresh parse of the same page.
    plain: () => {
      const fresh = opts.inPlace ? opts.reparse?.() : doc;
      if (!fresh) return null;
      try { return extractPage(fresh, { ...opts, plain: true }); } catch (e) {
        if (e instanceof NoArticleError) return null; // Readability found nothing unpruned: keep the pruned run
        throw e;
      }
    },
  });
}
