/**
 * The article HTML as the popup renders it. The core sanitized it already, but that happened in the
 * page's renderer process, which a hostile page controls: sanitize again here, where it counts.
 */
import { sanitize } from '../core/sanitize.ts';

/** Sanitized HTML with every link opening in a new tab, without opener or referrer. */
export function prepareHtml(html: string, win: Window & typeof globalThis = window): string {
  // DOMParser documents are inert: nothing loads or runs while we look.
  const doc = new win.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const { body } = sanitize(doc.body, win);
  for (const a of Array.from(body.querySelectorAll('a'))) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  return body.innerHTML;
}
