/**
 * Every project fixture (test/fixtures/<slug>/) through the real extension in Chromium: the popup's article
 * holds each mustContain and no mustNotContain, or shows the no-article error — the same verdicts the core
 * tests reach in Node, checked in the browser's own DOM. A popup round trip costs about a second, so by
 * default a sample covering each language and the no-article case runs; E2E_ALL_FIXTURES=1 runs them all.
 */
import { test } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { launch, reopenPopup } from '../harness/chromium.ts';
import { articleText, testIdText } from '../harness/popup.ts';
import { FIXTURES_DIR, fixtureSlugs, readExpected } from '../helpers/fixtures.ts';
import { msg } from '../helpers/locale.ts';
import { useBrowser } from '../harness/suite.ts';
import { norm } from '../helpers/text.ts';

const SAMPLE = [
  'en-news-four-modules',
  'ja-osusume-kiji-not-a-label',
  'zh-aggregator-inline-blocks',
  'zh-card-list-script-targets',
  'zh-hant-taiwan-night-market',
  'zh-lazy-images-relative-links',
  'zh-portal-homepage-no-article',
];
const all = fixtureSlugs();
const slugs = process.env.E2E_ALL_FIXTURES ? all : all.filter(s => SAMPLE.includes(s));
if (!process.env.E2E_ALL_FIXTURES) console.log(`# fixtures in the popup: ${slugs.length} of ${all.length} (E2E_ALL_FIXTURES=1 for all)`);

/** A 1×1 PNG: every image a fixture names loads, as on the site it imitates. */
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/**
 * Opens a fixture at the address it imitates (expected.json `url`), answered from test/fixtures: the core reads
 * the page's own site (which links are the site's, sameSite) and the page's images load, as the CLI's --url and
 * a real site give them; any other request on that origin is an image or nothing.
 */
async function openAtOwnAddress(page: Page, slug: string, url: string): Promise<void> {
  const origin = new URL(url).origin;
  await page.unrouteAll();
  await page.route(`${origin}/**`, route => {
    const u = new URL(route.request().url());
    if (u.pathname === new URL(url).pathname)
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: fs.readFileSync(path.join(FIXTURES_DIR, slug, 'source.html')),
      });
    if (/\.(?:png|jpe?g|gif|webp)$/i.test(u.pathname)) return route.fulfill({ contentType: 'image/png', body: PIXEL });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.goto(url);
}

let page: Page;
const s = useBrowser(() => launch(), { setup: async ({ b }) => void (page = await b.ctx.newPage()) });

for (const slug of slugs) {
  test(`fixture ${slug} in the popup`, async () => {
    const expected = readExpected(slug);
    await openAtOwnAddress(page, slug, expected.url);
    const { view } = await reopenPopup(s.b, page);
    if (expected.error === 'no-article') {
      assert.equal(await testIdText(view, 'error'), '', 'no article is no error');
      assert.match(await testIdText(view, 'no-article'), new RegExp(msg('zh_CN', 'noArticleTitle')));
      return;
    }
    assert.equal(await testIdText(view, 'error'), '');
    const text = norm(await articleText(view));
    assert.deepEqual(
      (expected.mustContain ?? []).filter(x => !text.includes(norm(x))),
      [],
      'missing',
    );
    assert.deepEqual(
      (expected.mustNotContain ?? []).filter(x => text.includes(norm(x))),
      [],
      'leaked',
    );
  });
}
