/**
 * Journey: the export buttons. Each download's file name is the title (CJK kept) and its content is
 * exactly the core's export for the same page and switches, computed here in Node with jsdom.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { JSHandle, Page } from 'playwright';
import { cleanDocument } from '../../src/core/clean.ts';
import { toHtmlDocument, toMarkdown, toText } from '../../src/core/export/index.ts';
import { embedImages } from '../../src/popup/embed-images.ts';
import { launch, type Browser } from './chromium.ts';
import { servePages } from './pages.ts';
import { downloadFrom, openPopup } from './popup-driver.ts';
import type { StaticServer } from './static-server.ts';

const TITLE = '老城区的夜班公交,凌晨两点仍有人在等车';

let b: Browser;
let server: StaticServer;
let page: Page;
let view: JSHandle<Window>;
let expected: { txt: string; md: string; html: string };
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-downloads-'));

/**
 * What the core exports for the demo page with default switches, via jsdom (the CLI's DOM). The popup runs
 * the same finishing half (src/core/finish.ts: one sanitizing, in the popup) and renders and exports that.
 */
async function coreExports(url: string) {
  const html = await (await fetch(url)).text();
  const dom = new JSDOM(html, { url });
  const cleaned = cleanDocument(dom.window.document, { url });
  const article = cleaned;
  // The .html export embeds the images the extension may fetch (issue 11): the demo's picture is on the
  // page's own origin, which the activeTab grant lets the popup read, so it arrives as a data: URL.
  const fetcher = async (src: string) => {
    const res = await fetch(src);
    return { bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type')!.split(';')[0]! };
  };
  const embedded = await embedImages(article.html, fetcher, dom.window as unknown as Window & typeof globalThis);
  assert.equal(embedded.unavailable.length, 0);
  assert.notEqual(embedded.html, article.html, 'the demo has an image to embed');
  return { txt: toText(article), md: toMarkdown(article, dom.window.document), html: toHtmlDocument({ ...article, html: embedded.html }) };
}

before(async () => {
  server = await servePages();
  b = await launch();
  await b.cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
  page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
  expected = await coreExports(server.url('/demo/'));
  ({ view } = await openPopup(b, page));
});
after(async () => {
  await b?.close();
  await server?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

for (const [testId, ext] of [['export-txt', 'txt'], ['export-md', 'md'], ['export-html', 'html']] as const) {
  test(`${testId} downloads “${TITLE}.${ext}” with exactly the core's export`, async () => {
    const { name, content } = await downloadFrom(b, view, testId, downloads);
    assert.equal(name, `${TITLE}.${ext}`);
    assert.equal(content, expected[ext]);
    assert.ok(!content.includes('大家都在看') && !content.includes('本市新增三条定制公交线路'), 'no clutter exported');
  });
}

test('export-copy puts exactly the text export on the clipboard', async () => {
  await view.evaluate((w) => (w.document.querySelector('[data-testid=export-copy]') as HTMLButtonElement).click());
  // The popup announces the copy in its live region once writeText resolved.
  await b.helper.waitForFunction(
    (w) => w.document.querySelector('[role=status]')?.textContent === '已复制到剪贴板。',
    view,
    { polling: 20, timeout: 5_000 },
  );
  await b.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const reader = await b.ctx.newPage();
  await reader.goto(server.url('/not-article/'));
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  assert.equal(text, expected.txt);
  await reader.close();
});
