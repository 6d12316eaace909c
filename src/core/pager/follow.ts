/**
 * Following an article's pager (issue 19): fetch the pages after the first, extract each with the caller's
 * pipeline, and hand them on in page order until a stop rule says otherwise. Pure and injectable: the fetch,
 * the parse, the extraction and the clock come from the caller (the page's content script, the CLI, tests).
 * Where the pager lists the pages they are fetched in parallel, at most `concurrency` at once; past what it
 * lists, each page's own pager (its 下一页) says where to go next.
 */
import { detectPager, type Pager } from './detect';
import { normalizeUrl, sameOrigin } from './page-url';
import { notContinued, templateSignal, type PageFacts } from './continuation';
import { PAGER } from '../text/thresholds';
import { absolute, baseUrlOf, resolveSrcset } from '../dom/normalize';

/** What fetching one page gave: a parsed document or its HTML, the URL after redirects, the HTTP status. */
export interface FetchedPage {
  doc?: Document;
  html?: string;
  finalUrl: string;
  status: number;
}

/** A following page, extracted: its number, its URL after redirects, and what `extract` made of it. */
export interface PagePart<A> {
  page: number;
  url: string;
  article: A;
}

/** Why the merge ended. `done`: the pager had no further page. */
export type StopReason =
  | 'done'
  | 'seen'
  | 'not-continuation'
  | 'max-pages'
  | 'time'
  | 'http-error'
  | 'fetch-failed'
  | 'other-origin'
  | 'no-article';

/** How the merge ended: the reason, the page it stopped at (not merged), and how many pages were merged (the first included). */
export interface FollowEnd {
  reason: StopReason;
  pages: number;
  page?: number;
  url?: string;
  status?: number;
  detail?: string;
}

/** The clock the budget runs on (tests pass a fake one). */
export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The stop rules' numbers (thresholds.ts has the defaults and their sources). */
export interface FollowLimits {
  /** Most pages in the merge, the first included. */
  maxPages: number;
  /** The whole merge's budget, in ms of `clock`. */
  timeMs: number;
  /** Most fetches at once. */
  concurrency: number;
}

/** Progress for the UI ("正在合并第 2/3 页…"): pages merged so far (the first included), and the total when the pager says. */
export interface FollowProgress {
  merged: number;
  total: number | null;
  fetching: number | null;
}

/** What {@link followPages} needs. */
export interface FollowOptions<A extends PageFacts> {
  /** The first page's URL (as the browser shows it, after redirects). */
  firstUrl: string;
  /** The first page's pager (detectPager on the live page). */
  pager: Pager;
  /** The first page's article facts; `template` is templateSignal of the first page. */
  first: PageFacts;
  /** Fetches one page; aborted through `signal` when the budget runs out. */
  fetchPage(url: string, signal: AbortSignal): Promise<FetchedPage>;
  /** Parses fetched HTML into an inert document whose URL (or <base>) is `url`; needed when fetchPage returns html. */
  parse?(html: string, url: string): Document;
  /** The caller's pipeline on one page; throws when it holds no article. */
  extract(doc: Document, url: string): A | Promise<A>;
  limits?: Partial<FollowLimits>;
  clock?: Clock;
  onProgress?(p: FollowProgress): void;
}

const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: h => clearTimeout(h as ReturnType<typeof setTimeout>),
};

type Outcome = { ok: true; got: FetchedPage } | { ok: false; error: unknown };

/**
 * The following pages in order, as parts; the generator's return value says why it stopped. A page that fails
 * (HTTP error, network, another origin, no article, not a continuation, already seen) ends the merge there:
 * what came before it stays merged.
 */
export async function* followPages<A extends PageFacts>(opts: FollowOptions<A>): AsyncGenerator<PagePart<A>, FollowEnd> {
  const limits: FollowLimits = { maxPages: PAGER.maxPages, timeMs: PAGER.timeMs, concurrency: PAGER.concurrency, ...opts.limits };
  const clock = opts.clock ?? SYSTEM_CLOCK;
  const abort = new AbortController();
  let timedOut = false;
  let wake: (() => void) | null = null;
  const deadline = clock.now() + limits.timeMs;
  const timer = clock.setTimeout(() => {
    timedOut = true;
    abort.abort();
    wake?.();
  }, limits.timeMs);
  const late = () => timedOut || clock.now() >= deadline;

  const seen = new Set<string>([normalizeUrl(opts.firstUrl) ?? opts.firstUrl]);
  /** Known URLs of the following pages, by page number. */
  const known = new Map<number, string>();
  const learn = (p: Pager) => {
    p.pages.forEach((u, i) => {
      if (!known.has(p.current + 1 + i)) known.set(p.current + 1 + i, u);
    });
    if (p.next && !known.has(p.current + 1)) known.set(p.current + 1, p.next);
  };
  learn(opts.pager);
  let total = opts.pager.last;
  const inflight = new Map<number, Promise<Outcome>>();
  const start = (n: number) => {
    const url = known.get(n);
    if (!url || inflight.has(n) || seen.has(normalizeUrl(url) ?? url) || !sameOrigin(url, opts.firstUrl)) return;
    inflight.set(
      n,
      opts.fetchPage(url, abort.signal).then(
        got => ({ ok: true as const, got }),
        error => ({ ok: false as const, error }),
      ),
    );
  };
  /** Resolves with the outcome of page n, or null when the budget ran out first. */
  const outcome = (n: number) =>
    new Promise<Outcome | null>(resolve => {
      if (timedOut) return resolve(null);
      wake = () => resolve(null);
      inflight.get(n)!.then(resolve);
    });

  let n = opts.pager.current;
  let merged = 1;
  const end = (e: Omit<FollowEnd, 'pages'>): FollowEnd => {
    clock.clearTimeout(timer);
    abort.abort();
    return { ...e, pages: merged };
  };
  try {
    for (;;) {
      n++;
      const url = known.get(n);
      if (!url) return end({ reason: 'done' });
      if (merged >= limits.maxPages) return end({ reason: 'max-pages', page: n, url });
      if (late()) return end({ reason: 'time', page: n, url });
      if (!sameOrigin(url, opts.firstUrl)) return end({ reason: 'other-origin', page: n, url });
      if (seen.has(normalizeUrl(url) ?? url)) return end({ reason: 'seen', page: n, url });
      // Keep `concurrency` fetches going over the pages known so far, never past the page limit.
      for (let k = n; k < n + limits.concurrency && k - opts.pager.current + 1 <= limits.maxPages; k++) start(k);
      opts.onProgress?.({ merged, total, fetching: n });
      const got = await outcome(n);
      if (!got || late()) return end({ reason: 'time', page: n, url });
      if (!got.ok) return end({ reason: 'fetch-failed', page: n, url, detail: String((got.error as Error)?.message ?? got.error) });
      const { status, finalUrl } = got.got;
      if (status < 200 || status > 299) return end({ reason: 'http-error', page: n, url, status });
      if (!sameOrigin(finalUrl, opts.firstUrl)) return end({ reason: 'other-origin', page: n, url: finalUrl });
      const key = normalizeUrl(finalUrl) ?? finalUrl;
      if (seen.has(key)) return end({ reason: 'seen', page: n, url: finalUrl });
      seen.add(key);
      seen.add(normalizeUrl(url) ?? url);
      const doc = got.got.doc ?? (got.got.html !== undefined && opts.parse ? opts.parse(got.got.html, finalUrl) : null);
      if (!doc) return end({ reason: 'fetch-failed', page: n, url, detail: 'no document (fetchPage gave html and no parse was given)' });
      let article: A;
      try {
        article = await opts.extract(doc, finalUrl);
      } catch (e) {
        return end({ reason: 'no-article', page: n, url: finalUrl, detail: String((e as Error)?.message ?? e) });
      }
      if (late()) return end({ reason: 'time', page: n, url });
      const why = notContinued(opts.first, {
        title: article.title,
        siteName: article.siteName,
        template: opts.first.template ? templateSignal(doc) : null,
      });
      if (why) return end({ reason: 'not-continuation', page: n, url: finalUrl, detail: why });
      const next = detectPager(doc, finalUrl);
      if (next && next.current === n) {
        learn(next);
        if (next.last) total = Math.max(total ?? 0, next.last);
      } else if (next?.next && !known.has(n + 1)) {
        known.set(n + 1, next.next); // the page numbers itself differently (or not at all): follow its 下一页
      }
      merged++;
      yield { page: n, url: finalUrl, article };
      opts.onProgress?.({ merged, total, fetching: null });
    }
  } finally {
    clock.clearTimeout(timer);
    abort.abort();
  }
}

/** The URL attributes Readability resolves (its _fixRelativeUris: links and media) and the article stage reads. */
const URL_ATTRS = ['href', 'src', 'poster'] as const;

/**
 * Gives a parsed page the base URL it was fetched from: a DOMParser document's URL is the parsing page's (the
 * popup's), and Readability resolves links against doc.baseURI, so page 3's `img/x.jpg` would point into the
 * popup's folder. A <base> is added when the page names none (the article stage reads it: normalize.ts
 * baseUrlOf), and every link and media URL is made absolute against it, because browsers ignore <base> in a
 * document without a browsing context (Chromium 150: a DOMParser document's baseURI stays the popup's, and the
 * pager links of pages 2 and 3 came out as chrome-extension:// URLs). Call it in `parse` for such documents.
 */
export function ensureBase(doc: Document, url: string): void {
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    (doc.head ?? doc.documentElement).prepend(base);
  }
  const base = baseUrlOf(doc, url);
  for (const attr of URL_ATTRS) {
    for (const el of doc.querySelectorAll(`body [${attr}]`)) el.setAttribute(attr, absolute(el.getAttribute(attr)!, base));
  }
  for (const el of doc.querySelectorAll('body [srcset]')) el.setAttribute('srcset', resolveSrcset(el.getAttribute('srcset')!, base));
}

/** Runs {@link followPages} to its end: the parts in order and why it stopped. */
export async function collectPages<A extends PageFacts>(opts: FollowOptions<A>): Promise<{ parts: PagePart<A>[]; end: FollowEnd }> {
  const parts: PagePart<A>[] = [];
  const it = followPages(opts);
  for (;;) {
    const r = await it.next();
    if (r.done) return { parts, end: r.value };
    parts.push(r.value);
  }
}
