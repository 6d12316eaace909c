/**
 * The whole pipeline in one call, clean = finish ∘ settle ∘ extract (steps 1–9), for the CLI and the tests. The
 * extension runs the same three calls apart: extract in the page, settle and finish in the popup. In this one
 * process Readability's element goes from extract to settle as it is (no serialize and re-parse). Pure: no
 * browser APIs, the input is never changed (unless `inPlace`).
 */
import type { WindowLike } from 'dompurify';
import { extractInProcess, type ExtractEnv } from './extract';
import { finish } from './finish';
import { settle } from './settle';
import { NoArticleError } from '../errors';
import type { Article } from '../types';
import type { CleanRequest } from './request';

/** How the document is at hand, and the window to finish in. */
export interface CleanEnv extends ExtractEnv {
  /** The window DOMPurify binds to (and whose DOMParser settle parses with); defaults to the document's own defaultView. */
  window?: WindowLike;
  /** With inPlace: a fresh parse of the same page, for step 5's unpruned Readability run (rarely needed). */
  reparse?: () => Document;
}

/** Steps 1–9 on `doc` (which is cloned, never changed, unless `env.inPlace`). */
export function clean(doc: Document, request: CleanRequest, env: CleanEnv = {}): Article {
  const win = env.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('clean needs a window for sanitizing (pass env.window)');
  const { extracted, element } = extractInProcess(doc, request, env);
  const settled = settle(extracted, request, {
    window: win as unknown as { DOMParser: { new(): DOMParser } }, element,
    // The plain run: in place (the CLI), `doc` is already pruned, so the CLI hands a fresh parse of the same page.
    askPlain: () => {
      const fresh = env.inPlace ? env.reparse?.() : doc;
      if (!fresh) return null;
      try { return extractInProcess(fresh, { ...request, plain: true }, env); } catch (e) {
        if (e instanceof NoArticleError) return null; // Readability found nothing unpruned: keep the pruned run
        throw e;
      }
    },
  });
  return finish(settled, win);
}
