/**
 * One popup driver for Chromium and Firefox, so a journey is written once and runs in both (the model is
 * darkreader's tests/browser environment, which runs the same test files on Chrome and Firefox). A journey
 * asks a {@link Driver} for tabs, opens the real popup on one, reads the popup's DOM by data-testid, clicks,
 * reads storage, downloads and the clipboard; chromium-driver.ts (playwright, on chromium.ts) and
 * firefox-driver.ts (puppeteer-core over BiDi, on firefox.ts) implement it. The journeys are in journeys/.
 */
import type { Locale } from '../helpers/locale.ts';
import type { StaticServer } from './static-server.ts';
import type { View } from './popup.ts';

/** The browsers a driver exists for. */
export type BrowserName = 'chromium' | 'firefox';

/** A browser tab a journey opens pages in. */
export interface Tab {
  goto(url: string): Promise<void>;
  url(): string;
  /** The live page's serialized DOM (to prove the page is never modified). */
  html(): Promise<string>;
  /** Runs `fn` in the page (page-world: no closures). */
  evaluate<R>(fn: () => R): Promise<R>;
  close(): Promise<void>;
}

/** The part of a playwright or puppeteer Page that a {@link PageTab} uses (both libraries have it alike). */
export interface LibraryPage {
  goto(url: string): Promise<unknown>;
  url(): string;
  evaluate(fn: () => unknown): Promise<unknown>;
  close(): Promise<void>;
}

/** A library's page as a {@link Tab}; `page` is replaced when a browser restart reopens the tab. */
export class PageTab<P extends LibraryPage> implements Tab {
  constructor(public page: P) {}
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
  }
  url(): string {
    return this.page.url();
  }
  html(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.outerHTML) as Promise<string>;
  }
  evaluate<R>(fn: () => R): Promise<R> {
    return this.page.evaluate(fn) as Promise<R>;
  }
  close(): Promise<void> {
    return this.page.close();
  }
}

/** The open popup: its window, and how long the click took to an answer. */
export interface OpenPopup {
  view: View;
  /** ms from the click to the article (or the error) on screen. */
  ms: number;
}

/** A browser with the extension installed, driven as a person would. */
export interface Driver {
  readonly name: BrowserName;
  /** The _locales folder the popup speaks in this browser (Chromium runs in zh-CN; Debian's Firefox ESR has en-US only). */
  readonly locale: Locale;
  /** The test server the browser's pages come from. */
  readonly server: StaticServer;
  /** A new tab, at `url` when given. */
  newTab(url?: string): Promise<Tab>;
  /** Closes any open popup, then opens the real popup for `tab` and waits for the article or an error. */
  open(tab: Tab): Promise<OpenPopup>;
  /** Closes the popup if one is open (as clicking elsewhere would). */
  closePopup(): Promise<void>;
  /** What the extension stored (storage.local). */
  storage(): Promise<Record<string, unknown>>;
  /** Writes `items` into the extension's storage.local, as an earlier session of the person would have left them. */
  seedStorage(items: Record<string, unknown>): Promise<void>;
  /** The reader tab the popup opened last (reader.html, its article shown), as a {@link Tab}. */
  readerTab(): Promise<Tab>;
  /** Opens extension page `path` ("reader.html?id=…", "options.html") in a new tab, once its document has loaded. */
  openExtensionPage(path: string): Promise<Tab>;
  /** Every open tab's URL (to see where a click went). */
  tabUrls(): Promise<string[]>;
  /** Clicks export button `testId` in the popup; resolves with the finished download's file name and content. */
  download(view: View, testId: string): Promise<{ name: string; content: string }>;
  /** The text on the system clipboard. */
  clipboard(): Promise<string>;
  /** Quits and starts the browser on the same profile; undefined where the browser cannot keep the add-on (Firefox's temporary add-ons). */
  restart?: () => Promise<void>;
  close(): Promise<void>;
}

/** The browser chosen by the environment (JINGYUE_BROWSER=chromium|firefox), Chromium by default. */
export function browserFromEnv(): BrowserName {
  const name = process.env.JINGYUE_BROWSER ?? 'chromium';
  if (name !== 'chromium' && name !== 'firefox') throw new Error(`JINGYUE_BROWSER=${name}: use chromium or firefox`);
  return name;
}

/** Starts `name` with the extension, its pages served by `server`. */
export async function startDriver(name: BrowserName, server: StaticServer): Promise<Driver> {
  if (name === 'chromium') return (await import('./chromium-driver.ts')).chromiumDriver(server);
  return (await import('./firefox-driver.ts')).firefoxDriver(server);
}
