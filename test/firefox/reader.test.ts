/** The reader tab in headless Firefox ESR: the same article, a setting stored and applied there, Esc closes it. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { servePages } from '../harness/pages.ts';
import type { StaticServer } from '../harness/static-server.ts';
import { gotoExtensionPage, launchFirefox, openPopup, storedSettings, type Firefox } from '../harness/firefox.ts';
import { poll } from '../helpers/poll.ts';
import { testIdText } from '../harness/popup.ts';
import { norm } from '../helpers/text.ts';
import { DEMO_PATH, REMOVED_BLOCKS, TITLE } from '../helpers/demo.ts';

let fx: Firefox;
let server: StaticServer;
let demo: Page;

before(async () => {
  server = await servePages();
  fx = await launchFirefox();
  demo = (await fx.browser.pages())[0]!;
  await demo.goto(server.url(DEMO_PATH));
});
after(async () => {
  await fx?.close();
  await server?.close();
});

test('open-reader: the same article in a reader tab; a setting changed there is stored and applied; Esc closes it', async () => {
  const view = await openPopup(fx, demo);
  const popupText = norm(await testIdText(view, 'article'));
  await view.evaluate(w => (w.document.querySelector('[data-testid=open-reader]') as HTMLButtonElement).click());
  const reader = await poll('the reader tab', async () => {
    for (const p of await fx.browser.pages()) {
      const ready = await p
        .evaluate(() => location.pathname === '/reader.html' && !!document.querySelector('[data-testid=article]'))
        .catch(() => false);
      if (ready) return p;
    }
    return null;
  });
  assert.equal(norm(await reader.evaluate(() => document.querySelector('[data-testid=article]')!.textContent ?? '')), popupText);
  assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=title]')!.textContent), TITLE);
  assert.equal(
    await reader.evaluate(() => document.querySelector('[data-testid=removed-count]')!.getAttribute('data-count')),
    String(REMOVED_BLOCKS),
  );
  // Deleted once the article is on screen and the tab kept its own copy: a moment after it rendered.
  const session = await poll('the hand-over deleted', async () => {
    const left = await fx.helper.evaluate(() =>
      (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<object> } } } }).browser.storage.session.get(null),
    );
    return Object.keys(left).length === 0 ? left : null;
  });
  assert.deepEqual(session, {}, 'the hand-over was deleted once the tab showed it and kept its own copy');
  // Clicked while the tab is in the background, where it gets no animation frames: Preact applies the new size in
  // an effect after the next frame (or its 100 ms fallback), so storage can hold 19 before the page shows it (as on
  // a loaded machine). What is stored and what is shown are each waited for.
  await demo.bringToFront();
  await reader.evaluate(() =>
    (document.querySelector('[data-testid=reader-settings] [data-pref=fontLarger]') as HTMLButtonElement).click(),
  );
  await poll('font size stored', async () => ((await storedSettings(fx)).reader as { fontSize?: number } | undefined)?.fontSize === 19);
  const shown = () => reader.evaluate(() => getComputedStyle(document.querySelector('[data-testid=article] p')!).fontSize);
  await poll('the new size rendered', async () => (await shown()) === '19px', 5_000).catch(() => {});
  assert.equal(await shown(), '19px');
  await reader.bringToFront();
  await reader.keyboard.press('Escape').catch(() => {}); // the tab may close before the key is acknowledged
  // puppeteer's page list lags over BiDi; the tab's browsing context being gone is the proof it closed.
  await poll('the reader tab closed', () => reader.evaluate(() => false).catch(() => true));
});

test("a 2.7 M-character article that fits storage.session but not the tab's own copy is shown whole and kept over a reload", async () => {
  // Written where the popup writes it, in its format (src/platform/reader-tab.ts).
  const id = 'long-article-0001';
  const chars = await fx.helper.evaluate(async key => {
    const para = 'The night bus left the depot at ten past one and crossed the river twice before dawn. '.repeat(20);
    const paragraphs = Array.from({ length: 1600 }, (_, i) => `${i}: ${para}`);
    const text = paragraphs.join('\n\n');
    const article = {
      title: 'A very long report',
      byline: null,
      siteName: null,
      lang: 'en',
      publishedTime: null,
      url: 'https://news.example.com/long',
      excerpt: null,
      source: null,
      originalTitle: null,
      editor: null,
      disclaimer: null,
      readingTime: { minutes: 600, min: 500, max: 700 },
      html: paragraphs.map(p => `<p>${p}</p>`).join(''),
      text,
      removed: [],
      rules: [],
    };
    await (globalThis as unknown as { browser: { storage: { session: { set(v: object): Promise<void> } } } }).browser.storage.session.set({
      [key]: { article, rules: [], tabId: null, at: Date.now() },
    });
    return text.length;
  }, `reader:${id}`);
  assert.ok(chars > 2_700_000, `${chars} characters`);
  const tab = await fx.browser.newPage();
  // A document about to be reloaded is marked, so the wait after a reload cannot read the old one.
  const shown = () =>
    poll(
      'the long article',
      () =>
        tab.evaluate(() => {
          if ((window as { reloading?: boolean }).reloading) return null;
          const ps = document.querySelectorAll('[data-testid=article] p');
          const error = document.querySelector('[data-testid=error]')?.textContent;
          return ps.length || error
            ? { paragraphs: ps.length, last: ps[ps.length - 1]?.textContent?.slice(0, 6) ?? null, error: error ?? null }
            : null;
        }),
      30_000,
    );
  await gotoExtensionPage(tab, `${fx.base}/reader.html#${id}`);
  assert.deepEqual(await shown(), { paragraphs: 1600, last: '1599: ', error: null }, 'the whole article is shown');
  const session = () =>
    fx.helper.evaluate(() =>
      (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<object> } } } }).browser.storage.session
        .get(null)
        .then(Object.keys),
    );
  await poll('the hold', async () => (await session()).includes(`reader-hold:${id}`));
  await tab.evaluate(() => {
    (window as { reloading?: boolean }).reloading = true;
    location.reload();
  });
  assert.deepEqual(await shown(), { paragraphs: 1600, last: '1599: ', error: null }, 'a reload shows it again');
  await tab.close();
});
