/** Normalizing the article DOM: lazy images promoted, URLs made absolute, empty blocks dropped. */

/** Attributes lazy-loading scripts keep the real image URL in (163, sina, zhihu and WordPress plugins). */
const LAZY_SRC = ['data-src', 'data-original', 'data-actualsrc', 'data-lazy-src', 'data-lazyload', 'data-original-src', 'data-url', 'data-echo', 'file'];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
/** A src that is only a placeholder: empty, a data: URI, or a known spacer image. */
const PLACEHOLDER = /^(?:data:|about:|javascript:)|(?:blank|spacer|placeholder|loading|lazy|grey|pixel|transparent)[^/]*\.(?:gif|png|svg|jpg)(?:\?|$)/i;

/** Resolves a URL against the base; leaves it as it was when it cannot be parsed. */
export function absolute(url: string, base: string): string {
  try { return new URL(url.trim(), base).href; } catch { return url; }
}

function resolveSrcset(srcset: string, base: string): string {
  return srcset.split(',').map(part => {
    const [u, ...rest] = part.trim().split(/\s+/);
    return u ? [absolute(u, base), ...rest].join(' ') : '';
  }).filter(Boolean).join(', ');
}

/** Promotes lazy-image attributes to src/srcset (so the image shows without the page's scripts). */
function promoteLazy(img: Element): void {
  const src = img.getAttribute('src') ?? '';
  if (!src || PLACEHOLDER.test(src)) {
    for (const a of LAZY_SRC) {
      const v = img.getAttribute(a);
      if (v && !/^data:/i.test(v) && /\S/.test(v)) { img.setAttribute('src', v.trim()); break; }
    }
  }
  if (!img.getAttribute('srcset')) {
    for (const a of LAZY_SRCSET) {
      const v = img.getAttribute(a);
      if (v) { img.setAttribute('srcset', v); break; }
    }
  }
}

/** The base URL links resolve against: the page's <base href> when it is http(s), else the page URL. */
export function baseUrlOf(doc: Document, url: string): string {
  const href = doc.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    const b = absolute(href, url);
    if (/^https?:/i.test(b)) return b;
  }
  return url;
}

/** Normalizes the article subtree in place. */
export function normalize(root: Element, base: string): void {
  for (const img of root.querySelectorAll('img')) {
    promoteLazy(img);
    const src = img.getAttribute('src');
    if (src) img.setAttribute('src', absolute(src, base));
    const srcset = img.getAttribute('srcset');
    if (srcset) img.setAttribute('srcset', resolveSrcset(srcset, base));
  }
  for (const s of root.querySelectorAll('source[srcset]')) s.setAttribute('srcset', resolveSrcset(s.getAttribute('srcset')!, base));
  for (const a of root.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href')!;
    if (href.startsWith('#')) { a.removeAttribute('href'); continue; } // in-page anchors point nowhere in the reader
    a.setAttribute('href', absolute(href, base));
  }
  for (const p of root.querySelectorAll('p, div, span')) {
    if (!p.firstElementChild && !/\S/.test(p.textContent ?? '')) p.remove();
  }
}
