/**
 * A promo strip inside the article column: a short row of linked cards, each an image and a short line, pointing
 * off the article ("X APP独家：…", "扫一扫 看更多现场视频"; issue 20: on one site the phrases caught "打开X APP 看更多"
 * and missed "X APP独家：…" on the next page of the same template). Decided by shape alone: a block whose children
 * are all such cards, at least two of them. A figure whose image links to its large version stays (that link holds
 * no text, and its target is an image).
 */
import { countSentences, squeezedLength } from '../text/chars';
import { textCharsUpTo } from '../text/walk';
import * as THRESHOLDS from '../text/thresholds';
import { sameSite } from './edge-lists';

/** At least this many cards in a row: one linked image with a line is a figure or a banner ad, not a strip. */
const STRIP_CARDS = 2;
/** A card's line is at most this long: "滨江新闻APP独家：首发车全程直击" is 16; margin ×2. */
const CARD_CHARS = 32;
/** A link to an image file is a picture's large version, not a promotion. */
const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|bmp)(?:[?#].*)?$/i;

/** The one link of a card holding an image and all the card's text, or null. */
function cardLink(el: Element): Element | null {
  if (textCharsUpTo(el, CARD_CHARS) > CARD_CHARS) return null; // a long block is no card: refused before any query of its subtree
  const a =
    el.localName === 'a' && el.hasAttribute('href') ? el : el.querySelectorAll('a[href]').length === 1 ? el.querySelector('a[href]') : null;
  if (!a || !a.querySelector('img, picture')) return null;
  if (IMAGE_FILE.test(a.getAttribute('href') ?? '')) return null;
  const text = a.textContent ?? '';
  const n = squeezedLength(text);
  if (n === 0 || n > CARD_CHARS || countSentences(text) > 0) return null;
  return squeezedLength(el.textContent ?? '') === n ? a : null;
}

/**
 * The box holding a strip and the short heading over it ("看点" over thumbnail cards), when they are all it holds,
 * so the heading does not stay behind alone; null otherwise (never root).
 */
function headedBox(strip: Element, root: Element): Element | null {
  const box = strip.parentElement;
  const head = strip.previousElementSibling;
  if (!box || box === root || !head || box.childElementCount !== 2 || head.querySelector('a[href], img')) return null;
  const t = head.textContent ?? '';
  const n = squeezedLength(t);
  if (n === 0 || n > THRESHOLDS.menuItemChars || countSentences(t) > 0) return null;
  // Nothing else in the box: no bare text beside the two.
  return squeezedLength(box.textContent ?? '') === n + squeezedLength(strip.textContent ?? '') ? box : null;
}

/**
 * The promo strips under root (outermost first, none inside another). Their links stay on the page's own site
 * (its app, its live page): image links to another site are left alone (the Readability corpus's hukumusume
 * keeps two linked origami pictures from a partner site in its reference text).
 */
export function findPromoStrips(root: Element, pageUrl: string): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.localName === 'figure') continue;
    // Siblings by nextElementSibling: jsdom reads an HTMLCollection index in time linear in its length
    // (200,000 sibling spans, test/cli/odd-input.test.ts).
    const kids: Element[] = [];
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) kids.push(c);
    if (el !== root && kids.length >= STRIP_CARDS && kids.every(k => cardLink(k)) && sameSite([el], pageUrl)) {
      out.push(headedBox(el, root) ?? el);
      continue;
    }
    for (let i = kids.length - 1; i >= 0; i--) if (kids[i]!.firstElementChild) stack.push(kids[i]!);
  }
  return out;
}
