/** An inert DOM for article HTML: a fresh document from the given one's implementation (no scripts, no loads). */

/**
 * Parses sanitized article HTML into the body of a new inert document: one of `doc`'s window's DOMParser
 * (no-quirks, as the fragment parse below: the doctype), else one made by `doc`'s implementation.
 * Never into an element of a live page: images in a live document load (and fire handlers) even detached.
 * linkedom has no `implementation`; there a detached element is safe, since nothing ever loads.
 */
export function parseArticle(html: string, doc: Document): HTMLElement {
  // A document parse builds the tree in place; `innerHTML` parses into a fragment and then moves every node,
  // which jsdom makes as dear as the parse (0.4 s of 0.8 s on the big Chinese page, test/hostile/pages-gen.ts).
  const Parser = (doc.defaultView as { DOMParser?: { new (): DOMParser } } | null)?.DOMParser;
  if (Parser) return new Parser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;
  if (!doc.implementation) {
    const el = doc.createElement('body');
    el.innerHTML = html;
    return el;
  }
  const d = doc.implementation.createHTMLDocument('');
  d.body.innerHTML = html;
  return d.body;
}
