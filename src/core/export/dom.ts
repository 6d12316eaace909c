/** An inert DOM for article HTML: a fresh document from the given one's implementation (no scripts, no loads). */

/**
 * Parses sanitized article HTML into the body of a new inert document made by `doc`'s implementation.
 * Never into an element of a live page: images in a live document load (and fire handlers) even detached.
 * linkedom has no `implementation`; there a detached element is safe, since nothing ever loads.
 */
export function parseArticle(html: string, doc: Document): HTMLElement {
  if (!doc.implementation) {
    const el = doc.createElement('body');
    el.innerHTML = html;
    return el;
  }
  const d = doc.implementation.createHTMLDocument('');
  d.body.innerHTML = html;
  return d.body;
}
