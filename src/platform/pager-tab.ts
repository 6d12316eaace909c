/** pager.js in the tab (issue 19): injected on demand after the first page is shown, then asked to detect and fetch. */
import browser from 'webextension-polyfill';
import { PAGER_KEY, type PagerFetchRequest, type PagerFetchResponse, type PagerFound } from '../page/protocol.ts';
import { callInPage } from './tabs.ts';

/** Injects pager.js (it guards itself: a second injection installs nothing) and asks it for the article's pager. */
export async function detectPagerInTab(tabId: number, url: string): Promise<PagerFound> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['pager.js'] });
  return callInPage(tabId, PAGER_KEY, 'detect', { url });
}

/** Fetches one following page through pager.js in tab `tabId` (same origin as the page). */
export function fetchPageInTab(tabId: number, req: PagerFetchRequest): Promise<PagerFetchResponse> {
  return callInPage(tabId, PAGER_KEY, 'fetchPage', req);
}
