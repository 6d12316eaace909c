/** Journey: a rule switched off brings its block back, is remembered across popups and a browser restart; on again removes it. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { launch, restart, type Browser } from './chromium.ts';
import { servePages } from './pages.ts';
import { articleText, flip, norm, openPopup, reopenPopup, ruleSwitches, storedSettings, testIdText } from './popup-driver.ts';
import type { StaticServer } from './static-server.ts';

/** The demo page's "相关文章" block, removed by the bundled rule feed-related. */
const RELATED = '本市新增三条定制公交线路';
const RULE = 'feed-related';
const HOST = '127.0.0.1';

let b: Browser;
let server: StaticServer;
let page: Page;

async function openDemo(): Promise<void> {
  page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
}

before(async () => {
  server = await servePages();
  b = await launch();
  await openDemo();
});
after(async () => {
  await b?.close();
  await server?.close();
});

const hasRelated = async (view: Parameters<typeof articleText>[0]) => norm(await articleText(view)).includes(norm(RELATED));
const siteEntry = async () => ((await storedSettings(b)).sites as Record<string, { rules?: Record<string, boolean>; enabled?: boolean }> | undefined)?.[HOST];

test('switching a rule off brings its block back at once and stores only that switch', async () => {
  const { view } = await openPopup(b, page);
  assert.equal(await hasRelated(view), false);
  assert.equal((await ruleSwitches(view))[RULE], true);
  await flip(view, RULE);
  assert.equal(await hasRelated(view), true, 'the related-articles block is back');
  assert.match(await testIdText(view, 'removed-count'), /已移除 2 个区块/);
  assert.equal((await ruleSwitches(view))[RULE], false);
  const stored = await storedSettings(b);
  assert.deepEqual(stored.sites, { [HOST]: { rules: { [RULE]: false } } });
  assert.equal(typeof stored.schemaVersion, 'number', 'the schema version is stored');
  assert.equal(stored.userRules, undefined, 'defaults are not stored');
});

test('the switch survives reopening the popup', async () => {
  const { view } = await reopenPopup(b, page);
  assert.equal((await ruleSwitches(view))[RULE], false);
  assert.equal(await hasRelated(view), true);
});

test('the switch survives a browser restart on the same profile', async () => {
  b = await restart(b);
  await openDemo();
  const { view } = await openPopup(b, page);
  assert.equal((await ruleSwitches(view))[RULE], false);
  assert.equal(await hasRelated(view), true);
  assert.deepEqual((await siteEntry())?.rules, { [RULE]: false });
});

test('switching it on again removes the block and forgets the switch', async () => {
  const { view } = await reopenPopup(b, page);
  await flip(view, RULE);
  assert.equal(await hasRelated(view), false);
  assert.match(await testIdText(view, 'removed-count'), /已移除 3 个区块/);
  assert.equal(await siteEntry(), undefined, 'back at the default, nothing stored for the site');
});

test('"clean this site" off keeps every block and disables the rule switches; on again cleans', async () => {
  const { view } = await reopenPopup(b, page);
  await flip(view, '*');
  const text = norm(await articleText(view));
  assert.ok(text.includes(norm(RELATED)) && text.includes(norm('十二星座本周运势')), 'no rule ran');
  const disabled = await view.evaluate((w) =>
    Array.from(w.document.querySelectorAll<HTMLInputElement>('[data-testid=rule-toggle]')).every((el) => el.disabled),
  );
  assert.ok(disabled, 'rule switches are disabled while the site switch is off');
  assert.deepEqual(await siteEntry(), { enabled: false });
  await flip(view, '*');
  assert.equal(norm(await articleText(view)).includes(norm(RELATED)), false);
  assert.equal(await siteEntry(), undefined);
});
