/** Normalizing the article DOM: lazy images promoted, URLs made absolute, empty blocks dropped. */

/** Attributes lazy-loading scripts keep the real image URL in (163, sina, zhihu and WordPress plugins). */
const LAZY_SRC = [
  'data-src',
  'data-original',
  'data-actualsrc',
  'data-lazy-src',
  'data-lazyload',
  'data-original-src',
  'data-url',
  'data-echo',
  'file',
];
const LAZY_SRCSET = ['data-srcset', 'data-lazy-srcset', 'data-original-srcset'];
/** A src that is only a placeholder: empty, a data: URI, or a known spacer image. */
const PLACEHOLDER =
  /^(?:data:|about:|javascript:)|(?:blank|spacer|placeholder|loading|lazy|grey|pixel|transparent)[^/]*\.(?:gif|png|svg|jpg)(?:\?|$)/i;

/**
 * Whether a live page's image failed to load: the browser finished with it (`complete`) and has no picture
 * (`naturalWidth` 0) for the URL it chose (`currentSrc`). An image never asked for is not broken: a lazy one
 * below the fold is not `complete`, and one with no src at all has no `currentSrc`. One whose lazy-loading
 * attribute names another URL is kept too: normalizing promotes that URL, which the page's script would
 * have loaded. (A valid SVG without a size of its own is 300 wide in Chromium and Firefox, not 0.)
 */
function brokenOnPage(img: HTMLImageElement): boolean {
  if (!img.complete || img.naturalWidth !== 0 || !img.currentSrc) return false;
  const src = img.getAttribute('src')?.trim() ?? '';
  return ![...LAZY_SRC, ...LAZY_SRCSET].some(a => {
    const v = img.getAttribute(a)?.trim();
    return !!v && !/^data:/i.test(v) && v !== src;
  });
}

/**
 * The positions (among the document's <img>s, in document order) of the images a live page could not load
 * (brokenOnPage). Read before cloning: a clone has no loading state. Fetching them again from the extension
 * would repeat a failed request the page made, to wherever its <base> or script pointed it (test/hostile:
 * broken-image), and an export would list them.
 */
export function brokenImages(doc: Document): number[] {
  const imgs = doc.getElementsByTagName('img');
  const out: number[] = [];
  for (let i = 0; i < imgs.length; i++) if (brokenOnPage(imgs[i] as HTMLImageElement)) out.push(i);
  return out;
}

/** Removes the <img>s at `positions` (brokenImages) from a copy of the document, with the <picture> around one. */
export function dropImages(doc: Document, positions: readonly number[]): void {
  if (!positions.length) return;
  const imgs = Array.from(doc.getElementsByTagName('img'));
  for (const i of positions) {
    const img = imgs[i];
    if (!img) continue;
    (img.parentElement?.localName === 'picture' ? img.parentElement : img).remove();
  }
}

/** Resolves a URL against the base; leaves it as it was when it cannot be parsed. */
export function absolute(url: string, base: string): string {
  try {
    return new URL(url.trim(), base).href;
  } catch {
    return url;
  }
}

/** A srcset with every candidate's URL made absolute against `base`. */
export function resolveSrcset(srcset: string, base: string): string {
  return srcset
    .split(',')
    .map(part => {
      const [u, ...rest] = part.trim().split(/\s+/);
      return u ? [absolute(u, base), ...rest].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** Promotes lazy-image attributes to src/srcset (so the image shows without the page's scripts). */
function promoteLazy(img: Element): void {
  const src = img.getAttribute('src') ?? '';
  if (!src || PLACEHOLDER.test(src)) {
    for (const a of LAZY_SRC) {
      const v = img.getAttribute(a);
      if (v && !/^data:/i.test(v) && /\S/.test(v)) {
        img.setAttribute('src', v.trim());
        break;
      }
    }
  }
  if (!img.getAttribute('srcset')) {
    for (const a of LAZY_SRCSET) {
      const v = img.getAttribute(a);
      if (v) {
        img.setAttribute('srcset', v);
        break;
      }
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
    if (href.startsWith('#')) {
      a.removeAttribute('href');
      continue;
    } // in-page anchors point nowhere in the reader
    a.setAttribute('href', absolute(href, base));
  }
  for (const p of root.querySelectorAll('p, div, span')) {
    if (!p.firstElementChild && !/\S/.test(p.textContent ?? '')) p.remove();
  }
}
