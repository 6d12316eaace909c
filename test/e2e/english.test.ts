/** Journey in an English browser: the popup speaks English and cleans an English page's clutter. */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, type Browser } from './chromium.ts';
import { servePages } from './pages.ts';
import { articleText, openPopup, reopenPopup, testIdText } from './popup-driver.ts';
import type { StaticServer } from './static-server.ts';

let b: Browser;
let server: StaticServer;

before(async () => {
  server = await servePages();
  b = await launch({ lang: 'en-US' });
});
after(async () => {
  await b?.close();
  await server?.close();
});

test('English UI: reading time “N min read”, removed blocks, labelled switches', async () => {
  const page = await b.ctx.newPage();
  await page.goto(server.url('/english/'));
  const { view } = await openPopup(b, page);
  assert.equal(await testIdText(view, 'error'), '');
  assert.equal(await testIdText(view, 'title'), 'The library that stays open all night');
  assert.match(await testIdText(view, 'reading-time'), /^\d+(–\d+)? min read$/);
  assert.match(await testIdText(view, 'removed-count'), /^Removed 2 blocks$/);
  const text = await articleText(view);
  assert.ok(text.includes('reading room on Pier Street'));
  for (const clutter of ['Related articles', 'Most read', 'Ten gadgets', 'Celebrity spotted']) {
    assert.ok(!text.includes(clutter), `no “${clutter}”`);
  }
  // Every switch and button has an accessible name (its label's text).
  const unnamed = await view.evaluate((w) =>
    Array.from(w.document.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button'))
      .filter((el) => !(el.labels?.[0]?.textContent?.trim() || el.textContent?.trim() || el.getAttribute('aria-label')))
      .map((el) => el.outerHTML),
  );
  assert.deepEqual(unnamed, []);
  assert.equal(await view.evaluate((w) => w.document.documentElement.lang), 'en-US');
});

test('English UI: a browser page gets the English error', async () => {
  const page = await b.ctx.newPage();
  await page.goto('chrome://version/');
  const { view } = await reopenPopup(b, page);
  assert.match(await testIdText(view, 'error'), /Browsers don't let extensions read this kind of page/);
});
