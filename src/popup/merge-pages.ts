/**
 * The popup's half of the multi-page merge (issue 19), loaded on first use as its own chunk (it carries the
 * whole pipeline for the following pages: nothing of it is in the popup's first paint). pager.js found the
 * article's pager on the live page and fetches each following page from the page's own origin; here each
 * page is parsed inert, cleaned with the same pipeline and the same rule choice as page 1 (sanitized here, as
 * every page's answer is), and merged after page 1 (src/core/pager merge.ts) as it lands.
 */
import type { WindowLike } from 'dompurify';
import { clean } from '../core/pipeline/index.ts';
import type { RuleChoice } from '../core/rules/choose.ts';
import type { Article } from '../core/types.ts';
import {
  ensureBase,
  followPages,
  mergeArticles,
  type FetchedPage,
  type FollowEnd,
  type FollowProgress,
  type MergePart,
} from '../core/pager/index.ts';
import type { PagerFound } from '../page/protocol.ts';
import type { Translate } from './api.ts';

/** What one merge needs. */
export interface MergeRun {
  /** Page 1 as shown (finished in the popup). */
  first: Article;
  /** The tab's URL (the first page's, after redirects). */
  firstUrl: string;
  found: PagerFound & { pager: NonNullable<PagerFound['pager']> };
  /** The rule choice page 1 was made with (the site's switches, the person's own rules). */
  choice: RuleChoice;
  /** Fetches one page through pager.js; rejects on a failure the page reported. */
  fetchPage(url: string, signal: AbortSignal): Promise<FetchedPage>;
  /** The merged article after each landed page. */
  onMerged(article: Article): void;
  onProgress(p: FollowProgress): void;
  /** Ends the merge early (another read of the tab replaced the article). */
  cancelled(): boolean;
}

/** Follows the pager and merges every page that continues the article; resolves with why it stopped. */
export async function mergePages(run: MergeRun): Promise<FollowEnd> {
  const parser = new DOMParser();
  const parts: MergePart[] = [];
  const it = followPages<Article>({
    firstUrl: run.firstUrl,
    pager: run.found.pager,
    first: { title: run.first.title, siteName: run.first.siteName, template: run.found.template },
    fetchPage: run.fetchPage,
    parse: (html, url) => {
      const doc = parser.parseFromString(html, 'text/html');
      ensureBase(doc, url); // Readability resolves links against doc.baseURI: page N's, not the popup's
      return doc;
    },
    extract: (doc, url) => clean(doc, { ...run.choice, url }, { window: window as unknown as WindowLike }),
    onProgress: run.onProgress,
  });
  for (;;) {
    const r = await it.next();
    if (run.cancelled()) {
      await it.return?.({ reason: 'done', pages: parts.length + 1 });
      return { reason: 'done', pages: parts.length + 1 };
    }
    if (r.done) return r.value;
    parts.push(r.value);
    run.onMerged(mergeArticles(run.first, parts, document));
  }
}

/** The status line for the merge's progress ("正在合并第 2/3 页…"). */
export function progressStatus(p: FollowProgress, t: Translate): string {
  const n = p.fetching ?? p.merged + 1;
  return p.total ? t('mergeProgress', [n, p.total]) : t('mergeProgressUnknown', [n]);
}

/** The status line for how the merge ended ("已合并 3 页"), or '' when nothing was merged and nothing went wrong. */
export function endStatus(end: FollowEnd, t: Translate): string {
  switch (end.reason) {
    case 'done':
    case 'seen':
      return end.pages > 1 ? t('mergeDone', [end.pages]) : '';
    case 'max-pages':
      return t('mergeStoppedLimit', [end.pages]);
    case 'time':
      return t('mergeStoppedTime', [end.pages]);
    case 'http-error':
      return t('mergeStoppedHttp', [end.page ?? end.pages + 1, end.status ?? 0, end.pages]);
    case 'fetch-failed':
    case 'other-origin':
      return t('mergeStoppedFailed', [end.page ?? end.pages + 1, end.pages]);
    case 'not-continuation':
    case 'no-article':
      return t('mergeStoppedOther', [end.page ?? end.pages + 1]);
  }
}
