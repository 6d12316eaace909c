/** Which tabs the popup may not inject into, decided from the URL before trying (and failing) to. */

/** Why a URL is off limits, or 'ok'. `file` still needs the person's "allow access to file URLs" switch. */
export type UrlKind = 'ok' | 'file' | 'browser' | 'store' | 'pdf';

/** Chrome's built-in PDF viewer extension; its pages are chrome-extension:// URLs. */
const PDF_VIEWER = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/** Web stores: browsers block every extension's scripts there (Chrome and Firefox policy). */
function isStore(u: URL): boolean {
  const host = u.hostname;
  return (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && u.pathname.startsWith('/webstore')) ||
    host === 'addons.mozilla.org' ||
    (host === 'microsoftedge.microsoft.com' && u.pathname.startsWith('/addons'))
  );
}

/** Classifies a tab URL: only http(s) pages, and file:// with permission, can be read. */
export function classifyUrl(url: string): UrlKind {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'browser'; // no URL: the tab's URL was withheld, or it is not a web page
  }
  if (u.protocol === 'chrome-extension:' && u.hostname === PDF_VIEWER) return 'pdf';
  if (u.protocol === 'file:') return 'file';
  // Everything else not on the web is a browser page: chrome:, edge:, about:, view-source:, the extension schemes, data:, blob:…
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'browser';
  if (isStore(u)) return 'store';
  return 'ok';
}
