/** Journey: pages the extension may not or cannot read get a clear, localized error, and the popup stays usable. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, type Browser } from './chromium.ts';
import { servePages } from './pages.ts';
import { flip, reopenPopup, pingContent, testIdText } from './popup-driver.ts';
import type { StaticServer } from './static-server.ts';

let b: Browser;
let server: StaticServer;

before(async () => {
  server = await servePages();
  b = await launch();
});
after(async () => {
  await b?.close();
  await server?.close();
});

for (const url of ['chrome://version/', 'about:blank']) {
  test(`a browser page (${url}) → “not allowed” error, nothing injected`, async () => {
    const page = await b.ctx.newPage();
    await page.goto(url);
    const { view } = await reopenPopup(b, page);
    assert.match(await testIdText(view, 'error'), /浏览器不允许扩展读取此类页面/);
    assert.equal(await testIdText(view, 'article'), '');
    const retry = await view.evaluate((w) => !!w.document.querySelector('.error-box button'));
    assert.ok(retry, 'a retry button keeps the popup usable');
    await page.close();
  });
}

test('a page without an article → “no article” error', async () => {
  const page = await b.ctx.newPage();
  await page.goto(server.url('/not-article/'));
  const { view } = await reopenPopup(b, page);
  assert.match(await testIdText(view, 'error'), /此页面上没有找到文章/);
  assert.equal(await testIdText(view, 'article'), '');
  await page.close();
});

test('the page navigated away while the popup is open → “page changed” error on the next clean', async () => {
  const page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
  const { view } = await reopenPopup(b, page);
  assert.equal(await testIdText(view, 'error'), '');
  await page.goto(server.url('/english/'));
  await flip(view, 'feed-related');
  assert.match(await testIdText(view, 'error'), /页面已变化或已关闭/);
  // The new page has no content script: nothing was injected behind the person's back.
  await assert.rejects(pingContent(view));
  await page.close();
});

test('a single-page app changed its URL (pushState) → the content script refuses to clean the old page', async () => {
  const page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
  const { view } = await reopenPopup(b, page);
  await page.evaluate(() => history.pushState({}, '', '/demo/elsewhere'));
  await flip(view, 'feed-related');
  assert.match(await testIdText(view, 'error'), /页面已变化或已关闭/);
  await page.close();
});
