/**
 * The one protocol between the extension and the scripts it injects into a page (content.js, derive.js). Each
 * script installs a typed object on its isolated world's global, under a registered symbol (PageApis names
 * them all); the popup calls a method of one through `scripting.executeScript({ func, args })` and reads the
 * return value (src/platform/tabs.ts callInPage). No runtime messaging and no messaging library in the page:
 * the return value is the answer, and every method takes one JSON argument and returns JSON.
 */
import type { Extracted } from '../core/types.ts';
import type { Derived, Pick } from '../core/derive/derive.ts';
import type { Rule } from '../core/rules/types.ts';

/**
 * The registered symbol (`Symbol.for(CONTENT_KEY)`) the content script installs its API under. Not a string
 * property: in Chromium every element with an id or name (`<div id="x">`, `<img name="x">`) is a named
 * property of the window that the isolated world sees too, so a page could put an element where a string-
 * keyed API was looked up and switch the extension off (test/hostile: the clobber-api cases). Named
 * properties are strings only, and the page's own globals live on another global object.
 */
export const CONTENT_KEY = 'jingyue.content';

/** The registered symbol derive.js installs its API under, next to content.js's (a symbol for the reason given at CONTENT_KEY). */
export const DERIVE_KEY = 'jingyue.derive';

/** The registered symbol pager.js installs its API under (a symbol for the reason given at CONTENT_KEY). */
export const PAGER_KEY = 'jingyue.pager';

/** Every API a page script installs, by the key of its registered symbol. */
export interface PageApis {
  [CONTENT_KEY]: ContentApi;
  [DERIVE_KEY]: DeriveApi;
  [PAGER_KEY]: PagerApi;
}

/** The key of one page script's API. */
export type PageKey = keyof PageApis;
/** The methods of the API under `K` (what callInPage may call). */
export type PageMethod<K extends PageKey> = {
  [M in keyof PageApis[K]]: PageApis[K][M] extends (arg: never) => unknown ? M : never;
}[keyof PageApis[K]];
/** The one argument of method `M` of the API under `K`. */
export type PageArg<K extends PageKey, M extends PageMethod<K>> = PageApis[K][M] extends (arg: infer A) => unknown ? A : never;
/** What method `M` of the API under `K` answers. */
export type PageReply<K extends PageKey, M extends PageMethod<K>> = PageApis[K][M] extends (arg: never) => infer R ? Awaited<R> : never;

/** The API installed under `key` in this world, or null: only an own data property of the global holding an object counts. */
export function installedApi<K extends PageKey, T extends PageApis[K] = PageApis[K]>(key: K): T | null {
  const api: unknown = Object.getOwnPropertyDescriptor(globalThis, Symbol.for(key))?.value;
  return api !== null && typeof api === 'object' ? (api as T) : null;
}

/** Installs `api` under `key` in this world's global, as an own data property (not enumerable, not writable). */
export function installApi<K extends PageKey>(key: K, api: PageApis[K]): void {
  Object.defineProperty(globalThis, Symbol.for(key), { value: api, writable: false, enumerable: false, configurable: true });
}

/** A rule as it travels into a page: only what the page half reads (titles and evidence stay in the extension). */
export type PageRule = Omit<Rule, 'title' | 'evidence'>;

/** Ask the content script to extract the article from the page it runs in, with this site's switches. */
export interface CleanRequest {
  /** The URL the popup saw; if the page is elsewhere now (SPA navigation), the answer is `navigated`. */
  url: string;
  /** Rule ids switched off for this site. */
  disabled: string[];
  /** "Clean this site" is off: Readability only, no rules. */
  noRules: boolean;
  /** The person's own rules for this page's site, in the site-rule format without title or evidence (src/popup/session.ts pageRules). */
  userRules: PageRule[];
  /** Stamp block marks for the remove-blocks mode (src/core/dom/block-mark.ts). */
  marks?: boolean;
  /** Plain Readability on an unpruned copy: the never-worse check's second run, asked by the article stage (src/core/pipeline/settle.ts). */
  plain?: boolean;
}

/** Why a clean could not produce an article. */
export type CleanFailure = 'no-article' | 'navigated' | 'pdf' | 'failed';

/** The page half's result, or why there is none (errors are data: nothing is thrown across the boundary). */
export type CleanResponse = { ok: true; extracted: Extracted; ms: number } | { ok: false; error: CleanFailure; detail: string };

/** The content script's bookkeeping: one install no matter how often it was injected. */
export interface PingResponse {
  injections: number;
  /** How many times the API object was installed (1: idempotent). */
  installs: number;
  cleans: number;
  /** How long the last extraction took in the page, in ms (the e2e suite reports it). */
  lastCleanMs: number;
}

/** What content.js answers. */
export interface ContentApi {
  clean(req: CleanRequest): CleanResponse;
  ping(req?: undefined): PingResponse;
}

/** What derive.js answers: installed only when the person saves removals (remove-blocks mode). */
export interface DeriveApi {
  derive(req: DeriveRequest): DeriveResponse;
}

/** Derive one rule from the picked blocks, testing each candidate with the page's own pipeline. */
export interface DeriveRequest {
  /** The URL the popup saw (the content script refuses when the page navigated). */
  url: string;
  /** Rule ids switched off for this site, and the person's rules for it now: the pipeline runs as the view was made. */
  disabled: string[];
  userRules: PageRule[];
  picks: Pick[];
  /** The new rule's id, title, sites and evidence. */
  head: Pick2<Rule, 'id' | 'title' | 'sites'> & { evidence?: string };
}
type Pick2<T, K extends keyof T> = { [P in K]: T[P] };

/**
 * What pager.js answers (issue 19, multi-page articles): injected after the first page is shown, only where
 * the site's merge switch is on. It reads the live page (never changes it) and fetches the following pages
 * from the page's own origin, so no new permission is needed.
 */
export interface PagerApi {
  /** The article's own pager on this page and its template signal (src/core/pager), or a null pager. */
  detect(req: { url: string }): PagerFound;
  /** Fetches one page of this origin; the answer is its HTML as the browser decoded it. */
  fetchPage(req: PagerFetchRequest): Promise<PagerFetchResponse>;
}

/** A pager found on the live page (src/core/pager/detect.ts Pager), and the page's template signal. */
export interface PagerFound {
  pager: { current: number; pages: string[]; next: string | null; last: number | null } | null;
  template: string | null;
}

/** One page to fetch, with the budget's limits. */
export interface PagerFetchRequest {
  url: string;
  timeoutMs: number;
  maxBytes: number;
}

/** A fetched page (any status: the follower decides), or why there is none. */
export type PagerFetchResponse = { html: string; finalUrl: string; status: number } | { error: string };

/** The derived rule and what each block got, or why nothing could be derived. */
export type DeriveResponse = { ok: true; derived: Derived } | { ok: false; error: string };
