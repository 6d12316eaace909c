/**
 * After a read lands (page 1 on screen), the session looks for the article's own pager and, where the site's
 * merge switch is on, merges the following pages as they land (issue 19). Small on purpose: it is part of the
 * popup's first module graph; the merge itself (merge-pages.ts, with the pipeline for the following pages)
 * loads only when a pager was found.
 */
import type { RuleChoice } from '../core/rules/choose.ts';
import type { Article } from '../core/types.ts';
import type { PagerFetchRequest, PagerFetchResponse, PagerFound } from '../page/protocol.ts';
import { siteMerge, type Settings } from '../settings/index.ts';
import type { Translate } from './api.ts';

/** pager.js in the tab, as the popup's api reaches it (src/platform/pager-tab.ts). */
export interface PagerPort {
  detectPager(tabId: number, url: string): Promise<PagerFound>;
  fetchPage(tabId: number, req: PagerFetchRequest): Promise<PagerFetchResponse>;
}

/** What the merge shows: 'none' when the page has no pager of its own, else how many pages are merged (the switch shows then). */
export type MergeState = 'none' | { pages: number };

/** One read's merge: its article and rule choice, and the session's hooks. */
export interface MergeAfterRead {
  port: PagerPort | undefined;
  t: Translate;
  tabId: number;
  url: string;
  host: string | null;
  settings: Settings;
  article: Article;
  choice: RuleChoice;
  /** Whether this read is still the one on screen (a switch flip or a retry starts another). */
  current(): boolean;
  update(p: { article?: Article; status?: string; pager?: MergeState }): void;
}

/** Time for one following page (the whole merge has its own 10 s: src/core/pager thresholds). */
const PAGE_TIMEOUT_MS = 10_000;
/** The largest following page read, as the CLI's fetch allows (src/cli/fetch-page.ts FETCH_MAX_BYTES). */
const PAGE_MAX_BYTES = 20 * 1024 * 1024;

/** Detects the pager and, when the site merges, merges; every failure leaves page 1 as it is. */
export async function mergeAfterRead(m: MergeAfterRead): Promise<void> {
  if (!m.port || !m.host || !/^https?:/.test(m.url)) return m.update({ pager: 'none' });
  const found = await m.port.detectPager(m.tabId, m.url).catch(() => null);
  const pager = found?.pager;
  if (!m.current()) return;
  if (!found || !pager || (!pager.next && !pager.pages.length)) return m.update({ pager: 'none' });
  m.update({ pager: { pages: 1 } });
  if (!siteMerge(m.settings, m.host)) return;
  const { mergePages, progressStatus, endStatus } = await import('./merge-pages.ts');
  const port = m.port;
  let pages = 1;
  const end = await mergePages({
    first: m.article,
    firstUrl: m.url,
    found: { ...found, pager },
    choice: m.choice,
    fetchPage: async url => {
      const r = await port.fetchPage(m.tabId, { url, timeoutMs: PAGE_TIMEOUT_MS, maxBytes: PAGE_MAX_BYTES });
      if ('error' in r) throw new Error(r.error);
      return r;
    },
    onMerged: article => {
      if (m.current()) m.update({ article, pager: { pages: ++pages } });
    },
    onProgress: p => {
      if (m.current()) m.update({ status: progressStatus(p, m.t) });
    },
    cancelled: () => !m.current(),
  });
  if (m.current()) m.update({ status: endStatus(end, m.t) });
}
