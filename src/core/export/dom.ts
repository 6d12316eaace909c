/** An inert DOM for article HTML: a fresh document from the given one's implementation (no scripts, no loads). */

/** Parses sanitized article HTML into the body of a new inert document made by `doc`'s implementation. */
export function parseArticle(html: string, doc: Document): HTMLElement {
  const d = doc.implementation.createHTMLDocument('');
  d.body.innerHTML = html;
  return d.body;
}
