/**
 * The exact-text rule field (`texts`): a block goes only when its whole text is one of the rule's texts.
 * For a one-off line a person removed (a real paragraph, an editor's note) no selector can name it without
 * also naming the article's other paragraphs; its text can, and on the site's other pages it matches nothing.
 */
import { squeeze } from '../text/chars';
import { isSkipped } from '../text/walk';

/** Characters that take no room and that a page may sprinkle anywhere: the zero-width space and the byte order mark. */
const ZERO_WIDTH = /[\u200b\ufeff]/g;

/** A text's comparable form: no whitespace at all (nor zero-width characters), so the page's and the reader's spacing never differ. */
export function exactTextKey(s: string): string {
  return squeeze(s.normalize('NFC')).replace(ZERO_WIDTH, '');
}

/** Shorter texts than this (after exactTextKey) would match labels and buttons everywhere. */
export const MIN_EXACT_CHARS = 2;

/**
 * The elements under root (never root) whose whole text, compared by exactTextKey, is in `keys`: the highest
 * of nested ones (a wrapper holding only that text goes with it). One bottom-up walk, no recursion (pages nest
 * deeply), and an element's text is built only while it is no longer than the longest key.
 */
export function findExactText(root: Element, keys: ReadonlySet<string>): Element[] {
  if (!keys.size) return [];
  let max = 0;
  for (const k of keys) max = Math.max(max, k.length);
  const text = new Map<Element, string | null>(); // null: longer than any key
  const order: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    // pre-order; reversed it is a valid bottom-up order
    const el = stack.pop()!;
    order.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) if (!isSkipped(c)) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    let s: string | null = '';
    for (let c = el.firstChild; c && s !== null; c = c.nextSibling) {
      if (c.nodeType === 3) s += exactTextKey(c.nodeValue ?? '');
      else if (c.nodeType === 1 && !isSkipped(c as Element)) {
        const t = text.get(c as Element);
        s = t === null || t === undefined ? null : s + t;
      }
      if (s !== null && s.length > max) s = null;
    }
    text.set(el, s);
  }
  const hits: Element[] = [];
  for (const el of order) {
    // document order: an outer match comes before its inner ones
    if (el === root) continue;
    const s = text.get(el);
    if (!s || !keys.has(s)) continue;
    if (hits.length && hits[hits.length - 1]!.contains(el)) continue;
    hits.push(el);
  }
  return hits;
}
