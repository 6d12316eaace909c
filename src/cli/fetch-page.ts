/**
 * Fetching a page for the CLI (`jingyue clean URL`, and the pages after it with `--pages N`): Node's fetch,
 * redirects followed as browsers follow them (the Fetch standard's 20), a time limit, a size cap enforced while
 * the body streams, and the bytes decoded as a browser would: a BOM, then the Content-Type header's charset,
 * then what charset.ts reads in the bytes (the HTML Standard's order: BOM, transport layer, <meta> prescan).
 */
import { decodeHtml } from './charset';

/** A fetched page: its bytes and text, the charset used, the URL after redirects, the status and Content-Type. */
export interface FetchedHtml {
  bytes: Uint8Array;
  text: string;
  charset: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
}

/** Limits and extras for {@link fetchHtml}. */
export interface FetchHtmlOptions {
  /** The whole request, headers and body, in ms. */
  timeoutMs?: number;
  /** Most bytes of body read (after decompression). */
  maxBytes?: number;
  /** Aborts the request from outside (the merge's budget). */
  signal?: AbortSignal;
  /** The fetch to use (tests); Node's by default. */
  fetch?: typeof fetch;
}

/** Why a fetch failed, for the CLI's one-line message and exit code. */
export class FetchPageError extends Error {
  constructor(
    message: string,
    readonly kind: 'bad-url' | 'timeout' | 'too-large' | 'network',
  ) {
    super(message);
    this.name = 'FetchPageError';
  }
}

/** 30 s: a slow news site answers in a few; the CLI's person waits no longer for one page. */
export const FETCH_TIMEOUT_MS = 30_000;
/** 20 MiB: the largest real page in the shared corpora is under 2 MB; test/hostile's 5 MB page fits four times. */
export const FETCH_MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8';
/** An honest name: a site that refuses it would refuse the CLI whatever it said. */
const USER_AGENT = 'Mozilla/5.0 (compatible; jingyue)';

/** The charset a Content-Type header names, or null. */
export function headerCharset(contentType: string | null): string | null {
  const m = contentType?.match(/;\s*charset\s*=\s*["']?([\w.:-]+)/i);
  return m ? m[1]!.toLowerCase() : null;
}

const hasBom = (b: Uint8Array): boolean =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

/**
 * Decodes with charset.ts's decodeHtml, the header's charset ranking above the page's own <meta>: decodeHtml
 * reads the first declaration in the bytes, so the header's is put there as one and taken off the text after.
 * A BOM still wins (decodeHtml reads it first; the declaration is not added then).
 */
export function decodeFetched(bytes: Uint8Array, transport: string | null): { text: string; charset: string } {
  if (!transport || hasBom(bytes)) return decodeHtml(bytes);
  const lead = `<meta charset="${transport}">`;
  const prefix = new TextEncoder().encode(lead);
  const joined = new Uint8Array(prefix.length + bytes.length);
  joined.set(prefix);
  joined.set(bytes, prefix.length);
  const out = decodeHtml(joined);
  // A charset that is not ASCII-compatible (UTF-16 without a BOM) garbles the lead: then the header cannot help.
  return out.text.startsWith(lead) ? { text: out.text.slice(lead.length), charset: out.charset } : decodeHtml(bytes);
}

/** Reads a body up to `max` bytes; throws too-large past it (the rest is never read). */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let n = 0;
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > max) {
      await reader.cancel().catch(() => {});
      throw new FetchPageError(`the page is larger than ${max} bytes`, 'too-large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** Fetches an http(s) page and decodes it. Any status is returned (the caller decides); failures throw FetchPageError. */
export async function fetchHtml(url: string, opts: FetchHtmlOptions = {}): Promise<FetchedHtml> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchPageError(`"${url}" is not an absolute URL`, 'bad-url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new FetchPageError(`"${url}" is not an http(s) URL`, 'bad-url');
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? FETCH_MAX_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = opts.signal ? AbortSignal.any([timeout, opts.signal]) : timeout;
  const doFetch = opts.fetch ?? fetch;
  try {
    const res = await doFetch(parsed.href, { redirect: 'follow', signal, headers: { accept: ACCEPT, 'user-agent': USER_AGENT } });
    const length = Number(res.headers.get('content-length'));
    if (Number.isFinite(length) && length > maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new FetchPageError(`the page is larger than ${maxBytes} bytes (Content-Length ${length})`, 'too-large');
    }
    const bytes = await readCapped(res, maxBytes);
    const contentType = res.headers.get('content-type');
    const { text, charset } = decodeFetched(bytes, headerCharset(contentType));
    return { bytes, text, charset, finalUrl: res.url || parsed.href, status: res.status, contentType };
  } catch (e) {
    if (e instanceof FetchPageError) throw e;
    if (timeout.aborted) throw new FetchPageError(`no answer from ${parsed.host} within ${timeoutMs / 1000} s`, 'timeout');
    if (opts.signal?.aborted) throw new FetchPageError('the fetch was cancelled', 'network');
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    throw new FetchPageError(`cannot fetch ${parsed.href}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, 'network');
  }
}
