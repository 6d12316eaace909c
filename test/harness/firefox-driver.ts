/**
 * The {@link Driver} on Firefox ESR: puppeteer-core over WebDriver BiDi with the test-only build installed
 * as a temporary add-on, the popup opened by browser.action.openPopup() (firefox.ts says why).
 */
import type { Page } from 'puppeteer-core';
import {
  clipboardText,
  closePopup,
  downloadFrom,
  gotoExtensionPage,
  launchFirefox,
  openPopup,
  storedSettings,
  type Firefox,
  type FxGlobals,
} from './firefox.ts';
import { poll } from '../helpers/poll.ts';
import type { StaticServer } from './static-server.ts';
import { PageTab, type Driver } from './driver.ts';
import { asView } from './popup.ts';

/** The Firefox driver; `fx` is the harness underneath, for Firefox-only checks. */
export interface FirefoxDriver extends Driver {
  fx: Firefox;
}

/** Launches headless Firefox ESR (en-US UI: Debian ships no other language pack by default) with the test-only build. */
export async function firefoxDriver(server: StaticServer): Promise<FirefoxDriver> {
  const fx = await launchFirefox();
  // Firefox opens with one blank tab: the first tab a journey asks for reuses it.
  let blank: Page | undefined = (await fx.browser.pages())[0];
  return {
    name: 'firefox',
    locale: 'en',
    server,
    fx,
    async newTab(url) {
      const page = blank ?? (await fx.browser.newPage());
      blank = undefined;
      const tab = new PageTab(page);
      if (url) await tab.goto(url);
      return tab;
    },
    async open(tab) {
      const t0 = Date.now();
      const view = await openPopup(fx, (tab as PageTab<Page>).page);
      return { view: asView(view), ms: Date.now() - t0 };
    },
    closePopup: () => closePopup(fx),
    storage: () => storedSettings(fx),
    seedStorage: items => fx.helper.evaluate(i => (globalThis as unknown as FxGlobals).browser.storage.local.set(i), items),
    readerTab: () =>
      poll('the reader tab', async () => {
        for (const page of (await fx.browser.pages()).reverse()) {
          const ready = await page
            .evaluate(() => location.pathname === '/reader.html' && !!document.querySelector('[data-testid=article]'))
            .catch(() => false);
          if (ready) return new PageTab(page);
        }
        return null;
      }),
    async openExtensionPage(p) {
      const page = await fx.browser.newPage();
      await gotoExtensionPage(page, `${fx.base}/${p}`);
      return new PageTab(page);
    },
    tabUrls: async () => Promise.all((await fx.browser.pages()).map(p => p.evaluate(() => location.href).catch(() => p.url()))),
    download: (view, testId) => downloadFrom(fx, view as never, testId),
    clipboard: () => clipboardText(fx),
    close: () => fx.close(),
  };
}
