/**
 * "Load images from the web" off (settings.reader.remoteImages): the article's images that would be
 * fetched from a site become a placeholder with their description, before the HTML reaches a live
 * document, so nothing is requested (no tracking pixel, test/harness/journeys/page-boundary.ts proves it against a
 * canary server). The popup, the reader tab and the exports all pass through here; data: images stay.
 */
import type { Translate } from './api.ts';
import { inertBody, type HasDOMParser } from '../platform/inert-html.ts';

/** Whether a URL (or a srcset candidate) loads from somewhere other than the document itself. */
const remote = (url: string): boolean => /\S/.test(url) && !/^\s*data:/i.test(url);

/** Whether any candidate of a srcset is remote. */
const remoteSrcset = (srcset: string): boolean => srcset.split(',').some(c => remote(c.trim().split(/\s+/)[0] ?? ''));

/** Attributes a placeholder keeps from its image: the remove-blocks view's marks and focus, a title. */
const KEPT = /^(?:data-[\w-]+|tabindex|title)$/;

/** The placeholder text for an image with `alt` (possibly empty). */
export const imagePlaceholder =
  (t: Translate) =>
  (alt: string): string =>
    alt.trim() ? t('imageHidden', [alt.trim()]) : t('imageHiddenNoAlt');

/**
 * `html` with every remote image (an <img> whose src or srcset is remote, a <picture> with a remote source)
 * replaced by `<span class="image-off">` holding `label(alt)`. Parsed inert by `win`'s DOMParser: no image
 * starts loading on the way.
 */
export function withoutRemoteImages(html: string, win: HasDOMParser, label: (alt: string) => string): string {
  const root = inertBody(html, win);
  const doc = root.ownerDocument;
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
    const sources = picture ? Array.from(picture.querySelectorAll('source')) : [];
    const isRemote =
      remote(img.getAttribute('src') ?? '') ||
      remoteSrcset(img.getAttribute('srcset') ?? '') ||
      sources.some(s => remoteSrcset(s.getAttribute('srcset') ?? ''));
    if (!isRemote) continue;
    const span = doc.createElement('span');
    span.className = 'image-off';
    for (const a of Array.from(img.attributes)) if (KEPT.test(a.name)) span.setAttribute(a.name, a.value);
    span.textContent = label(img.getAttribute('alt') ?? '');
    (picture ?? img).replaceWith(span);
  }
  // Anything else that names an image source outside an <img> (a <source> left in a <picture>): gone.
  for (const s of Array.from(root.querySelectorAll('picture > source'))) if (remoteSrcset(s.getAttribute('srcset') ?? '')) s.remove();
  return root.innerHTML;
}
