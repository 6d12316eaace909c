/**
 * The reader tab's article HTML: sanitized again with the popup's sanitizer (the hand-over sat in extension
 * storage and came from a web page), then tables wrapped so wide ones scroll instead of widening the page.
 */
import type { WindowLike } from 'dompurify';
import { sanitizeHtml } from '../core/dom/sanitize.ts';

/** Class of the wrapper added around each table (after sanitizing, which strips every page class). */
export const TABLE_SCROLL = 'table-scroll';

/** Sanitized HTML for the reader tab, each table inside a horizontally scrolling wrapper. */
export function renderHtml(html: string, win: WindowLike): string {
  const { body } = sanitizeHtml(html, win);
  for (const table of Array.from(body.querySelectorAll('table'))) {
    if (table.parentElement?.classList.contains(TABLE_SCROLL)) continue;
    const wrap = body.ownerDocument.createElement('div');
    wrap.className = TABLE_SCROLL;
    table.replaceWith(wrap);
    wrap.append(table);
  }
  return body.innerHTML;
}
