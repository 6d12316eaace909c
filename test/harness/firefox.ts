/**
 * The Firefox harness: headless Firefox ESR driven by puppeteer-core over WebDriver BiDi, with an extension
 * folder installed as a temporary add-on, and the popup opened through browser.action.openPopup().
 *
 * Why openPopup and the test-only build (../shared/docs/TESTING.md): Firefox has no way to simulate the
 * toolbar click's activeTab grant headless, so the journeys run on extension-firefox-test/ (build.mjs),
 * which adds host permissions for the local test server and nothing else. The popup is the real one, in
 * its real panel: it finds its tab with tabs.query({active, currentWindow}) exactly as after a click.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type JSHandle, type Page } from 'puppeteer-core';
import { findFirefox } from './find-firefox.ts';
import { poll } from '../helpers/poll.ts';
import { ANSWERED } from './popup.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The test-only build (extension/ + host permissions for 127.0.0.1 and localhost) that build.mjs writes. */
export const FIREFOX_TEST_DIR = path.join(ROOT, 'extension-firefox-test');
/** The shipped folder (what the zips hold). */
export const EXTENSION_DIR = path.join(ROOT, 'extension');
/** Pinned with extensions.webextensions.uuids so the moz-extension:// URLs are known before install. */
export const UUID = '6a0f3c52-7d1e-4b9a-9c3e-0e5f1a2b3c4d';

/** The browser.* surface the tests call inside extension pages (typed here; no @types/firefox-webext-browser). */
export interface FxGlobals {
  browser: {
    extension: { getViews(o: { type: 'popup' | 'tab' }): Window[] };
    storage: {
      local: { get(): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void>; clear(): Promise<void> };
    };
    tabs: {
      query(q: object): Promise<{ id?: number; url?: string; windowId?: number; active?: boolean }[]>;
      update(id: number, p: object): Promise<unknown>;
      sendMessage(tabId: number, msg: unknown): Promise<unknown>;
    };
    windows: {
      getCurrent(): Promise<{ id?: number }>;
      getAll(o?: object): Promise<{ id?: number; focused: boolean }[]>;
      update(id: number, p: object): Promise<unknown>;
    };
    action: { openPopup(o?: { windowId?: number }): Promise<void> };
  };
}

/** A running Firefox with one extension installed. */
export interface Firefox {
  browser: Browser;
  /** moz-extension://UUID */
  base: string;
  /** The add-on id (browser_specific_settings.gecko.id). */
  addonId: string;
  /** An extension page in its own window, kept open to call browser.* and reach the popup. */
  helper: Page;
  /** Where downloads land (browser.download.dir). */
  downloads: string;
  close(): Promise<void>;
}

/** Options for {@link launchFirefox}. */
export interface LaunchOptions {
  /** The unpacked extension to install (default: the test-only build). */
  extensionDir?: string;
}

/** Navigates `page` to an extension URL: BiDi never acknowledges moz-extension:// loads, so poll instead of awaiting. */
export async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  page.goto(url).catch(() => {});
  await poll(url, () => page.evaluate(u => location.href === u && document.readyState === 'complete', url));
}

/** Launches headless Firefox and installs `extensionDir` as a temporary add-on. */
export async function launchFirefox(opts: LaunchOptions = {}): Promise<Firefox> {
  const extensionDir = opts.extensionDir ?? FIREFOX_TEST_DIR;
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} is missing: run \`node build.mjs\` first (npm test does).`);
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  const addonId: string = manifest.browser_specific_settings.gecko.id;
  const executablePath = findFirefox();
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-fx-downloads-'));
  const browser = await puppeteer
    .launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      // The flag's name since Firefox 141; ESR 140 (Debian's) knows it as --remote-enable-system-access.
      args: ['--remote-allow-system-access', '--remote-enable-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }),
        // Save every download to `downloads` without asking or opening the downloads panel.
        'browser.download.dir': downloads,
        'browser.download.folderList': 2,
        'browser.download.useDownloadDir': true,
        'browser.download.always_ask_before_handling_new_types': false,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.panel.shown': true,
        'browser.download.start_downloads_in_tmp_dir': false,
        // A scripted click in the popup carries no user activation, which Firefox's navigator.clipboard.writeText
        // requires (a person's click has it); Firefox's own test pref lifts that check, and only that one.
        'dom.events.testing.asyncClipboard': true,
        // Firefox before 149 (ESR 140, Debian's) lets action.openPopup() run without a user gesture only with this
        // pref; later versions allow it for an extension's own pages by default.
        'extensions.openPopupWithoutUserGesture.enabled': true,
      },
    })
    .catch((e: unknown) => {
      fs.rmSync(downloads, { recursive: true, force: true });
      throw e;
    });
  const close = async () => {
    await browser.close().catch(() => {});
    fs.rmSync(downloads, { recursive: true, force: true });
  };
  try {
    await browser.installExtension(extensionDir);
    const base = `moz-extension://${UUID}`;
    const helper = await browser.newPage({ type: 'window' });
    await gotoExtensionPage(helper, `${base}/popup.html?probe`);
    return { browser, base, addonId, helper, downloads, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** The open popup's window once `selector` shows in it (null-safe polling through the helper page). */
export async function waitInPopup(fx: Firefox, selector: string, timeout = 15_000): Promise<JSHandle<Window>> {
  await poll(
    `${selector} in the popup`,
    () =>
      fx.helper.evaluate(sel => {
        const [v] = (globalThis as unknown as FxGlobals).browser.extension.getViews({ type: 'popup' });
        return !!v && !!v.document.querySelector(sel);
      }, selector),
    timeout,
  );
  return (await fx.helper.evaluateHandle(
    () => (globalThis as unknown as FxGlobals).browser.extension.getViews({ type: 'popup' })[0]!,
  )) as JSHandle<Window>;
}

/** Closes the popup if one is open (as clicking elsewhere would). */
export async function closePopup(fx: Firefox): Promise<void> {
  await fx.helper.evaluate(() =>
    (globalThis as unknown as FxGlobals).browser.extension.getViews({ type: 'popup' }).forEach(v => {
      v.close();
    }),
  );
  await poll('the popup to close', () =>
    fx.helper.evaluate(() => (globalThis as unknown as FxGlobals).browser.extension.getViews({ type: 'popup' }).length === 0),
  );
}

/**
 * Opens the real popup for `page`'s tab: activates the tab, focuses its window (Firefox opens popups only
 * in the focused window) and calls browser.action.openPopup() from the helper page. Waits for the article
 * or an error. The tab is found by URL when the build may see URLs (the test build), else it is the active
 * tab of the window that is not the helper's (the packaged build sees no URLs without a click).
 */
export async function openPopup(fx: Firefox, page: Page): Promise<JSHandle<Window>> {
  await closePopup(fx);
  await page.bringToFront();
  await fx.helper.evaluate(async url => {
    const b = (globalThis as unknown as FxGlobals).browser;
    const own = (await b.windows.getCurrent()).id;
    const tabs = await b.tabs.query({});
    // The page was just brought to front: of two tabs at one URL, the active one is it.
    const tab =
      tabs.find(t => t.url === url && t.active) ?? tabs.find(t => t.url === url) ?? tabs.find(t => t.active && t.windowId !== own);
    if (!tab || tab.id === undefined || tab.windowId === undefined) throw new Error(`no tab for ${url}`);
    await b.tabs.update(tab.id, { active: true });
    await b.windows.update(tab.windowId, { focused: true });
    await b.action.openPopup({ windowId: tab.windowId });
  }, page.url());
  return waitInPopup(fx, ANSWERED);
}

/** The raw BiDi connection under puppeteer (for the chrome-scope calls puppeteer has no API for). */
type Bidi = { send(method: string, params: object): Promise<{ result: any }> };
const bidi = (fx: Firefox): Bidi => (fx.browser as unknown as { connection: Bidi }).connection;

/** Firefox offers no chrome-scope contexts over BiDi (ESR 140 lists only content ones): the real-click path is out of reach. */
export class NoChromeScopeError extends Error {
  constructor() {
    super('this Firefox exposes no chrome-scope browsing contexts over WebDriver BiDi (Firefox 141 or later does)');
    this.name = 'NoChromeScopeError';
  }
}

/** The browser windows' chrome-scope contexts (chrome://browser/…); empty where Firefox lists only content contexts. */
async function chromeContexts(fx: Firefox): Promise<{ context: string }[]> {
  const { result } = await bidi(fx).send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  return (result.contexts as { context: string; url: string }[]).filter(c => c.url.startsWith('chrome://'));
}

/**
 * The toolbar click, as Firefox itself performs it: the browser action's own triggerAction(window) — the
 * code path of a click on the button and of the _execute_action shortcut — which grants activeTab on the
 * selected tab and opens the popup. Reached through a chrome-scope BiDi evaluation (needs Firefox started
 * with --remote-allow-system-access). This works on the shipped build, which has no host permissions.
 * It calls Firefox internals (ExtensionParent), so a Firefox update may move it; openPopup() is the public path.
 */
export async function clickToolbar(fx: Firefox, page: Page): Promise<JSHandle<Window>> {
  await closePopup(fx);
  await page.bringToFront();
  const contexts = await chromeContexts(fx);
  if (!contexts.length) throw new NoChromeScopeError();
  const expression = `(() => {
    const url = ${JSON.stringify(page.url())};
    if (!window.gBrowser || window.gBrowser.selectedBrowser.currentURI.spec !== url) return false;
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(fx.addonId)});
    window.focus();
    ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    return true;
  })()`;
  let clicked = false;
  for (const ctx of contexts) {
    const r = await bidi(fx).send('script.evaluate', { expression, target: { context: ctx.context }, awaitPromise: false });
    if (r.result?.type === 'exception') throw new Error(`triggerAction failed: ${JSON.stringify(r.result.exceptionDetails?.text)}`);
    clicked ||= r.result?.result?.value === true;
  }
  if (!clicked) throw new Error(`no browser window shows ${page.url()}`);
  return waitInPopup(fx, ANSWERED);
}

/** Evaluates `expression` in the first browser window's chrome scope and returns its (serializable) value. */
async function chromeEval(fx: Firefox, expression: string): Promise<unknown> {
  const [ctx] = await chromeContexts(fx);
  if (!ctx) throw new NoChromeScopeError();
  const r = await bidi(fx).send('script.evaluate', { expression, target: { context: ctx!.context }, awaitPromise: true });
  if (r.result?.type === 'exception') throw new Error(`chrome-scope evaluation failed: ${JSON.stringify(r.result.exceptionDetails?.text)}`);
  return r.result?.result?.value;
}

/** The system clipboard's text (headless Firefox keeps its own), read in the chrome scope: no page may read it unasked. */
export async function clipboardText(fx: Firefox): Promise<string> {
  // Without the chrome scope (ESR 140), the helper page reads it: the testing pref lifts readText's paste prompt.
  if (!(await chromeContexts(fx)).length) return fx.helper.evaluate(() => navigator.clipboard.readText());
  return String(
    await chromeEval(
      fx,
      `(() => {
    const trans = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    trans.init(null);
    trans.addDataFlavor('text/plain');
    Services.clipboard.getData(trans, Ci.nsIClipboard.kGlobalClipboard, window.browsingContext.currentWindowContext);
    const data = {};
    trans.getTransferData('text/plain', data);
    return data.value.QueryInterface(Ci.nsISupportsString).data;
  })()`,
    ),
  );
}

/** What the extension stored (browser.storage.local), read in the helper page. */
export function storedSettings(fx: Firefox): Promise<Record<string, unknown>> {
  return fx.helper.evaluate(() => (globalThis as unknown as FxGlobals).browser.storage.local.get());
}

/** Clicks an export button and resolves with the finished download's file name and content. */
export async function downloadFrom(fx: Firefox, view: JSHandle<Window>, testId: string): Promise<{ name: string; content: string }> {
  const before = new Set(fs.readdirSync(fx.downloads));
  await view.evaluate((w, sel) => (w.document.querySelector(sel) as HTMLButtonElement).click(), `[data-testid=${testId}]`);
  // Firefox writes to a .part file next to an empty placeholder and renames it when the download completes.
  const name = await poll(
    `a download from ${testId}`,
    async () => {
      const files = fs.readdirSync(fx.downloads);
      return files.find(
        f => !before.has(f) && !f.endsWith('.part') && !files.includes(`${f}.part`) && fs.statSync(path.join(fx.downloads, f)).size > 0,
      );
    },
    10_000,
  );
  return { name, content: fs.readFileSync(path.join(fx.downloads, name), 'utf8') };
}
