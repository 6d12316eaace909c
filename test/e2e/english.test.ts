/** Journey in an English browser: the popup speaks English and cleans an English page's clutter. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPopup, reopenPopup } from '../harness/chromium.ts';
import { articleText, testIdText } from '../harness/popup.ts';
import { langTag, msg, msgPattern } from '../helpers/locale.ts';
import { useBrowser } from '../harness/suite.ts';

const s = useBrowser(() => launch({ lang: langTag('en') }));

test('English UI: reading time “N min read”, removed blocks, labelled switches', async () => {
  const page = await s.b.ctx.newPage();
  await page.goto(s.server.url('/english/'));
  const { view } = await openPopup(s.b, page);
  assert.equal(await testIdText(view, 'error'), '');
  assert.equal(await testIdText(view, 'title'), 'The library that stays open all night');
  assert.match(await testIdText(view, 'reading-time'), msgPattern('en', 'readingTime', 'readingTimeRange'));
  assert.equal(await testIdText(view, 'removed-count'), msg('en', 'removedMany', 2));
  const text = await articleText(view);
  assert.ok(text.includes('reading room on Pier Street'));
  for (const clutter of ['Related articles', 'Most read', 'Ten gadgets', 'Celebrity spotted']) {
    assert.ok(!text.includes(clutter), `no “${clutter}”`);
  }
  // Every switch and button has an accessible name (its label's text).
  const unnamed = await view.evaluate(w =>
    Array.from(w.document.querySelectorAll<HTMLInputElement | HTMLButtonElement>('input, button'))
      .filter(el => !(el.labels?.[0]?.textContent?.trim() || el.textContent?.trim() || el.getAttribute('aria-label')))
      .map(el => el.outerHTML),
  );
  assert.deepEqual(unnamed, []);
  assert.equal(await view.evaluate(w => w.document.documentElement.lang), langTag('en'));
});

test('English UI: a browser page gets the English error', async () => {
  const page = await s.b.ctx.newPage();
  await page.goto('chrome://version/');
  const { view } = await reopenPopup(s.b, page);
  assert.equal(await testIdText(view, 'error'), msg('en', 'errorRestricted'));
});
