/**
 * Content-script entry, injected by the popup on click (activeTab + scripting). Idempotent: a second
 * injection into the same page (a second click) finds the guard and adds no second listener.
 * The core works on a clone of `document`; the live page is never changed.
 */
import { cleanDocument, NoArticleError } from './core/clean.ts';
import type { CleanRequest, CleanResponse, Handlers, PingResponse } from './messages.ts';
import { listen } from './platform/messaging.ts';

/** Per-page bookkeeping shared by every injection (the isolated world outlives a single executeScript). */
type Guard = PingResponse;
const KEY = '__jingyueContent';
const scope = globalThis as typeof globalThis & { [KEY]?: Guard };

/** The URL without its fragment: following an in-page anchor is not navigating away. */
const pageOf = (url: string): string => url.split('#')[0] ?? url;

function clean(req: CleanRequest, guard: Guard): CleanResponse {
  guard.cleans++;
  if (pageOf(req.url) !== pageOf(location.href)) return { ok: false, error: 'navigated', detail: location.href };
  // Chrome's PDF viewer is an <embed> in a generated page: nothing for Readability there.
  if (document.contentType === 'application/pdf') return { ok: false, error: 'pdf', detail: document.contentType };
  const started = performance.now();
  try {
    const article = cleanDocument(document, {
      url: location.href, disabled: req.disabled, noRules: req.noRules, userRules: req.userRules,
    });
    guard.lastCleanMs = Math.round(performance.now() - started);
    return { ok: true, article, ms: guard.lastCleanMs };
  } catch (e) {
    if (e instanceof NoArticleError) return { ok: false, error: 'no-article', detail: e.message };
    return { ok: false, error: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

function install(): void {
  const existing = scope[KEY];
  if (existing) {
    existing.injections++;
    return;
  }
  const guard: Guard = { injections: 1, listeners: 0, cleans: 0, lastCleanMs: 0 };
  scope[KEY] = guard;
  const handlers: Handlers = {
    clean: (req) => clean(req, guard),
    ping: () => ({ ...guard }),
  };
  listen(handlers);
  guard.listeners++;
}

install();
