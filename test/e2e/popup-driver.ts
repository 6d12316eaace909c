/** Journeys' vocabulary: open the popup with the real click, read it, flip switches, talk to the content script. */
import fs from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright';
import { CONTENT_GLOBAL, type PingResponse } from '../../src/messages.ts';
import { clickToolbar, closePopup, waitInPopup, type Browser, type ExtGlobals } from './chromium.ts';

/** The popup mark the App sets on each new article (src/popup/components/app.tsx RENDERED_MARK). */
const MARK = 'jingyue:article-rendered';

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
  const view = await waitInPopup(b, '[data-testid=article],[data-testid=error]');
  const renderedAt = await view.evaluate((w, mark) => {
    const [m] = w.performance.getEntriesByName(mark);
    return m ? w.performance.timeOrigin + m.startTime : Date.now();
  }, MARK);
  return { view, ms: Math.round(renderedAt - clicked) };
}

/** Re-opens the popup: closes the open one first, as clicking elsewhere would. */
export async function reopenPopup(b: Browser, page: Page): Promise<OpenPopup> {
  await closePopup(b);
  return openPopup(b, page);
}

/** Text of the first element with data-testid `id` in the popup ('' when absent). */
export function testIdText(view: JSHandle<Window>, id: string): Promise<string> {
  return view.evaluate((w, sel) => w.document.querySelector(sel)?.textContent ?? '', `[data-testid="${id}"]`);
}

/** The popup article's text. */
export const articleText = (view: JSHandle<Window>): Promise<string> => testIdText(view, 'article');

/** The state of each rule switch: rule id → checked. */
export function ruleSwitches(view: JSHandle<Window>): Promise<Record<string, boolean>> {
  return view.evaluate((w) =>
    Object.fromEntries(
      Array.from(w.document.querySelectorAll<HTMLInputElement>('[data-testid=rule-toggle]')).map((el) => [
        el.dataset.ruleId ?? '', el.checked,
      ]),
    ),
  );
}

/** Clicks a switch (a rule's by id, or the site switch for "*") and waits for the re-cleaned article. */
export async function flip(view: JSHandle<Window>, ruleId: string): Promise<void> {
  const sel = ruleId === '*' ? '[data-testid=site-toggle]' : `[data-testid=rule-toggle][data-rule-id="${ruleId}"]`;
  const before = await view.evaluate((w, mark) => w.performance.getEntriesByName(mark).length, MARK);
  await view.evaluate((w, s) => (w.document.querySelector(s) as HTMLInputElement).click(), sel);
  await view.evaluate(
    (w, [mark, n]) =>
      new Promise<void>((resolve, reject) => {
        const until = Date.now() + 10_000;
        const id = w.setInterval(() => {
          const done = w.performance.getEntriesByName(mark as string).length > (n as number) ||
            w.document.querySelector('[data-testid=error]');
          if (done || Date.now() > until) {
            w.clearInterval(id);
            return done ? resolve() : reject(new Error('no re-render after the switch'));
          }
        }, 20);
      }),
    [MARK, before] as const,
  );
}

/**
 * Asks the content script of the popup's tab for its bookkeeping, from the popup (it holds activeTab), the
 * way the popup itself calls it: scripting.executeScript against the ContentApi global (src/messages.ts).
 * Rejects when the content script is not there or the tab may not be scripted.
 */
export async function pingContent(view: JSHandle<Window>): Promise<PingResponse> {
  // tsx (esbuild keepNames) wraps the nested `func` in __name(); the page evaluating this has no such helper.
  await view.evaluate(() => void ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f));
  const reply = await view.evaluate(async (w, key) => {
    const c = (w as unknown as ExtGlobals).chrome;
    const [tab] = await c.tabs.query({ active: true, currentWindow: true });
    const [first] = await c.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: (k: string) => (globalThis as unknown as Record<string, { ping(): unknown } | undefined>)[k]?.ping() ?? null,
      args: [key],
    });
    return first?.result ?? null;
  }, CONTENT_GLOBAL);
  if (!reply) throw new Error('no content script in the tab');
  return reply as PingResponse;
}

/** The storage the extension wrote (chrome.storage.local), read in the service worker. */
export function storedSettings(b: Browser): Promise<Record<string, unknown>> {
  return b.sw.evaluate(() => (globalThis as unknown as ExtGlobals).chrome.storage.local.get());
}

/** Whitespace-free, lower-cased text: the shared metrics' normalisation (../shared/tools/metrics.mjs). */
export const norm = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();

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
