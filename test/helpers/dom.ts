/** The one way tests make a jsdom window: the CLI's DOM, with no scripts run, nothing loaded and a silent console. */
import { JSDOM, VirtualConsole, type ConstructorOptions } from 'jsdom';

/** The URL tests give a page that has none of its own. */
export const TEST_URL = 'https://news.example.com/a/1.html';

/** A jsdom for `html` at `url` (extra jsdom options, e.g. contentType or pretendToBeVisual, pass through). */
export function jsdom(html = '', url: string | undefined = TEST_URL, opts: ConstructorOptions = {}): JSDOM {
  return new JSDOM(html, { ...(url ? { url } : {}), virtualConsole: new VirtualConsole(), ...opts });
}

/** A jsdom document for the HTML at the URL, and its window. */
export function load(html: string, url = TEST_URL): { doc: Document; window: JSDOM['window'] } {
  const dom = jsdom(html, url);
  return { doc: dom.window.document, window: dom.window };
}
