/**
 * The whole pipeline in one call, clean = finish ∘ settle ∘ extract (steps 1–9), for the CLI and the tests. The
 * extension runs the same three calls apart: extract in the page, settle and finish in the popup. In this one
 * process Readability's element goes from extract to settle as it is (no serialize and re-parse). Pure: no
 * browser APIs, the input is never changed (unless `inPlace`).
 */
import type { WindowLike } from 'dompurify';
import { extractInProcess, TOO_DEEP, type ExtractEnv } from './extract';
import { finish, type FinishOptions } from './finish';
import { settle } from './settle';
import { NoArticleError } from '../errors';
import type { Article, Settled } from '../types';
import type { CleanRequest } from './request';

/** How the document is at hand, and the window to finish in. */
export interface CleanEnv extends ExtractEnv {
  /** The window DOMPurify binds to (and whose DOMParser settle parses with); defaults to the document's own defaultView. */
  window?: WindowLike;
  /** With inPlace: a fresh parse of the same page, for step 5's unpruned Readability run (rarely needed). */
  reparse?: () => Document;
}

/** Steps 1–9 on `doc` (which is cloned, never changed, unless `env.inPlace`). */
export function clean(doc: Document, request: CleanRequest, env: CleanEnv = {}, opts: FinishOptions = {}): Article {
  const win = env.window ?? (doc.defaultView as unknown as WindowLike | null);
  if (!win) throw new Error('clean needs a window for sanitizing (pass env.window)');
  return finish(settleInProcess(doc, request, { ...env, window: win }), win, opts);
}

/**
 * A deep copy of the document, in Node too. "<!DOCTYPE<!DOCTYPE html>" parses into a doctype named "<!doctype"
 * that jsdom refuses to clone (InvalidCharacterError; found by test/fuzz): then the root element is copied into a
 * fresh document without the doctype, which Readability does not read anyway. A browser clones any document,
 * so content.js carries none of this.
 */
function cloneAnyDocument(doc: Document): Document {
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

/**
 * Steps 1–6 on `doc` in this process: what finish sanitizes. Nothing of `doc` is kept in the result, so a caller
 * done with the page can let it go before finishing (the CLI on a 5 MB page: docs/performance.md).
 */
export function settleInProcess(doc: Document, request: CleanRequest, env: CleanEnv & { window: WindowLike }): Settled {
  const { extracted, element } = extractInProcess(doc, request, { clone: cloneAnyDocument, ...env });
  return settle(extracted, request, {
    window: env.window as unknown as { DOMParser: { new (): DOMParser } },
    element,
    // The plain run: in place (the CLI), `doc` is already pruned, so the CLI hands a fresh parse of the same page.
    askPlain: () => {
      const fresh = env.inPlace ? env.reparse?.() : doc;
      if (!fresh) return null;
      try {
        return extractInProcess(fresh, { ...request, plain: true }, { clone: cloneAnyDocument, ...env });
      } catch (e) {
        if (e instanceof NoArticleError) return null; // Readability found nothing unpruned: keep the pruned run
        throw e;
      }
    },
  });
}
