/**
 * The extension's main journeys in headless Firefox ESR (the Chromium suite's test/e2e/ counterparts):
 * the clean article on the demo page, a rule switch remembered in browser.storage, each export's
 * content (downloads and the clipboard), and the errors on a page without an article and on a browser
 * page. One browser for the whole file (Firefox takes seconds to start); the popup is the real one,
 * opened with browser.action.openPopup() on the test-only build (see firefox.ts).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import type { Page } from 'puppeteer-core';
import { cleanDocument } from '../../src/core/clean.ts';
import { toHtmlDocument, toMarkdown, toText } from '../../src/core/export/index.ts';
import { embedImages } from '../../src/popup/embed-images.ts';
import { servePages } from '../e2e/pages.ts';
import type { StaticServer } from '../e2e/static-server.ts';
import {
  clipboardText, downloadFrom, en, flip, poll, launchFirefox, norm, openPopup, ruleSwitches, storedSettings, testIdText, type Firefox,
} from './firefox.ts';

const TITLE = '老城区的夜班公交,凌晨两点仍有人在等车';
/** Snippets of the demo page's three clutter blocks (labels and links), as in test/e2e/clean.test.ts. */
const CLUTTER = ['大家都在看', '相关文章', '热门阅读', '这种早餐吃法', '本市新增三条定制公交线路', '十二星座本周运势', '下载每日看点 App'];
/** Paragraphs that must survive, first to last (and the table and list inside the body). */
const CONTENT = ['凌晨一点四十分,西门站的站牌下站着七个人', '一条线路,三种夜晚', '意见征集截止:十一月三十日', '周五晴359', '车子驶过空荡荡的十字路口'];
/** The demo page's "相关文章" block, removed by the bundled rule feed-related. */
const RELATED = '本市新增三条定制公交线路';
const RULE = 'feed-related';
const HOST = '127.0.0.1';

let fx: Firefox;
let server: StaticServer;
let demo: Page;
const started = Date.now();

before(async () => {
  server = await servePages();
  const t0 = Date.now();
  fx = await launchFirefox();
  console.log(`# firefox: up with the test build in ${Date.now() - t0} ms`);
  demo = (await fx.browser.pages())[0]!;
  await demo.goto(server.url('/demo/'));
});
after(async () => {
  await fx?.close();
  await server?.close();
  console.log(`# firefox journeys: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('the popup shows the clean article without any clutter, and the live page does not change', async () => {
  const html = () => demo.evaluate(() => document.documentElement.outerHTML);
  const page = await html();
  const t0 = Date.now();
  const view = await openPopup(fx, demo);
  console.log(`# firefox demo page: openPopup → article in ${Date.now() - t0} ms`);
  assert.equal(await testIdText(view, 'error'), '');
  assert.equal(await testIdText(view, 'title'), TITLE);
  const text = norm(await testIdText(view, 'article'));
  for (const c of CONTENT) assert.ok(text.includes(norm(c)), `article keeps “${c}”`);
  for (const c of CLUTTER) assert.ok(!text.includes(norm(c)), `article has no “${c}”`);
  assert.equal(await testIdText(view, 'removed-count'), en('removedMany', 3));
  assert.match(await testIdText(view, 'reading-time'), /\d/);
  assert.equal(await html(), page, 'the live page is unchanged after the cleanup');
});

test('a rule switched off brings its block back, is stored, and is remembered when the popup reopens', async () => {
  let view = await openPopup(fx, demo);
  const hasRelated = async () => norm(await testIdText(view, 'article')).includes(norm(RELATED));
  assert.equal(await hasRelated(), false);
  assert.equal((await ruleSwitches(view))[RULE], true);
  await flip(view, RULE);
  assert.equal(await hasRelated(), true, 'the related-articles block is back');
  assert.equal(await testIdText(view, 'removed-count'), en('removedMany', 2));
  const stored = await storedSettings(fx);
  assert.deepEqual(stored.sites, { [HOST]: { rules: { [RULE]: false } } });
  assert.equal(typeof stored.schemaVersion, 'number');

  view = await openPopup(fx, demo);
  assert.equal((await ruleSwitches(view))[RULE], false, 'still off after reopening');
  assert.equal(await hasRelated(), true);

  await flip(view, RULE);
  assert.equal(await hasRelated(), false, 'on again removes the block');
  assert.equal((await storedSettings(fx)).sites, undefined, 'back at the default, nothing stored for the site');
});

test('each export downloads exactly the core export of the page', async () => {
  const url = server.url('/demo/');
  const dom = new JSDOM(await (await fetch(url)).text(), { url });
  const cleaned = cleanDocument(dom.window.document, { url });
  // The popup runs the same finishing half (src/core/finish.ts) on the page's extraction and exports that.
  const article = cleaned;
  // The .html export embeds the images the extension may fetch (issue 11): the demo's picture is on the page's
  // own origin, which the test build's host permission (like a person's activeTab grant) lets the popup read.
  const fetcher = async (src: string) => {
    const res = await fetch(src);
    return { bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type')!.split(';')[0]! };
  };
  const embedded = await embedImages(article.html, fetcher, dom.window as unknown as Window & typeof globalThis);
  const expected = {
    txt: toText(article), md: toMarkdown(article, dom.window.document), html: toHtmlDocument({ ...article, html: embedded.html }),
  };
  const view = await openPopup(fx, demo);
  for (const [testId, ext] of [['export-txt', 'txt'], ['export-md', 'md'], ['export-html', 'html']] as const) {
    const { name, content } = await downloadFrom(fx, view, testId);
    assert.equal(name, `${TITLE}.${ext}`, `${testId} file name`);
    assert.equal(content, expected[ext], `${testId} content`);
    assert.ok(!content.includes('大家都在看') && !content.includes(RELATED), `${testId}: no clutter exported`);
  }
});

test('export-copy puts exactly the text export on the clipboard', async () => {
  const url = server.url('/demo/');
  const dom = new JSDOM(await (await fetch(url)).text(), { url });
  const expected = toText(cleanDocument(dom.window.document, { url }));
  const view = await openPopup(fx, demo);
  await view.evaluate((w) => (w.document.querySelector('[data-testid=export-copy]') as HTMLButtonElement).click());
  // The popup announces the copy in its live region once writeText resolved.
  await poll('the “copied” status', async () =>
    (await view.evaluate((w) => w.document.querySelector('[role=status]')?.textContent)) === en('copied'), 5_000);
  assert.equal(await clipboardText(fx), expected);
});

test('a page without an article → the “no article” error, no article shown', async () => {
  const page = await fx.browser.newPage();
  await page.goto(server.url('/not-article/'));
  const view = await openPopup(fx, page);
  assert.equal(await testIdText(view, 'error'), en('errorNoArticle'));
  assert.equal(await testIdText(view, 'article'), '');
  await page.close();
});

test('a browser page (about:blank) → the “not allowed” error, with a retry button', async () => {
  const page = await fx.browser.newPage();
  await page.goto('about:blank');
  const view = await openPopup(fx, page);
  assert.equal(await testIdText(view, 'error'), en('errorRestricted'));
  assert.equal(await testIdText(view, 'article'), '');
  assert.ok(await view.evaluate((w) => !!w.document.querySelector('.error-box button')), 'a retry button keeps the popup usable');
  await page.close();
});

test('open-reader: the same article in a reader tab; a setting changed there is stored and applied; Esc closes it', async () => {
  const view = await openPopup(fx, demo);
  const popupText = norm(await testIdText(view, 'article'));
  await view.evaluate((w) => (w.document.querySelector('[data-testid=open-reader]') as HTMLButtonElement).click());
  const reader = await poll('the reader tab', async () => {
    for (const p of await fx.browser.pages()) {
      const ready = await p.evaluate(() => location.pathname === '/reader.html' && !!document.querySelector('[data-testid=article]')).catch(() => false);
      if (ready) return p;
    }
    return null;
  });
  assert.equal(norm(await reader.evaluate(() => document.querySelector('[data-testid=article]')!.textContent ?? '')), popupText);
  assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=title]')!.textContent), TITLE);
  assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=removed-count]')!.getAttribute('data-count')), '3');
  const session = await fx.helper.evaluate(() =>
    (globalThis as unknown as { browser: { storage: { session: { get(k: null): Promise<object> } } } }).browser.storage.session.get(null));
  assert.deepEqual(session, {}, 'the hand-over was deleted once the tab took it');
  await reader.evaluate(() => (document.querySelector('[data-testid=reader-settings] [data-pref=fontLarger]') as HTMLButtonElement).click());
  await poll('font size stored', async () => ((await storedSettings(fx)).reader as { fontSize?: number } | undefined)?.fontSize === 19);
  assert.equal(await reader.evaluate(() => getComputedStyle(document.querySelector('[data-testid=article] p')!).fontSize), '19px');
  await reader.bringToFront();
  await reader.keyboard.press('Escape').catch(() => {}); // the tab may close before the key is acknowledged
  // puppeteer's page list lags over BiDi; the tab's browsing context being gone is the proof it closed.
  await poll('the reader tab closed', () => reader.evaluate(() => false).catch(() => true));
});
