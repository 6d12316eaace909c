/**
 * Images for the .html export (issue 11: "images lost in exports"): each one the extension may fetch becomes
 * a data: URL inside the file; the rest are reported so the export can list them with their URLs. Without
 * host permissions an extension page may fetch only what CORS allows (or, in Chromium and Firefox, the
 * origin of the tab activeTab was granted for), so cross-site CDN images usually stay remote.
 */

/** Largest image embedded, in bytes: 5 MiB keeps a long photo story's export under ~100 MB even at 20 images. */
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Per-image time limit: a stalled CDN must not hold the export; 8 s is well above a normal image load. */
const FETCH_TIMEOUT_MS = 8_000;

/** What one fetch returned: bytes and their MIME type, or null when it was not allowed or failed. */
export type ImageFetcher = (url: string) => Promise<{ bytes: Uint8Array; type: string } | null>;

/** Fetches without cookies or referrer (the article rendered with neither); anything but an image is refused. */
export const fetchImage: ImageFetcher = async (url) => {
  try {
    const res = await fetch(url, {
      credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'force-cache', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!res.ok || !type.startsWith('image/')) return null;
    const bytes = new Uint8Array(await res.arrayBuffer());
    return bytes.byteLength <= MAX_IMAGE_BYTES ? { bytes, type } : null;
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

/** The article HTML with every fetchable image embedded, and the URLs of those that were not. */
export async function embedImages(
  html: string, fetcher: ImageFetcher = fetchImage, win: Window & typeof globalThis = window,
): Promise<{ html: string; unavailable: string[] }> {
  // An inert DOMParser document: nothing loads while we rewrite it.
  const doc = new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const imgs = Array.from(doc.body.querySelectorAll('img[src]'));
  const urls = [...new Set(imgs.map((img) => img.getAttribute('src')!).filter((u) => /^https?:/i.test(u)))];
  if (!urls.length) return { html, unavailable: [] };
  const found = new Map<string, string>();
  await Promise.all(urls.map(async (u) => {
    const got = await fetcher(u);
    if (got) found.set(u, dataUrl(got.bytes, got.type));
  }));
  for (const img of imgs) {
    const embedded = found.get(img.getAttribute('src')!);
    if (!embedded) continue;
    img.setAttribute('src', embedded);
    img.removeAttribute('srcset'); // a srcset candidate would win over the embedded src and load remotely
    img.removeAttribute('loading');
    if (img.parentElement?.localName === 'picture') img.parentElement.querySelectorAll('source').forEach((s) => s.remove());
  }
  return { html: doc.body.innerHTML, unavailable: urls.filter((u) => !found.has(u)) };
}
