/**
 * Chromium with the built extension/ (playwright): the launch, the real toolbar click, the popup's window, its
 * storage and downloads. The popup's vocabulary shared with Firefox is test/harness/popup.ts; the Driver over
 * all of it is chromium-driver.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type JSHandle, type Page, type Worker } from 'playwright';
import { findChromium } from './find-chromium.ts';
import { ANSWERED, RENDERED_MARK } from './popup.ts';
import { poll } from '../helpers/poll.ts';

export { findChromium };

/** The chrome.* surface the tests call inside extension pages (there is no @types/chrome here, on purpose). */
export interface ExtGlobals {
  chrome: {
    extension: { getViews(o: { type: 'popup' | 'tab' }): Window[] };
    storage: {
      local: { get(): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> };
    };
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string }[]>;
      sendMessage(tabId: number, msg: unknown): Promise<unknown>;
    };
    scripting: {
      executeScript(o: {
        target: { tabId: number };
        files?: string[];
        func?: (...a: never[]) => unknown;
        args?: unknown[];
      }): Promise<{ result?: unknown }[]>;
    };
  };
}
/** `globalThis` inside an extension page, typed. */
export const ext = (): ExtGlobals['chrome'] => (globalThis as unknown as ExtGlobals).chrome;

/** The built, unpacked extension that `node build.mjs` writes. */
export const EXTENSION_DIR = path.resolve(import.meta.dirname, '../../extension');

/** A browser with the extension loaded, plus what the journeys need to drive it. */
export interface Browser {
  ctx: BrowserContext;
  sw: Worker;
  extensionId: string;
  userDataDir: string;
  /** A browser-level DevTools session (triggerAction, downloads). */
  cdp: CDPSession;
  /** An extension page kept open to reach the popup through chrome.extension.getViews (TESTING.md). */
  helper: Page;
  /** Closes the browser; the temp profile is deleted unless it was passed in or `keepProfile` is set. */
  close(opts?: { keepProfile?: boolean }): Promise<void>;
  /** The options it was launched with (restart() reuses them). */
  options: LaunchOptions;
  /** Whether launch() created the profile (and so deletes it on close). */
  ownsProfile: boolean;
}

/** Options for {@link launch}. */
export interface LaunchOptions {
  /** Reuse a profile (browser restart); a fresh temp dir otherwise. */
  userDataDir?: string;
  headless?: boolean;
  /** The UI language (chrome.i18n follows --lang). */
  lang?: string;
  /** Dark OS theme (prefers-color-scheme: dark), for the screenshot of the dark popup. */
  dark?: boolean;
  /** Open the helper extension page (default true); a person's headed session does without it. */
  probe?: boolean;
}

/** Launches Chromium with only our extension, on a persistent profile. */
export async function launch(opts: LaunchOptions = {}): Promise<Browser> {
  if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`${EXTENSION_DIR} is missing: run \`node build.mjs\` first (npm test does).`);
  }
  const ownsProfile = !opts.userDataDir;
  const userDataDir = opts.userDataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-e2e-'));
  const lang = opts.lang ?? 'zh-CN';
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    `--lang=${lang}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  if (opts.dark) args.push('--force-dark-mode');
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: opts.headless ?? true,
    locale: lang,
    args,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
    viewport: { width: 1100, height: 800 },
  });
  let [sw] = ctx.serviceWorkers();
  if (!sw) {
    sw = await ctx.waitForEvent('serviceworker', { timeout: 20_000 }).catch(async (e: Error) => {
      await ctx.close();
      throw new Error(`the extension did not load from ${EXTENSION_DIR} (was it rebuilt meanwhile?): ${e.message}`);
    });
  }
  const extensionId = new URL(sw.url()).host;
  const cdp = await ctx.browser()!.newBrowserCDPSession();
  // The persistent context opens with one blank tab: use it as the helper rather than opening another.
  const helper = ctx.pages()[0] ?? (await ctx.newPage());
  if (opts.probe ?? true) await helper.goto(`chrome-extension://${extensionId}/popup.html?probe`);
  return {
    ctx,
    sw,
    extensionId,
    userDataDir,
    cdp,
    helper,
    options: opts,
    ownsProfile,
    close: async ({ keepProfile = false } = {}) => {
      await ctx.close();
      if (ownsProfile && !keepProfile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Quits and starts the browser again on the same profile (what a person's restart does to storage). */
export async function restart(b: Browser): Promise<Browser> {
  await b.close({ keepProfile: true });
  const next = await launch({ ...b.options, userDataDir: b.userDataDir });
  // The new browser inherits the profile, and with it the duty to delete it.
  return {
    ...next,
    ownsProfile: b.ownsProfile,
    close: async (o = {}) => {
      await next.ctx.close();
      if (b.ownsProfile && !o.keepProfile) fs.rmSync(b.userDataDir, { recursive: true, force: true });
    },
  };
}

/** The real toolbar click: Extensions.triggerAction opens the popup and grants activeTab on `page`'s tab. */
export async function clickToolbar(b: Browser, page: Page): Promise<void> {
  await page.bringToFront();
  const { targetInfos } = (await b.cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find(t => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await b.cdp.send('Extensions.triggerAction' as never, { id: b.extensionId, targetId: tab.targetId } as never);
}

/** The open popup's window, once its document has loaded. */
export async function popupView(b: Browser, timeout = 10_000): Promise<JSHandle<Window>> {
  const handle = await b.helper.waitForFunction(
    () => {
      const [v] = (globalThis as unknown as ExtGlobals).chrome.extension.getViews({ type: 'popup' });
      return v && v.document.readyState === 'complete' ? v : null;
    },
    null,
    { polling: 25, timeout },
  );
  return handle as unknown as JSHandle<Window>;
}

/** Closes the popup if one is open (as clicking elsewhere would). */
export async function closePopup(b: Browser): Promise<void> {
  // Functions passed to evaluate are serialized: each must name the globals itself (no closures, no eval).
  await b.helper.evaluate(() =>
    (globalThis as unknown as ExtGlobals).chrome.extension.getViews({ type: 'popup' }).forEach(v => {
      v.close();
    }),
  );
  await b.helper.waitForFunction(
    () => (globalThis as unknown as ExtGlobals).chrome.extension.getViews({ type: 'popup' }).length === 0,
    null,
    { polling: 25 },
  );
}

/**
 * Waits until the popup shows `selector` and returns its window. (Inside evaluated functions, avoid named
 * inner functions: tsx's keepNames wraps them in a __name helper that does not exist in the browser.)
 */
export async function waitInPopup(b: Browser, selector: string, timeout = 15_000): Promise<JSHandle<Window>> {
  const handle = await b.helper.waitForFunction(
    sel => {
      const [v] = (globalThis as unknown as ExtGlobals).chrome.extension.getViews({ type: 'popup' });
      return v && v.document.querySelector(sel) ? v : null;
    },
    selector,
    { polling: 20, timeout },
  );
  return handle as unknown as JSHandle<Window>;
}

/**
 * A PNG of the open popup as the person sees it. The popup is no Playwright page, so this talks to its
 * DevTools target through the browser session (non-flattened Target.sendMessageToTarget).
 */
export async function popupScreenshot(b: Browser): Promise<Buffer> {
  const { targetInfos } = (await b.cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
  const popup = targetInfos.find(t => t.type === 'page' && t.url === `chrome-extension://${b.extensionId}/popup.html`);
  if (!popup) throw new Error('no popup is open');
  const { sessionId } = await b.cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
  const reply = new Promise<{ result?: { data: string }; error?: { message: string } }>(resolve => {
    const onMessage = (e: { sessionId?: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: { data: string }; error?: { message: string } };
      if (e.sessionId !== sessionId || m.id !== 1) return;
      b.cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(m);
    };
    b.cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  await b.cdp.send('Target.sendMessageToTarget', {
    sessionId,
    message: JSON.stringify({ id: 1, method: 'Page.captureScreenshot', params: { format: 'png' } }),
  });
  const m = await reply;
  await b.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  if (!m.result) throw new Error(`screenshot failed: ${m.error?.message}`);
  return Buffer.from(m.result.data, 'base64');
}

/** An open popup and how long it took from the click to the article (or error) on screen. */
export interface ClickedPopup {
  view: JSHandle<Window>;
  /** ms from the click to the article rendered (from the popup's own performance mark), or to the error. */
  ms: number;
}

/** Clicks the toolbar button for `page` and waits for the article or an error in the popup. */
export async function openPopup(b: Browser, page: Page): Promise<ClickedPopup> {
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
export async function reopenPopup(b: Browser, page: Page): Promise<ClickedPopup> {
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
export function storedOnceSaved(
  b: Browser,
  saved: (stored: Record<string, unknown>) => boolean,
  timeout = 10_000,
): Promise<Record<string, unknown>> {
  return poll(
    "the popup's write to storage",
    async () => {
      const stored = await storedSettings(b);
      return saved(stored) ? stored : null;
    },
    timeout,
  ).catch(() => storedSettings(b));
}

/**
 * Clicks an export button in the popup and resolves with the finished download's suggested name and content.
 * Needs Browser.setDownloadBehavior {behavior: 'allowAndName', downloadPath: dir, eventsEnabled: true} first.
 */
export async function downloadFrom(
  b: Browser,
  view: JSHandle<Window>,
  testId: string,
  dir: string,
): Promise<{ name: string; content: string }> {
  let name = '';
  const onBegin = (e: { suggestedFilename: string }) => void (name = e.suggestedFilename);
  let onProgress = (_: { guid: string; state: string }) => {};
  const done = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no download from ${testId}`)), 10_000);
    onProgress = e => {
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
