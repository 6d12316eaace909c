/**
 * Huge and strange pages in the real popup: each gives the article or a clear [data-testid=error] within the
 * budget, and the tab still answers afterwards (never hung). Timings are printed, not asserted tightly.
 * Budget: 20 s from the click to the article or the error (the popup's own spinner covers the wait).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { clickToolbar, closePopup, launch, waitInPopup } from '../harness/chromium.ts';
import { norm } from '../helpers/text.ts';
import { useBrowser } from '../harness/suite.ts';
import { ANSWERED, articleText, testIdText } from '../harness/popup.ts';
import { serveCanary } from '../hostile/canary-server.ts';
import {
  deepTablesPage,
  emptyBodyPage,
  framesetPage,
  hugePage,
  MARKER,
  mixedScriptsPage,
  siblingsPage,
  wideAtDepthPage,
  xhtmlPage,
} from '../hostile/pages-gen.ts';

const BUDGET_MS = 20_000;
let tab: Page;
const timings: string[] = [];

const s = useBrowser(() => launch(), {
  serve: serveCanary,
  setup: async () => {
    s.server.put('/huge/', hugePage(100_000, 5));
    // 1,000 tables (4,000 levels of markup; Blink's parser caps the tree at 512): Chromium 150 itself crashes
    // rendering 1,500 or more, with no extension loaded. The CLI's tests keep 2,000 (test/hostile/huge.test.ts).
    s.server.put('/deep/', deepTablesPage(1000));
    s.server.put('/siblings/', siblingsPage(20_000));
    s.server.put('/wide-deep/', wideAtDepthPage(400_000));
    s.server.put('/frameset/', framesetPage());
    s.server.put('/xhtml/', xhtmlPage(), 'application/xhtml+xml; charset=utf-8');
    s.server.put('/empty/', emptyBodyPage());
    s.server.put('/mixed/', mixedScriptsPage());
  },
});
after(async () => {
  console.log(`# huge and strange pages in the popup (budget ${BUDGET_MS / 1000} s):\n${timings.map(t => `#   ${t}`).join('\n')}`);
});

/** Loads `p`, clicks, and returns what the popup shows and how long it took; checks the tab still answers. */
async function open(p: string): Promise<{ article: string; error: string; ms: number }> {
  // A tab of its own: a page that takes its renderer down must not take the next test's page with it.
  await tab?.close().catch(() => {});
  tab = await s.b.ctx.newPage();
  const t0 = Date.now();
  await tab.goto(s.server.url(p), { timeout: 60_000 });
  const loadMs = Date.now() - t0;
  const clicked = Date.now();
  await clickToolbar(s.b, tab);
  const view = await waitInPopup(s.b, ANSWERED, BUDGET_MS);
  const ms = Date.now() - clicked;
  const article = await articleText(view);
  // A page that is no article answers with the calm notice (issue 18), anything else with an error.
  const error = (await testIdText(view, 'error')) || (await testIdText(view, 'no-article'));
  const alive = await Promise.race([tab.evaluate(() => document.readyState), new Promise(r => setTimeout(() => r('hung'), 5_000))]);
  assert.equal(alive, 'complete', 'the tab still answers after the cleanup');
  await closePopup(s.b);
  timings.push(`${p}: page load ${loadMs} ms, click → ${article ? `article (${article.length} chars)` : `error “${error}”`} in ${ms} ms`);
  return { article, error, ms };
}

test('a 5 MB page with 100,000 elements: the article within the budget, the tab alive', async () => {
  const r = await open('/huge/');
  assert.ok(norm(r.article).includes(norm(MARKER)), r.error);
});

test('tables nested 1,000 deep: the article or a clear error within the budget, the tab alive', async () => {
  const r = await open('/deep/');
  assert.ok(norm(r.article).includes(norm(MARKER)) || r.error.length > 0);
});

test('an article beside 20,000 short siblings: the article within the budget, the tab alive', async () => {
  // The label scan read every sibling from each of them: 144 s in the popup (issue 16), the page's thread busy throughout.
  const r = await open('/siblings/');
  assert.ok(norm(r.article).includes(norm(MARKER)), r.error);
});

test('400,000 wrapped words one level past the flattening cap (the tree Blink makes of 400,000 nested <div>s): the article, the tab alive', async () => {
  // Flattening them passed one argument per node and overflowed the call stack ("Maximum call stack size exceeded").
  const r = await open('/wide-deep/');
  assert.ok(norm(r.article).includes(norm(MARKER)), r.error);
});

test('a frameset page: a clear error or the not-an-article notice', async () => {
  const r = await open('/frameset/');
  assert.equal(r.article, '');
  assert.ok(r.error.length > 10, r.error);
});

test('an XHTML page served as application/xhtml+xml: the article', async () => {
  const r = await open('/xhtml/');
  assert.ok(norm(r.article).includes(norm(MARKER)), r.error);
});

test('an empty body: a clear error or the not-an-article notice', async () => {
  const r = await open('/empty/');
  assert.equal(r.article, '');
  assert.ok(r.error.length > 10, r.error);
});

test('no lang, mixed scripts: the article with every script in it', async () => {
  const r = await open('/mixed/');
  for (const s of ['豆浆', 'ovens warm', 'パン屋', 'пекарня', 'المخبز', '빵집']) assert.ok(r.article.includes(s), s);
});
