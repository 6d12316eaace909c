/**
 * The shared script hook and control (src/ui/use-script.ts, components/script-control.tsx) in jsdom: the
 * converted Article is the view (title, body, text), 原文 gives back exactly the original, a link's URL, an
 * image's alt and English stay as they were, and nothing is converted for an article without Han text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { poll } from '../helpers/poll.ts';
import { msg } from '../helpers/locale.ts';
import type { Article } from '../../src/core/types.ts';
import { hasHan, useScript, type ScriptState } from '../../src/ui/use-script.ts';
import { ScriptControl } from '../../src/ui/components/script-control.tsx';
import type { SiteScript } from '../../src/settings/index.ts';

const dom = popupDom(['HTMLSelectElement']);

const HANT_HTML =
  '<p>我在資訊展上買了一套新的<a href="https://example.tw/軟體">軟體</a>，回家才發現滑鼠的驅動程式還沒安裝。</p><p><img src="https://example.tw/a.png" alt="印表機的照片"> Printer manual, page 3.</p>';
const article = (html: string, lang: string): Article =>
  ({
    title: '資訊展的軟體',
    byline: null,
    siteName: '山城日報',
    lang,
    publishedTime: null,
    url: 'https://example.tw/a/1',
    excerpt: null,
    html,
    text: html.replace(/<[^>]+>/g, ''),
    readingTime: { minutes: 1, min: 1, max: 1 },
    removed: [],
    rules: [],
    source: null,
    originalTitle: null,
    editor: null,
    disclaimer: null,
  }) as unknown as Article;

/** Renders a probe that records what useScript gives for (article, target). */
function probe(a: Article, target: SiteScript) {
  const seen: ScriptState[] = [];
  function Probe(p: { a: Article; target: SiteScript }) {
    seen.push(useScript(p.a, p.target));
    return null;
  }
  const root = dom.dom.window.document.getElementById('root')!;
  render(h(Probe, { a, target }), root);
  return { seen, rerender: (t: SiteScript) => render(h(Probe, { a, target: t }), root) };
}

test('简体: phrases converted (軟體 → 软件, 滑鼠 → 鼠标, 資訊 → 信息) in the title and body; URLs, alt text and English untouched; 原文 restores', async () => {
  const a = article(HANT_HTML, 'zh-TW');
  const { seen, rerender } = probe(a, 'cn');
  const done = await poll('the conversion', async () => (seen.at(-1)?.shown !== a && !seen.at(-1)?.loading ? seen.at(-1) : null), 10_000);
  const shown = done.shown!;
  assert.equal(shown.title, '信息展的软件');
  assert.match(shown.text, /我在信息展上买了一套新的软件，回家才发现鼠标的驱动程序还没安装。/);
  assert.match(shown.html, /href="https:\/\/example\.tw\/軟體"/, 'the URL is not text: unchanged');
  assert.match(shown.html, /alt="印表機的照片"/, 'an attribute is not converted');
  assert.match(shown.html, /Printer manual, page 3\./);
  assert.equal(shown.lang, 'zh-CN');
  assert.ok(
    seen.some(s => s.loading),
    'loading is said while the tables load',
  );
  rerender('original');
  await poll('the original', async () => seen.at(-1)?.shown === a);
  rerender('twp');
  const back = await poll('繁體 again', async () => (seen.at(-1)?.shown !== a && !seen.at(-1)?.loading ? seen.at(-1) : null), 10_000);
  assert.match(back.shown!.text, /資訊展上買了一套新的軟體/);
  render(null, dom.dom.window.document.getElementById('root')!);
});

test('nothing to convert: an English article keeps its object; hasHan reads the tag, the title or the text', async () => {
  const en = article('<p>The lanterns went up along the harbor wall.</p>', 'en');
  (en as { title: string }).title = 'Harbor Lights';
  const { seen } = probe(en, 'cn');
  await poll('settled', async () => seen.length >= 1);
  assert.ok(seen.every(s => s.shown === en && !s.loading));
  assert.equal(hasHan(en), false);
  assert.equal(hasHan(article('<p>x</p>', 'zh-CN')), true);
  render(null, dom.dom.window.document.getElementById('root')!);
});

test('the control offers 原文 / 简体 / 繁體 / 繁體（台灣用語）/ 繁體（香港） and reports the choice', async () => {
  const chosen: SiteScript[] = [];
  const root = dom.dom.window.document.getElementById('root')!;
  render(
    h(ScriptControl, { value: 'original', onChange: (s: SiteScript) => chosen.push(s), t: (k, subs) => msg('zh_CN', k, ...(subs ?? [])) }),
    root,
  );
  const select = root.querySelector('[data-testid=script-convert]') as HTMLSelectElement;
  assert.deepEqual(
    [...select.options].map(o => o.textContent),
    ['原文', '简体', '繁體', '繁體（台灣用語）', '繁體（香港）'],
  );
  select.value = 'hk';
  select.dispatchEvent(new dom.dom.window.Event('change', { bubbles: true }));
  assert.deepEqual(chosen, ['hk']);
  render(null, root);
});
