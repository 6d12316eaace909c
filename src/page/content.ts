/**
 * Content-script entry, injected by the popup on click (activeTab + scripting). It installs the ContentApi
 * on its isolated world's global (under a registered symbol, src/page/protocol.ts CONTENT_KEY) and nothing else:
 * the popup calls it through scripting.executeScript and reads the return value. Idempotent: a second
 * injection (a second click) finds the object and installs nothing. The core works on a clone of
 * `document`; the live page is never changed.
 */
import { extract } from '../core/pipeline/extract.ts';
import { NoArticleError } from '../core/errors.ts';
import type { Rule } from '../core/rules/types.ts';
import {
  CONTENT_KEY,
  installApi,
  installedApi,
  type CleanRequest,
  type CleanResponse,
  type ContentApi,
  type PingResponse,
} from './protocol.ts';

/** The URL without its fragment: following an in-page anchor is not navigating away. */
const pageOf = (url: string): string => url.split('#')[0] ?? url;

function clean(req: CleanRequest, stats: PingResponse): CleanResponse {
  stats.cleans++;
  if (pageOf(req.url) !== pageOf(location.href)) return { ok: false, error: 'navigated', detail: location.href };
  // Chrome's PDF viewer is an <embed> in a generated page: nothing for Readability there.
  if (document.contentType === 'application/pdf') return { ok: false, error: 'pdf', detail: document.contentType };
  const started = performance.now();
  try {
    const extracted = extract(
      document,
      {
        // Steps 1–3 read no title or evidence of a rule (the bundled rules here carry none either: build.mjs PAGE_RULE_FIELDS).
        url: location.href,
        disabled: req.disabled,
        noRules: req.noRules,
        userRules: req.userRules as Rule[],
        marks: req.marks,
        plain: req.plain,
      },
      { live: true },
    );
    stats.lastCleanMs = Math.round(performance.now() - started);
    return { ok: true, extracted, ms: stats.lastCleanMs };
  } catch (e) {
    if (e instanceof NoArticleError) return { ok: false, error: 'no-article', detail: e.message };
    return { ok: false, error: 'failed', detail: e instanceof Error ? e.message : String(e) };
  }
}

function install(): void {
  const existing = installedApi<typeof CONTENT_KEY, ContentApi & { stats: PingResponse }>(CONTENT_KEY);
  if (existing) {
    existing.stats.injections++;
    return;
  }
  const stats: PingResponse = { injections: 1, installs: 1, cleans: 0, lastCleanMs: 0 };
  const api: ContentApi & { stats: PingResponse } = {
    stats,
    clean: req => clean(req, stats),
    ping: () => ({ ...stats }),
  };
  installApi(CONTENT_KEY, api);
}

install();
