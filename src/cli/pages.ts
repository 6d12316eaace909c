/**
 * The CLI's web input and multi-page merge (issue 19): `jingyue clean URL` fetches the page (fetch-page.ts:
 * charset as a browser reads it, a time limit, a size cap), and `--pages N` follows the article's own pager
 * with the same pipeline on every page (src/core/pager: detect, follow, continuation, merge), as the popup does.
 */
import type { WindowLike } from 'dompurify';
import { clean, type CleanRequest } from '../core/pipeline/index';
import type { Article } from '../core/types';
import { collectPages, detectPager, mergeArticles, templateSignal, type FollowEnd, type Pager } from '../core/pager/index';
import { fetchHtml, FetchPageError } from './fetch-page';
import { capParseDepth } from './parse-depth';

/** A parsed page as the entry loads it: the document, its window (DOMPurify binds to it), and the way to free it. */
export interface LoadedDom {
  document: Document;
  window: unknown;
  close(): void;
}

/** A fetched first page, or the one line that says why there is none (exit 2). */
export type WebInput = { ok: true; bytes: Buffer; text: string; finalUrl: string } | { ok: false; message: string };

/** Fetches the input URL; an HTTP error status is bad input like an unreadable file. */
export async function readWebInput(url: string): Promise<WebInput> {
  try {
    const got = await fetchHtml(url);
    if (got.status < 200 || got.status > 299) return { ok: false, message: `HTTP ${got.status} from ${got.finalUrl}` };
    return { ok: true, bytes: Buffer.from(got.bytes), text: got.text, finalUrl: got.finalUrl };
  } catch (e) {
    if (e instanceof FetchPageError) return { ok: false, message: e.message };
    throw e;
  }
}

/** What following needs of the first page, read before the in-place clean prunes it. */
export interface FirstPage {
  url: string;
  pager: Pager | null;
  template: string | null;
}

/** The first page's pager and template signal (call before cleaning `doc` in place). */
export function readFirstPage(doc: Document, url: string): FirstPage {
  return { url, pager: /^https?:/.test(url) ? detectPager(doc, url) : null, template: templateSignal(doc) };
}

/** The merge as the JSON reports it: pages merged (the first included) and why it stopped. */
export interface PagesReport {
  merged: number;
  stop: FollowEnd['reason'] | 'no-pager';
  page?: number;
  status?: number;
}

/**
 * Follows `first`'s pager up to `maxPages` pages (the first included) and merges what it finds into `article`.
 * Each page is fetched, parsed by `load` and cleaned with `request` (not in place: the follower reads the page's
 * own pager and template after the clean).
 */
export async function followAndMerge(
  article: Article,
  first: FirstPage,
  maxPages: number,
  request: CleanRequest,
  load: (html: string, url: string) => Promise<LoadedDom>,
  doc: Document,
): Promise<{ article: Article; report: PagesReport }> {
  if (!first.pager || (!first.pager.next && !first.pager.pages.length)) return { article, report: { merged: 1, stop: 'no-pager' } };
  const opened: LoadedDom[] = [];
  try {
    const { parts, end } = await collectPages({
      firstUrl: first.url,
      pager: first.pager,
      first: { title: article.title, siteName: article.siteName, template: first.template },
      fetchPage: async (u, signal) => {
        const r = await fetchHtml(u, { signal });
        if (r.status < 200 || r.status > 299) return { finalUrl: r.finalUrl, status: r.status };
        const dom = await load(capParseDepth(r.text), r.finalUrl);
        opened.push(dom);
        return { doc: dom.document, finalUrl: r.finalUrl, status: r.status };
      },
      extract: (d, u) => clean(d, { ...request, url: u }, { window: opened.find(o => o.document === d)?.window as WindowLike }),
      limits: { maxPages },
    });
    const report: PagesReport = {
      merged: end.pages,
      stop: end.reason,
      ...(end.page ? { page: end.page } : {}),
      ...(end.status ? { status: end.status } : {}),
    };
    return { article: mergeArticles(article, parts, doc), report };
  } finally {
    for (const o of opened) o.close();
  }
}

/** The one stderr line about the merge ("merged 3 pages (stopped: done)"). */
export function describeMerge(r: PagesReport): string {
  const pages = `${r.merged} page${r.merged === 1 ? '' : 's'}`;
  if (r.stop === 'no-pager') return `merged ${pages} (no pager found)`;
  const at = r.page ? ` at page ${r.page}` : '';
  return `merged ${pages} (stopped${at}: ${r.stop}${r.status ? ` ${r.status}` : ''})`;
}
