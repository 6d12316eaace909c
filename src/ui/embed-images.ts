/**
 * Images for the .html export: each one the extension may fetch becomes a data: URL inside the file; the rest
 * are reported so the export can list them with their URLs. Without host permissions an extension page may
 * fetch only what CORS allows (or, in Chromium and Firefox, the origin of the tab activeTab was granted for),
 * so cross-site CDN images usually stay remote. What a page calls an image is untrusted: each body is read
 * only up to its cap (a declared Content-Length over it is refused unread), a few at a time, within one
 * budget for the whole file and one deadline (test/ui/embed-images.test.ts: a 300 MB body, an endless one,
 * a hundred images).
 */
import { inertBody } from '../platform/inert-html.ts';

/** Largest image embedded, in bytes: 5 MiB holds a full-size news photo (they are mostly under 1 MiB). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** All embedded images together, in bytes: the file (base64, a third larger) stays under ~45 MB, which the popup holds in memory twice while saving. */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/** Fetches at once: below the six connections a browser opens per host, so the page's own tab keeps one. */
export const MAX_PARALLEL = 4;
/** Distinct images fetched at most; the rest stay remote and listed (a photo story has dozens, not hundreds). */
export const MAX_IMAGES = 200;
/** Per-image time limit, the body included: a stalled CDN must not hold the export; 8 s is well above a normal image load. */
const FETCH_TIMEOUT_MS = 8_000;
/** The whole embedding's time limit: past it nothing new is fetched and what is still loading is abandoned. */
const TOTAL_TIMEOUT_MS = 30_000;

/** What a fetcher may spend: at most `maxBytes` of body, and each chunk only if `take` grants it from the file's budget. */
export interface FetchLimits {
  maxBytes: number;
  /** Reserves `n` more bytes of the whole file's budget; false when it is spent (the image stays remote). */
  take(n: number): boolean;
  /** Gives back `n` reserved bytes (an image abandoned part way is not in the file). */
  release(n: number): void;
  /** Aborted when the whole embedding ran out of time. */
  signal: AbortSignal;
}

/** What one fetch returned: bytes and their MIME type, or null when it was not allowed, failed or went over a limit. */
export type ImageFetcher = (url: string, limits: FetchLimits) => Promise<{ bytes: Uint8Array; type: string } | null>;

/** A response body read up to `limits` (null past them), cancelled as soon as it goes over: the rest is never read. */
async function readCapped(res: Response, limits: FetchLimits): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > limits.maxBytes || !res.body) {
    void res.body?.cancel().catch(() => {});
    return null;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > limits.maxBytes || !limits.take(value.byteLength)) {
        limits.release(size);
        void reader.cancel().catch(() => {});
        return null;
      }
      size += value.byteLength;
      chunks.push(value);
    }
  } catch (e) {
    limits.release(size); // aborted (its own timeout, the deadline) or the connection failed
    throw e;
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

/** Fetches without cookies or referrer (the article rendered with neither); anything but an image is refused. */
export const fetchImage: ImageFetcher = async (url, limits) => {
  try {
    const res = await fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'force-cache',
      signal: AbortSignal.any([limits.signal, AbortSignal.timeout(FETCH_TIMEOUT_MS)]),
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!res.ok || !type.startsWith('image/')) {
      void res.body?.cancel().catch(() => {});
      return null;
    }
    const bytes = await readCapped(res, limits);
    return bytes ? { bytes, type } : null;
  } catch {
    return null; // CORS refusal, network error, timeout: the image stays remote and is listed
  }
};

/** A data: URL for `bytes` (base64, built by hand so the same bytes give the same text everywhere). */
export function dataUrl(bytes: Uint8Array, type: string): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:${type};base64,${btoa(bin)}`;
}

/** Runs `work` on each item, at most `parallel` at once, in order of the list. */
async function eachLimited<T>(items: readonly T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, lane));
}

/** The article HTML with every fetchable image embedded, and the URLs of those that were not. */
export async function embedImages(
  html: string,
  fetcher: ImageFetcher = fetchImage,
  win: Window & typeof globalThis = window,
): Promise<{ html: string; unavailable: string[] }> {
  // Inert: nothing loads while we rewrite it.
  const body = inertBody(html, win);
  const imgs = Array.from(body.querySelectorAll('img[src]'));
  const urls = [...new Set(imgs.map(img => img.getAttribute('src')!).filter(u => /^https?:/i.test(u)))];
  if (!urls.length) return { html, unavailable: [] };
  const found = new Map<string, string>();
  let spent = 0;
  const deadline = AbortSignal.timeout(TOTAL_TIMEOUT_MS);
  const limits: FetchLimits = {
    maxBytes: MAX_IMAGE_BYTES,
    take: n => (spent + n <= MAX_TOTAL_BYTES ? ((spent += n), true) : false),
    release: n => void (spent -= n),
    signal: deadline,
  };
  await eachLimited(urls.slice(0, MAX_IMAGES), MAX_PARALLEL, async u => {
    if (deadline.aborted || spent >= MAX_TOTAL_BYTES) return;
    const got = await fetcher(u, limits);
    if (got) found.set(u, dataUrl(got.bytes, got.type));
  });
  for (const img of imgs) {
    const embedded = found.get(img.getAttribute('src')!);
    if (!embedded) continue;
    img.setAttribute('src', embedded);
    img.removeAttribute('srcset'); // a srcset candidate would win over the embedded src and load remotely
    img.removeAttribute('loading');
    if (img.parentElement?.localName === 'picture')
      img.parentElement.querySelectorAll('source').forEach(s => {
        s.remove();
      });
  }
  return { html: body.innerHTML, unavailable: urls.filter(u => !found.has(u)) };
}
