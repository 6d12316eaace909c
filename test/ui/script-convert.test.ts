/**
 * Simplified ↔ Traditional (src/ui/script-convert/): phrase-level conversion both ways on a zh-Hant paragraph
 * written for this test, the view on text nodes only (attributes, URLs, English and code untouched), 原文
 * restoring exactly, the script detection, the exports following the view, and opencc-js kept out of the
 * module's first chunk.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { jsdom, load } from '../helpers/dom.ts';
import { pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { toMarkdown } from '../../src/core/export/index.ts';
import { convertArticle, detectScript, loadConverter, plan, regionOf, scriptView, targetLang } from '../../src/ui/script-convert/index.ts';

/** Written for this test: Taiwan usage (資訊, 軟體, 滑鼠, 驅動程式, 印表機) in Traditional characters. */
const HANT =
  '我在資訊展上買了一套新的軟體，回家才發現滑鼠的驅動程式還沒安裝。朋友說，這種軟體的說明書通常放在光碟裡，用印表機印出來看比較方便。';

test('zh-Hant (Taiwan) → 简体 converts phrases, not only characters: 軟體 → 软件, 滑鼠 → 鼠标, 資訊 → 信息', async () => {
  const { convert, source, plan: p } = await loadConverter('cn', { lang: 'zh-TW', text: HANT });
  assert.equal(source, 'hant');
  assert.deepEqual(p, { table: 'from-traditional', from: 'twp', to: 'cn' });
  const s = convert!(HANT);
  assert.equal(
    s,
    '我在信息展上买了一套新的软件，回家才发现鼠标的驱动程序还没安装。朋友说，这种软件的说明书通常放在光盘里，用打印机印出来看比较方便。',
  );
});

test('简体 → 繁體 (Taiwan phrasing) brings the Taiwan words back; plain 繁體 changes characters only', async () => {
  const simplified = (await loadConverter('cn', { lang: 'zh-TW', text: HANT })).convert!(HANT);
  const twp = (await loadConverter('twp', { lang: 'zh-CN', text: simplified })).convert!(simplified);
  for (const w of ['資訊', '軟體', '滑鼠', '驅動程式', '印表機']) assert.ok(twp.includes(w), `${w} in ${twp}`);
  // 光盘 → 光盤, not 光碟: the tables are not a round trip; 原文 (the view's restore) is what gives the page back.
  assert.ok(twp.includes('光盤'));
  const tw = (await loadConverter('tw', { lang: 'zh-CN', text: simplified })).convert!(simplified);
  assert.ok(tw.includes('軟件') && tw.includes('鼠標') && tw.includes('信息'), tw);
  const hk = (await loadConverter('hk', { lang: 'zh-TW', text: HANT })).convert!(HANT);
  assert.ok(hk.includes('説明書') && hk.includes('光碟裏'), hk);
});

test('nothing to do: 原文, a Simplified article shown as 简体, English text', async () => {
  assert.equal((await loadConverter('original', { lang: 'zh-TW', text: HANT })).convert, null);
  assert.equal((await loadConverter('cn', { lang: 'zh-CN', text: '老码头的最后一班渡轮' })).convert, null);
  assert.deepEqual(await loadConverter('tw', { lang: 'en', text: 'The lanterns went up along the harbor wall.' }), {
    convert: null,
    source: null,
    plan: null,
  });
});

test('the script is read from the text, not only the tag: the paged sites', async () => {
  const text = (rel: string) => load(pagedHtml(rel), pagedUrl(rel)).doc.body.textContent!;
  assert.equal(await detectScript(text('zh-hant/story-5521.html')), 'hant');
  assert.equal(await detectScript(text('zh-hans/a8823.shtml')), 'hans');
  assert.equal(await detectScript(text('en/harbor-lights.html')), null);
  // A Traditional page that declares zh-CN is still converted to 简体.
  assert.ok((await loadConverter('cn', { lang: 'zh-CN', text: HANT })).convert);
});

test('plans and regions', () => {
  assert.equal(regionOf('zh-HK'), 'hk');
  assert.equal(regionOf('zh-Hant-TW'), 'tw');
  assert.equal(regionOf('zh_MO'), 'hk');
  assert.equal(regionOf('zh-Hant'), null);
  assert.deepEqual(plan('cn', 'hant', 'hk'), { table: 'from-traditional', from: 'hk', to: 'cn' });
  assert.deepEqual(plan('twp', 'hans', null), { table: 'from-simplified', to: 'twp' });
  assert.equal(plan('tw', 'hant', 'tw'), null);
  assert.deepEqual(plan('tw', 'hant', null), { table: 'between-traditional', from: 't', to: 'tw' });
  assert.equal(targetLang('cn', 'zh-TW'), 'zh-CN');
  assert.equal(targetLang('original', 'zh-TW'), 'zh-TW');
});

const ARTICLE = `<article lang="zh-TW"><h2 title="軟體介紹">軟體與滑鼠</h2>
<p>${HANT}</p>
<p>請看<a href="https://news.example.tw/軟體/滑鼠.html" title="資訊">資訊頁面</a>與 <b>Open Source</b> software 的說明。</p>
<figure><img src="https://img.example.tw/軟體.png" alt="滑鼠的照片"><figcaption>滑鼠的照片</figcaption></figure>
<pre><code>const 軟體 = "滑鼠";</code></pre>
<p>引文：<span lang="ja">ソフトウェアの資料</span>。</p>
</article>`;

test('the view changes text nodes only: hrefs, src, alt and title keep their Chinese; English, code and a Japanese quote stay', async () => {
  const { doc } = load(`<body>${ARTICLE}</body>`);
  const root = doc.querySelector('article')!;
  const before = root.innerHTML;
  const { convert } = await loadConverter('cn', { lang: 'zh-TW', text: root.textContent! });
  const view = scriptView(root);
  assert.ok(view.apply(convert) > 0);
  assert.equal(root.querySelector('h2')!.textContent, '软件与鼠标');
  assert.equal(root.querySelector('h2')!.getAttribute('title'), '軟體介紹');
  const a = root.querySelector('a')!;
  assert.equal(a.textContent, '信息页面');
  assert.equal(a.getAttribute('href'), 'https://news.example.tw/軟體/滑鼠.html');
  assert.equal(a.getAttribute('title'), '資訊');
  assert.equal(root.querySelector('img')!.getAttribute('alt'), '滑鼠的照片');
  assert.equal(root.querySelector('figcaption')!.textContent, '鼠标的照片');
  assert.equal(root.querySelector('b')!.textContent, 'Open Source');
  assert.match(root.querySelectorAll('p')[1]!.textContent!, /与 Open Source software 的说明。$/);
  assert.equal(root.querySelector('code')!.textContent, 'const 軟體 = "滑鼠";');
  assert.equal(root.querySelector('[lang=ja]')!.textContent, 'ソフトウェアの資料');
  view.restore();
  assert.equal(root.innerHTML, before, '原文 restores the page exactly');
});

test('switching 简体 → 繁體 (Hong Kong) → 原文 converts from the original each time', async () => {
  const { doc } = load(`<body>${ARTICLE}</body>`);
  const root = doc.querySelector('article')!;
  const before = root.innerHTML;
  const text = root.textContent!;
  const view = scriptView(root);
  view.apply((await loadConverter('cn', { lang: 'zh-TW', text })).convert);
  const hk = (await loadConverter('hk', { lang: 'zh-TW', text })).convert!;
  view.apply(hk);
  assert.equal(root.querySelector('h2')!.textContent, hk('軟體與滑鼠'), 'from the original, not from the 简体 text');
  // Nodes added by a re-render are picked up, and restored too.
  root.insertAdjacentHTML('beforeend', '<p>後來的軟體段落</p>');
  view.apply((await loadConverter('cn', { lang: 'zh-TW', text })).convert);
  assert.equal(root.lastElementChild!.textContent, '后来的软件段落');
  view.apply(null);
  root.lastElementChild!.remove();
  assert.equal(root.innerHTML, before);
});

test('the exports follow the view: convertArticle on the zh-Hant site, Markdown included; the URL stays', async () => {
  const url = pagedUrl('zh-hant/story-5521.html');
  const { doc } = load(pagedHtml('zh-hant/story-5521.html'), url);
  const article = clean(doc, { url });
  const { convert } = await loadConverter('cn', article);
  const cn = convertArticle(article, convert!, targetLang('cn', article.lang), jsdom().window.document);
  assert.equal(cn.title, '山城小站的樱花季');
  assert.equal(cn.siteName, '山城日报');
  assert.equal(cn.lang, 'zh-CN');
  assert.equal(cn.url, article.url);
  assert.ok(cn.text.includes('清晨五点半，山城小站的月台上已经站满了人。'), cn.text);
  assert.ok(toMarkdown(cn, doc).includes('# 山城小站的樱花季'));
  assert.ok(!/[臺這們說]/u.test(cn.text), 'no Traditional forms left');
});

test("opencc-js loads on demand: bundled with splitting, the module's first chunk holds none of its tables", async () => {
  const entry = path.resolve(import.meta.dirname, '../../src/ui/script-convert/index.ts');
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    charset: 'utf8',
    write: false,
    outdir: '/tmp/jingyue-split',
    metafile: true,
    logLevel: 'silent',
  });
  const files = out.outputFiles.map(f => ({ name: path.basename(f.path), bytes: f.contents.length, text: f.text }));
  const first = files.find(f => f.name === 'index.js')!;
  assert.ok(!/opencc|軟體|后台/.test(first.text), 'no opencc-js code or dictionary text in the entry chunk');
  assert.ok(first.bytes < 10_000, `entry chunk ${first.bytes} B`);
  const big = files.filter(f => f.text.includes('後'));
  assert.ok(big.length >= 2, 'the two table sets are chunks of their own');
});
