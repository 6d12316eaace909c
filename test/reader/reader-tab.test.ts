/** The reader tab's pieces in jsdom: the hand-over check, re-sanitizing with table wrappers, image embedding. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { parseHandoff } from '../../src/reader/handoff.ts';
import { renderHtml } from '../../src/reader/render-html.ts';
import { dataUrl, embedImages, type ImageFetcher } from '../../src/ui/embed-images.ts';
import { stepFontSize } from '../../src/ui/components/reader-settings.tsx';
import { defaultSettings } from '../../src/settings/index.ts';

const win = () => new JSDOM('<!doctype html><body></body>').window as unknown as Window & typeof globalThis;

const article = {
  title: '标题',
  byline: null,
  siteName: '站点',
  lang: 'zh-CN',
  publishedTime: null,
  url: 'https://a.example/1',
  excerpt: null,
  source: null,
  originalTitle: null,
  editor: null,
  disclaimer: null,
  readingTime: { minutes: 2, min: 1, max: 3 },
  html: '<p>正文</p>',
  text: '正文',
  removed: [{ ruleId: 'r1', reason: 'x', preview: 'p', chars: 5 }],
  rules: [],
};

test('a hand-over is rebuilt with the right types; anything else is no article', () => {
  const h = parseHandoff({ article, rules: [{ id: 'r1', title: 'T', enabled: true, removed: 1 }], tabId: 7, at: 1 });
  assert.deepEqual(h, { article, rules: [{ id: 'r1', title: 'T', enabled: true, removed: 1 }], tabId: 7 });
  for (const bad of [undefined, null, 'x', [], {}, { article: {} }, { article: { ...article, html: 5 } }]) {
    assert.equal(parseHandoff(bad), null);
  }
  const odd = parseHandoff({
    article: { ...article, title: { toString: 1 }, byline: 3, removed: [null, { ruleId: 2 }], readingTime: 'x' },
    tabId: '7',
  })!;
  assert.equal(odd.article.title, '');
  assert.equal(odd.article.byline, null);
  assert.deepEqual(odd.article.removed, [{ ruleId: '', reason: '', preview: '', chars: 0 }]);
  assert.deepEqual(odd.article.readingTime, { minutes: 0, min: 0, max: 0 });
  assert.equal(odd.tabId, null);
});

test('the reader sanitizes the stored HTML again and wraps tables so they scroll', () => {
  const out = renderHtml(
    '<p onclick="x()">a<script>alert(1)</script></p><img src="x" onerror="y()"><table class="t"><tr><td>1</td></tr></table><pre><code>  a &lt; b\n    c</code></pre>',
    win(),
  );
  assert.ok(!/onclick|onerror|<script|class="t"/.test(out), out);
  assert.match(out, /<div class="table-scroll"><table><tbody><tr><td>1<\/td><\/tr><\/tbody><\/table><\/div>/);
  assert.ok(out.includes('<pre><code>  a &lt; b\n    c</code></pre>'), 'code kept verbatim');
});

test('images the fetcher returns are embedded as data: URLs (srcset dropped); the others are listed once', async () => {
  const bytes = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
  const fetcher: ImageFetcher = async url => (url.includes('ok') ? { bytes, type: 'image/png' } : null);
  const { html, unavailable } = await embedImages(
    '<p><img src="https://a.example/ok.png" srcset="https://a.example/ok-2x.png 2x" alt="好"><img src="https://cdn.example/no.jpg" alt="不"><img src="https://cdn.example/no.jpg"></p>',
    fetcher,
    win(),
  );
  assert.ok(html.includes(`<img src="${dataUrl(bytes, 'image/png')}" alt="好">`), html);
  assert.equal(dataUrl(bytes, 'image/png'), `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`);
  assert.deepEqual(unavailable, ['https://cdn.example/no.jpg']);
  assert.ok(html.includes('src="https://cdn.example/no.jpg" alt="不"'));
});

test('an article without images is returned unchanged, without fetching', async () => {
  let calls = 0;
  const html = '<p>没有图片</p>';
  assert.deepEqual(await embedImages(html, async () => (calls++, null), win()), { html, unavailable: [] });
  assert.equal(calls, 0);
});

test('+ and − step the font size within its range', () => {
  const p = defaultSettings().reader;
  assert.equal(stepFontSize(p, 1).fontSize, p.fontSize + 1);
  assert.equal(stepFontSize({ ...p, fontSize: 32 }, 1).fontSize, 32);
  assert.equal(stepFontSize({ ...p, fontSize: 12 }, -1).fontSize, 12);
});
