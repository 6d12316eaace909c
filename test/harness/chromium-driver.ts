/** The {@link Driver} on Chromium: playwright with the built extension/ and the real toolbar click (chromium.ts). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright';
import { closePopup, launch, restart, type Browser, type ExtGlobals } from './chromium.ts';
import { poll } from '../helpers/poll.ts';
import { downloadFrom, openPopup, storedSettings } from './chromium.ts';
import type { StaticServer } from './static-server.ts';
import { PageTab, type Driver } from './driver.ts';
import { asView } from './popup.ts';

type ChromiumTab = PageTab<Page>;

/** The Chromium driver; `b` is the harness underneath, for Chromium-only checks. */
export interface ChromiumDriver extends Driver {
  b: Browser;
}

/** Launches Chromium (zh-CN UI) with the extension; downloads go to a temp folder deleted on close. */
export async function chromiumDriver(server: StaticServer): Promise<ChromiumDriver> {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-downloads-'));
  const allowDownloads = (b: Browser) =>
    b.cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
  const tabs = new Set<ChromiumTab>();
  const d: ChromiumDriver = {
    name: 'chromium',
    locale: 'zh_CN',
    server,
    b: await launch(),
    async newTab(url) {
      const tab = new PageTab(await d.b.ctx.newPage());
      tabs.add(tab);
      if (url) await tab.goto(url);
      return tab;
    },
    async open(tab) {
      await closePopup(d.b);
      const { view, ms } = await openPopup(d.b, (tab as ChromiumTab).page);
      return { view: asView(view), ms };
    },
    closePopup: () => closePopup(d.b),
    storage: () => storedSettings(d.b),
    seedStorage: items => d.b.sw.evaluate(i => (globalThis as unknown as ExtGlobals).chrome.storage.local.set(i), items),
    readerTab: () =>
      poll('the reader tab', async () => {
        for (const page of d.b.ctx.pages().reverse()) {
          if (!page.url().startsWith(`chrome-extension://${d.b.extensionId}/reader.html`)) continue;
          if (await page.evaluate(() => !!document.querySelector('[data-testid=article]')).catch(() => false)) return new PageTab(page);
        }
        return null;
      }),
    async openExtensionPage(p) {
      const tab = (await d.newTab(`chrome-extension://${d.b.extensionId}/${p}`)) as ChromiumTab;
      await tab.page.waitForLoadState('load');
      return tab;
    },
    tabUrls: async () =>
      d.b.ctx
        .pages()
        .filter(p => !p.isClosed())
        .map(p => p.url()),
    download: (view, testId) => downloadFrom(d.b, view as never, testId, downloads),
    async clipboard() {
      // Read back from a page of the test server, the only origin granted clipboard-read (TESTING.md).
      await d.b.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
      const reader = await d.b.ctx.newPage();
      try {
        await reader.goto(server.url('/not-article/'));
        return await reader.evaluate(() => navigator.clipboard.readText());
      } finally {
        await reader.close();
      }
    },
    async restart() {
      // The tabs die with the browser: reopen each open one at its URL in the new browser.
      const open = [...tabs].filter(t => !t.page.isClosed()).map(t => [t, t.page.url()] as const);
      d.b = await restart(d.b);
      await allowDownloads(d.b);
      for (const [tab, url] of open) {
        tab.page = await d.b.ctx.newPage();
        await tab.goto(url);
      }
    },
    async close() {
      await d.b.close();
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
  await allowDownloads(d.b);
  return d;
}
