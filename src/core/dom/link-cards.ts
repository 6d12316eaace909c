/**
 * Link cards made into links, in the article stage before the removals measure the article: mobile templates
 * lay an empty `<a href>` over a card (<li><a class="cover" href></a><h5>headline</h5><time>…</time></li>) or
 * put the target in `data-href` for a script to follow (issue 20), so the card's text is not inside a link and
 * a list of such cards does not read as a list of links to the shape tests (text/shape.ts). As a reader sees
 * it, the whole card is the link: its content moves into the link (a `data-href` card gets one), and a kept
 * card list keeps its headlines clickable. Fixtures zh-card-list-overlay-links, zh-hant-card-list-data-href,
 * en-card-list-overlay-links.
 */

/** The boxes templates make into a card. */
const CARD = /^(?:li|div|article|section|dd)$/;

/** Whether `a` is an overlay: an `<a href>` to another page with no content of its own. */
const isOverlay = (a: Element) =>
  !a.firstElementChild && !(a.textContent ?? '').trim() && !/^\s*(?:#|javascript:)/i.test(a.getAttribute('href') ?? '');

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
  for (const card of [...root.querySelectorAll('[data-href]')]) {
    const href = card.getAttribute('data-href')?.trim();
    if (!href || /^(?:#|javascript:)/i.test(href) || card.querySelector('a[href]') || card.closest('a')) continue;
    const a = doc.createElement('a');
    a.setAttribute('href', href);
    a.append(...card.childNodes);
    card.append(a);
    n++;
  }
  return n;
}
