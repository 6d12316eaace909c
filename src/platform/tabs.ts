/** Tabs and script injection: the popup finds the tab it was opened on, injects content.js and calls it. */
import browser from 'webextension-polyfill';
import { CONTENT_KEY, type ContentApi } from '../messages.ts';

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
 * (content.js's CONTENT_KEY, derive.js's DERIVE_KEY) and returns its answer: the injected function's return
 * value is the reply (no messaging). Rejects when no such API is there. Only an own data property of the
 * world's global holding that function counts, so nothing the page names can stand in for it (src/messages.ts).
 */
export async function callInPage(tabId: number, key: string, method: string, arg: unknown): Promise<unknown> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the page's isolated world, serialized: it may use only its arguments.
    func: (k: string, name: string, a: unknown) => {
      const api: unknown = Object.getOwnPropertyDescriptor(globalThis, Symbol.for(k))?.value;
      const fn = api !== null && typeof api === 'object' ? (api as Record<string, unknown>)[name] : undefined;
      return typeof fn === 'function' ? { found: true, value: fn.call(api, a) as unknown } : { found: false, value: null };
    },
    args: [key, method, arg ?? null],
  });
  const reply = first?.result as { found: boolean; value: unknown } | undefined;
  if (!reply?.found) throw new PageScriptMissing();
  return reply.value;
}

/** Why callInPage rejects when the tab answered but holds no such API (the page reloaded or navigated). */
export class PageScriptMissing extends Error {
  constructor() {
    super('The page script is not there (the page reloaded or navigated).');
    this.name = 'PageScriptMissing';
  }
}

/** Calls `method` of the content script's ContentApi in tab `tabId` (see callInPage). */
export function callContent<K extends keyof ContentApi>(
  tabId: number, method: K, arg: Parameters<ContentApi[K]>[0],
): Promise<ReturnType<ContentApi[K]>> {
  return callInPage(tabId, CONTENT_KEY, method, arg) as Promise<ReturnType<ContentApi[K]>>;
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
