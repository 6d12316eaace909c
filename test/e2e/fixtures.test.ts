/**
 * Every project fixture (test/fixtures/<slug>/) through the real extension in Chromium: the popup's article
 * holds each mustContain and no mustNotContain, or shows the no-article error — the same verdicts the core
 * tests reach in Node, checked in the browser's own DOM. A popup round trip costs about a second, so by
 * default a sample covering each language and the no-article case runs; E2E_ALL_FIXTURES=1 runs them all.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright';
import { launch, type Browser } from './chromium.ts';
import { servePages } from './pages.ts';
import { articleText, norm, reopenPopup, testIdText } from './popup-driver.ts';
import type { StaticServer } from './static-server.ts';

const DIR = path.resolve(import.meta.dirname, '../fixtures');
interface Expected {
  mustContain?: string[];
  mustNotContain?: string[];
  error?: string;
}
const SAMPLE = ['en-news-four-modules', 'ja-osusume-kiji-not-a-label', 'zh-aggregator-inline-blocks',
  'zh-hant-taiwan-night-market', 'zh-lazy-images-relative-links', 'zh-portal-homepage-no-article'];
const all = fs.existsSync(DIR)
  ? fs.readdirSync(DIR).filter((s) => fs.existsSync(path.join(DIR, s, 'expected.json'))).sort()
  : [];
const slugs = process.env.E2E_ALL_FIXTURES ? all : all.filter((s) => SAMPLE.includes(s));
if (!process.env.E2E_ALL_FIXTURES) console.log(`# fixtures in the popup: ${slugs.length} of ${all.length} (E2E_ALL_FIXTURES=1 for all)`);

let b: Browser;
let server: StaticServer;
let page: Page;

before(async () => {
  server = await servePages();
  b = await launch();
  page = await b.ctx.newPage();
});
after(async () => {
  await b?.close();
  await server?.close();
});

for (const slug of slugs) {
  test(`fixture ${slug} in the popup`, async () => {
    const expected = JSON.parse(fs.readFileSync(path.join(DIR, slug, 'expected.json'), 'utf8')) as Expected;
    await page.goto(server.url(`/fixtures/${slug}/`));
    const { view } = await reopenPopup(b, page);
    if (expected.error === 'no-article') {
      assert.match(await testIdText(view, 'error'), /此页面上没有找到文章/);
      return;
    }
    assert.equal(await testIdText(view, 'error'), '');
    const text = norm(await articleText(view));
    assert.deepEqual((expected.mustContain ?? []).filter((s) => !text.includes(norm(s))), [], 'missing');
    assert.deepEqual((expected.mustNotContain ?? []).filter((s) => text.includes(norm(s))), [], 'leaked');
  });
}
