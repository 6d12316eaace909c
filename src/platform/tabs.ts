/** Tabs and script injection: the popup finds the tab it was opened on, injects the page scripts and calls them. */
import browser from 'webextension-polyfill';
import {
  CONTENT_KEY,
  DERIVE_KEY,
  type CleanRequest,
  type CleanResponse,
  type DeriveRequest,
  type DeriveResponse,
  type PageArg,
  type PageKey,
  type PageMethod,
  type PageReply,
} from '../page/protocol.ts';

/** The tab the toolbar click was for. */
export interface TabInfo {
  id: number;
  url: string;
}

/** The active tab of the window the popup belongs to, or null (no window, no tab, or no URL we may see). */
export async function activeTab(): Promise<TabInfo | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab || tab.id === undefined) return null;
  // activeTab grants the URL on click; without the grant `url` is absent, which we treat as restricted.
  return { id: tab.id, url: tab.url ?? '' };
}

/** Injects the content script (content.js guards itself, so a second injection installs nothing). */
export async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

/**
 * Calls `method` of the API installed under the registered symbol `key` in tab `tabId`'s isolated world
 * (src/page/protocol.ts PageApis: content.js's and derive.js's) and returns its answer: the injected
 * function's return value is the reply (no messaging). Rejects with PageScriptMissing when no such API is
 * there. Only an own data property of the world's global holding that function counts, so nothing the page
 * names can stand in for it (src/page/protocol.ts CONTENT_KEY).
 */
export async function callInPage<K extends PageKey, M extends PageMethod<K>>(
  tabId: number,
  key: K,
  method: M,
  arg: PageArg<K, M>,
): Promise<PageReply<K, M>> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the page's isolated world, serialized: it may use only its arguments.
    func: (k: string, name: string, a: unknown) => {
      const api: unknown = Object.getOwnPropertyDescriptor(globalThis, Symbol.for(k))?.value;
      const fn = api !== null && typeof api === 'object' ? (api as Record<string, unknown>)[name] : undefined;
      if (typeof fn !== 'function') return { found: false, value: null };
      const value: unknown = fn.call(api, a);
      // An async method (pager.js fetchPage): executeScript waits for a returned promise, not for one inside an object.
      return typeof (value as Promise<unknown> | null)?.then === 'function'
        ? (value as Promise<unknown>).then(v => ({ found: true, value: v }))
        : { found: true, value };
    },
    args: [key, method, arg ?? null],
  });
  const reply = first?.result as { found: boolean; value: unknown } | undefined;
  if (!reply?.found) throw new PageScriptMissing();
  return reply.value as PageReply<K, M>;
}

/** Why callInPage rejects when the tab answered but holds no such API (the page reloaded or navigated). */
export class PageScriptMissing extends Error {
  constructor() {
    super('The page script is not there (the page reloaded or navigated).');
    this.name = 'PageScriptMissing';
  }
}

/** Asks content.js in tab `tabId` (injected by injectContentScript) for the article. */
export function cleanInTab(tabId: number, req: CleanRequest): Promise<CleanResponse> {
  return callInPage(tabId, CONTENT_KEY, 'clean', req);
}

/** Rule derivation in the page: injects derive.js (only now, when the person saves) into tab `tabId`, which content.js already serves, and calls it. */
export async function deriveInTab(tabId: number, req: DeriveRequest): Promise<DeriveResponse> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['derive.js'] });
  try {
    return await callInPage(tabId, DERIVE_KEY, 'derive', req);
  } catch (e) {
    if (e instanceof PageScriptMissing) return { ok: false, error: 'derive.js did not load' };
    throw e;
  }
}

/** Whether the person allowed the extension on file:// URLs (chrome://extensions toggle). */
export async function fileAccessAllowed(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return false;
  }
}

/** Opens the rules page (options.html, the manifest's options_ui) in a tab. */
export function openRulesPage(): void {
  void browser.runtime.openOptionsPage();
}

/** The part of a page the person picked: its HTML (untrusted: the popup sanitizes it), the page's title and language. */
export interface PickedPart {
  html: string;
  title: string;
  lang: string | null;
}

/** Most characters of HTML a pick brings back (a whole hostile page is no part). */
const MAX_PART_CHARS = 2_000_000;

/**
 * The part of tab `tabId` the person picked: the selection, or, when they only clicked into the page (a caret),
 * the smallest element around the click that holds a paragraph's worth of text. Null when there is neither.
 * Runs once in the page's isolated world; reads the page, changes nothing.
 */
export async function pickPart(tabId: number): Promise<PickedPart | null> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    // Serialized into the page: it may use only its arguments.
    func: (max: number, minChars: number) => {
      const sel = document.getSelection();
      let html = '';
      if (sel && sel.rangeCount && !sel.isCollapsed && sel.toString().trim()) {
        const box = document.createElement('div');
        for (let i = 0; i < sel.rangeCount; i++) box.append(sel.getRangeAt(i).cloneContents());
        html = box.innerHTML;
      } else if (sel && sel.anchorNode) {
        let el: Element | null = sel.anchorNode.nodeType === 1 ? (sel.anchorNode as Element) : sel.anchorNode.parentElement;
        while (el && el.parentElement && el !== document.body && (el.textContent ?? '').replace(/\s+/g, '').length < minChars)
          el = el.parentElement;
        html = el && el !== document.documentElement ? el.outerHTML : '';
      }
      if (!html.trim() || html.length > max) return null;
      return { html, title: document.title, lang: document.documentElement.lang || null };
    },
    args: [MAX_PART_CHARS, 200],
  });
  const r = first?.result as PickedPart | null | undefined;
  return r && typeof r.html === 'string'
    ? { html: r.html, title: typeof r.title === 'string' ? r.title : '', lang: typeof r.lang === 'string' ? r.lang : null }
    : null;
}
