/** Journey: click on a cluttered Chinese article → the clean article, its reading time, nothing of the clutter; the page untouched. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { launch, type Browser } from './chromium.ts';
import { servePages } from './pages.ts';
import { articleText, norm, openPopup, reopenPopup, pingContent, testIdText } from './popup-driver.ts';
import type { StaticServer } from './static-server.ts';

/** Snippets of the demo page's three clutter blocks (their labels and their links). */
const CLUTTER = ['大家都在看', '相关文章', '热门阅读', '这种早餐吃法', '本市新增三条定制公交线路', '十二星座本周运势', '下载每日看点 App'];
/** Paragraphs that must survive, first to last (and the table and list inside the body). */
const CONTENT = ['凌晨一点四十分,西门站的站牌下站着七个人', '一条线路,三种夜晚', '意见征集截止:十一月三十日', '周五晴359', '车子驶过空荡荡的十字路口'];

let b: Browser;
let server: StaticServer;
let page: Page;

before(async () => {
  server = await servePages();
  b = await launch();
  page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('the popup shows the clean article without any clutter, and the live page does not change', async () => {
  const html = () => page.evaluate(() => document.documentElement.outerHTML);
  const before = await html();
  const { view, ms } = await openPopup(b, page);
  console.log(`# demo page: click → article rendered in ${ms} ms`);
  assert.equal(await testIdText(view, 'error'), '');
  assert.equal(await testIdText(view, 'title'), '老城区的夜班公交,凌晨两点仍有人在等车');
  const text = norm(await articleText(view));
  for (const c of CONTENT) assert.ok(text.includes(norm(c)), `article keeps “${c}”`);
  for (const c of CLUTTER) assert.ok(!text.includes(norm(c)), `article has no “${c}”`);
  assert.match(await testIdText(view, 'removed-count'), /已移除 3 个区块/);
  assert.equal(await html(), before, 'the live page is unchanged after the cleanup');
});

test('reading time, site, byline and date are shown in the UI language', async () => {
  const { view } = await reopenPopup(b, page);
  const rt = await testIdText(view, 'reading-time');
  assert.match(rt, /^约 \d+(–\d+)? 分钟$/);
  console.log(`# demo page: reading time “${rt}”`);
  assert.equal(await testIdText(view, 'site'), '每日看点');
  assert.equal(await testIdText(view, 'byline'), '周晓岚');
  assert.match(await testIdText(view, 'date'), /2025/);
});

test('links in the article open in a new tab without opener or referrer; images are kept', async () => {
  const { view } = await reopenPopup(b, page);
  const links = await view.evaluate((w) =>
    Array.from(w.document.querySelectorAll('[data-testid=article] a')).map((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')]),
  );
  assert.ok(links.length > 0, 'the demo article has a link');
  for (const [href, target, rel] of links) {
    assert.equal(target, '_blank', `${href} opens in a new tab`);
    assert.equal(rel, 'noopener noreferrer');
  }
  const img = await view.evaluate((w) => w.document.querySelector('[data-testid=article] img')?.getAttribute('src'));
  assert.equal(img, server.url('/demo/bus-stop.svg'));
});

test('clicking twice injects the content script twice but installs nothing twice', async () => {
  const html = await page.evaluate(() => document.documentElement.outerHTML);
  await reopenPopup(b, page);
  const { view } = await reopenPopup(b, page);
  const ping = await pingContent(view);
  assert.ok(ping.injections >= 2, `injected on every click (${ping.injections})`);
  assert.equal(ping.installs, 1);
  // Each popup injects once and cleans once: a second install would have cleaned twice per request.
  assert.equal(ping.cleans, ping.injections);
  assert.equal(await page.evaluate(() => document.documentElement.outerHTML), html);
  assert.equal(await page.evaluate(() => (window as unknown as { __tracker: number }).__tracker), 1, 'page scripts ran once');
});
