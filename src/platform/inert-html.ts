/**
 * Parsing HTML without rendering it, for the code that runs in a browser (the page scripts and the extension
 * pages): a DOMParser document is inert in every browser (no script runs, no image or style loads, it is never
 * shown), so whatever the HTML holds (it came from a web page) does nothing while it is read or rewritten.
 * Never parse such HTML into an element of a live document: images in a live document load, and fire their
 * handlers, even detached. The pure core takes the window whose DOMParser it parses with (src/core/pipeline/settle.ts SettleEnv).
 */

/** A window's DOMParser: the page's, an extension page's, or jsdom's in tests. */
export interface HasDOMParser {
  DOMParser: { new (): DOMParser };
}

/** `html` parsed into a fresh, inert document of `win`'s DOMParser. */
export function parseInert(html: string, win: HasDOMParser = window): Document {
  return new win.DOMParser().parseFromString(html, 'text/html');
}

/** The body of an inert document holding the HTML fragment `html` (whatever it starts with, it lands in the body). */
export function inertBody(html: string, win: HasDOMParser = window): HTMLElement {
  return parseInert(`<!doctype html><body>${html}`, win).body;
}
