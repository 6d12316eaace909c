/**
 * Link cards made into links, in the article stage before the removals measure the article: mobile templates
 * lay an empty `<a href>` over a card (<li><a class="cover" href></a><h5>headline</h5><time>…</time></li>) or
 * put the target where a script follows it — `data-href`, `data-url`, `data-link`, or an `onclick` that sets
 * `location` or calls `window.open` (issue 20) — so the card's text is not inside a link and a list of such
 * cards does not read as a list of links to the shape tests (text/shape.ts). As a reader sees it, the whole
 * card is the link: its content moves into the link (a script-target card gets one), and a kept card list
 * keeps its headlines clickable. Fixtures zh-card-list-overlay-links, zh-hant-card-list-data-href,
 * en-card-list-overlay-links, zh-card-list-script-targets, zh-hant-card-list-script-targets,
 * en-card-list-script-targets.
 */
import { countSentences } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';

/** The boxes templates make into a card. */
const CARD = /^(?:li|div|article|section|dd)$/;

/** Whether `a` is an overlay: an `<a href>` to another page with no content of its own. */
const isOverlay = (a: Element) =>
  !a.firstElementChild && !(a.textContent ?? '').trim() && !/^\s*(?:#|javascript:)/i.test(a.getAttribute('href') ?? '');

/** The attributes a script follows to a card's target. */
const TARGETS = '[data-href],[data-url],[data-link],[onclick]';
/** `location.href = '…'`, `location = '…'`, `location.assign('…')`, `window.open('…')` in an onclick. */
const ONCLICK_URL = /(?:\blocation(?:\.href)?\s*=|\blocation\.assign\(|\bopen\()\s*(['"])([^'"]+)\1/;

/** The page a card's script would open, or null: a `data-*` target, else the URL an onclick navigates to. */
function scriptTarget(card: Element): string | null {
  const href =
    (card.getAttribute('data-href') ?? card.getAttribute('data-url') ?? card.getAttribute('data-link'))?.trim() ||
    ONCLICK_URL.exec(card.getAttribute('onclick') ?? '')?.[2]?.trim();
  return href && !/^(?:#|javascript:)/i.test(href) ? href : null;
}

/** Makes root's link cards into links (in place); returns how many. A card holding another link stays as it is. */
export function linkCards(root: Element): number {
  const doc = root.ownerDocument;
  let n = 0;
  for (const a of [...root.querySelectorAll('a[href]')]) {
    const card = a.parentElement;
    if (!card || card === root || !CARD.test(card.localName) || !isOverlay(a) || card.querySelectorAll('a[href]').length > 1) continue;
    for (let c = card.firstChild; c; ) {
      const next = c.nextSibling;
      if (c !== a) a.appendChild(c);
      c = next;
    }
    n++;
  }
  for (const card of [...root.querySelectorAll(TARGETS)]) {
    // Readability turns a card <div> holding no block into a <p>; a table row stays a row (an <a> around cells breaks the table).
    if (card === root || !/^(?:p|li|div|article|section|dd)$/.test(card.localName) || card.querySelector('a[href]') || card.closest('a'))
      continue;
    const href = scriptTarget(card);
    // Readability makes a card <div> that holds only a heading a <p>; re-parsed in the popup, the HTML parser
    // closes that <p> before the heading (`<p onclick></p><h4>…</h4><p></p>`), so the card's content is the
    // element right after it (fixture zh-card-list-script-targets in Chromium).
    if (href && card.localName === 'p' && !card.firstChild && card.nextElementSibling && /^h[1-6]$/.test(card.nextElementSibling.localName))
      card.append(card.nextElementSibling);
    // A card holds a headline and at most a teaser: an infinite-scroll page marks the whole article
    // `<article data-url="…">` (fixture zh-card-list-script-targets' decoy), and a share or "Save" button
    // carries the page's own address in data-url (readability corpus ehow-2). A teaser is one sentence at most.
    const text = card.textContent ?? '';
    const chars = text.trim().length;
    if (!href || chars < THRESHOLDS.headlineMin || chars > THRESHOLDS.cardTextMax || countSentences(text) > 1) continue;
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    a.append(...card.childNodes);
    card.append(a);
    n++;
  }
  return n;
}
