/** Tabs and script injection: the popup finds the tab it was opened on and injects content.js into it. */
import browser from 'webextension-polyfill';

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

/** Injects the content script (content.js guards itself, so a second injection adds nothing). */
export async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
}

/** Whether the person allowed the extension on file:// URLs (chrome://extensions toggle). */
export async function fileAccessAllowed(): Promise<boolean> {
  try {
    return await browser.extension.isAllowedFileSchemeAccess();
  } catch {
    return false;
  }
}
