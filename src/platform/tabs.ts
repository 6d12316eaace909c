/** Tabs and script injection: the popup finds the tab it was opened on, injects content.js and calls it. */
import browser from 'webextension-polyfill';
import { CONTENT_GLOBAL, type ContentApi } from '../messages.ts';

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
 * Calls `method` of the content script's ContentApi in tab `tabId` and returns its answer: the injected
 * function's return value is the reply (no messaging). Rejects when the content script is not there.
 */
export async function callContent<K extends keyof ContentApi>(
  tabId: number, method: K, arg: Parameters<ContentApi[K]>[0],
): Promise<ReturnType<ContentApi[K]>> {
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the page's isolated world, serialized: it may use only its arguments.
    func: (key: string, name: string, a: unknown) => {
      const api = (globalThis as unknown as Record<string, Record<string, (x: unknown) => unknown> | undefined>)[key];
      return api ? { found: true, value: api[name]!(a) } : { found: false, value: null };
    },
    args: [CONTENT_GLOBAL, method, arg ?? null],
  });
  const reply = first?.result as { found: boolean; value: unknown } | undefined;
  if (!reply?.found) throw new Error('The page script is not there (the page reloaded or navigated).');
  return reply.value as ReturnType<ContentApi[K]>;
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
