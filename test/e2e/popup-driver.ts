/** Chromium's popup vocabulary: open the popup with the real click, storage, downloads; the rest is shared (test/driver/popup.ts). */
import fs from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright';
import { clickToolbar, closePopup, waitInPopup, type Browser, type ExtGlobals } from './chromium.ts';
import { ANSWERED, RENDERED_MARK } from '../driver/popup.ts';
import { poll } from '../helpers/poll.ts';

export { articleText, flip, pingContent, ruleSwitches, testIdText } from '../driver/popup.ts';

/** An open popup and how long it took from the click to the article (or error) on screen. */
export interface OpenPopup {
  view: JSHandle<Window>;
  /** ms from the click to the article rendered (from the popup's own performance mark), or to the error. */
  ms: number;
}

/** Clicks the toolbar button for `page` and waits for the article or an error in the popup. */
export async function openPopup(b: Browser, page: Page): Promise<OpenPopup> {
  const clicked = Date.now();
  await clickToolbar(b, page);
  const view = await waitInPopup(b, ANSWERED);
  const renderedAt = await view.evaluate((w, mark) => {
    const [m] = w.performance.getEntriesByName(mark);
    return m ? w.performance.timeOrigin + m.startTime : Date.now();
  }, RENDERED_MARK);
  return { view, ms: Math.round(renderedAt - clicked) };
}

/** Re-opens the popup: closes the open one first, as clicking elsewhere would. */
export async function reopenPopup(b: Browser, page: Page): Promise<OpenPopup> {
  await closePopup(b);
  return openPopup(b, page);
}

/** The storage the extension wrote (chrome.storage.local), read in the service worker. */
export function storedSettings(b: Browser): Promise<Record<string, unknown>> {
  return b.sw.evaluate(() => (globalThis as unknown as ExtGlobals).chrome.storage.local.get());
}

/**
 * The storage once `saved(stored)` holds (a write the popup makes after a flip lands when it lands), or what is
 * stored when `timeout` ms have passed, so the caller's own assertion says what differs.
 */
export function storedOnceSaved(b: Browser, saved: (stored: Record<string, unknown>) => boolean, timeout = 10_000): Promise<Record<string, unknown>> {
  return poll('the popup\'s write to storage', async () => { const stored = await storedSettings(b); return saved(stored) ? stored : null; }, timeout)
    .catch(() => storedSettings(b));
}

/**
 * Clicks an export button in the popup and resolves with the finished download's suggested name and content.
 * Needs Browser.setDownloadBehavior {behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true} first.
 */
export async function downloadFrom(b: Browser, view: JSHandle<Window>, testId: string, dir: string): Promise<{ name: string; content: string }> {
  let name = '';
  const onBegin = (e: { suggestedFilename: string }) => void (name = e.suggestedFilename);
  let onProgress = (_: { guid: string; state: string }) => {};
  const done = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no download from ${testId}`)), 10_000);
    onProgress = (e) => {
      if (e.state === 'completed') clearTimeout(timer), resolve(e.guid);
      if (e.state === 'canceled') clearTimeout(timer), reject(new Error(`download from ${testId} canceled`));
    };
  });
  b.cdp.on('Browser.downloadWillBegin', onBegin);
  b.cdp.on('Browser.downloadProgress', onProgress);
  try {
    await view.evaluate((w, sel) => (w.document.querySelector(sel) as HTMLButtonElement).click(), `[data-testid=${testId}]`);
    const guid = await done;
    return { name, content: fs.readFileSync(path.join(dir, guid), 'utf8') };
  } finally {
    b.cdp.off('Browser.downloadWillBegin', onBegin);
    b.cdp.off('Browser.downloadProgress', onProgress);
  }
}
