/** Exports: text, Markdown and standalone HTML from the same cleaned article. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toText, toMarkdown, toHtmlDocument } from '../../src/core/export/index';
import { cleanHtml, load, page, ZH_PARAS, EN_PARAS } from '../helpers/core';

const body = `<h2>第一部分</h2><p>${ZH_PARAS[0]}</p><ul><li>第一项</li><li>第二项</li></ul>
<p>${ZH_PARAS[1]} <a href="/more.html">延伸链接</a></p><figure><img src="/img/a.jpg" alt="街景"><figcaption>老街的早晨</figcaption></figure>
<table><thead><tr><th>年份</th><th>人数</th></tr></thead><tbody><tr><td>2023</td><td>120</td></tr><tr><td>2024</td><td>150</td></tr></tbody></table>
<h2>第二部分</h2>${ZH_PARAS.slice(2)
  .map(p => `<p>${p}</p>`)
  .join('')}`;
const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>老街的早点铺</title><meta name="author" content="王小明">
<meta property="article:published_time" content="2025-03-14T08:00:00+08:00"></head><body><article><h1>老街的早点铺</h1>${body}</article></body></html>`;
const article = cleanHtml(html, { url: 'https://news.example.com/2025/03/shop.html' });

test('text: header, blank lines between paragraphs, headings and list items on their own lines', () => {
  const t = toText(article);
  const lines = t.split('\n');
  assert.equal(lines[0], '老街的早点铺');
  assert.equal(lines[1], '原文链接：https://news.example.com/2025/03/shop.html');
  assert.ok(t.includes('王小明'));
  assert.match(t, /阅读时间：约 \d/);
  assert.match(t, /\n\n第一部分\n\n/);
  assert.match(t, /\n- 第一项\n\n- 第二项\n|\n- 第一项\n- 第二项\n/);
  assert.ok(t.includes(`${ZH_PARAS[0]}\n\n`));
  assert.ok(!/<[a-z]/i.test(t), 'no tags in plain text');
});

test('markdown: title heading, quoted source, headings, lists, absolute links, images, tables', () => {
  const md = toMarkdown(article, load('').doc);
  assert.ok(md.startsWith('# 老街的早点铺\n'));
  assert.match(md, /^> 原文链接：https:\/\/news\.example\.com\/2025\/03\/shop\.html {2}$/m);
  assert.match(md, /^## 第一部分$/m);
  assert.match(md, /^- {1,3}第一项$/m);
  assert.ok(md.includes('[延伸链接](https://news.example.com/more.html)'));
  assert.ok(md.includes('![街景](https://news.example.com/img/a.jpg)'));
  assert.match(md, /\| 年份 \| 人数 \|/);
  assert.match(md, /\| 2024 \| 150 \|/);
});

test('markdown: a table without rows (emptied by pruning, or only a caption) is its content, never a throw', () => {
  // turndown-plugin-gfm reads table.rows[0].parentNode for every table; a zh-cwce page's article held <table> </table>.
  const odd = {
    ...article,
    html:
      `<p>${ZH_PARAS[0]}</p><table>\n\n</table><table><caption>表一 说明</caption></table>` +
      `<table><colgroup><col></colgroup></table><table><tbody></tbody></table><p>${ZH_PARAS[1]}</p>` +
      '<table><thead><tr><th>年份</th></tr></thead><tbody><tr><td>2024</td></tr></tbody></table>',
  };
  const md = toMarkdown(odd, load('').doc);
  assert.ok(md.includes(ZH_PARAS[0]!) && md.includes(ZH_PARAS[1]!));
  assert.ok(md.includes('表一 说明'));
  assert.match(md, /\| 2024 \|/, 'a table with rows is still a Markdown table');
});

test('html: a standalone document whose CSP allows no script, with the sanitized body', () => {
  const h = toHtmlDocument(article);
  assert.ok(h.startsWith('<!DOCTYPE html>'));
  assert.match(h, /<html lang="zh-CN">/);
  assert.match(h, /Content-Security-Policy" content="default-src 'none'/);
  assert.ok(!/script-src/.test(h));
  assert.ok(h.includes('<title>老街的早点铺</title>'));
  assert.ok(h.includes(article.html));
  const { doc } = load(h);
  assert.equal(doc.querySelectorAll('script').length, 0);
  assert.equal(doc.querySelector('h1')?.textContent, '老街的早点铺');
});

test('titles are escaped in every export', () => {
  const evil = cleanHtml(page({ lang: 'en', title: 'A <b>bold</b> & "quoted" [title](x)', paras: EN_PARAS }));
  assert.ok(toHtmlDocument(evil).includes('<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; [title](x)</title>'));
  assert.ok(toMarkdown(evil, load('').doc).startsWith('# A \\<b\\>bold\\</b\\> & "quoted" \\[title\\](x)'));
});

test('English exports use English header words', () => {
  const a = cleanHtml(page({ lang: 'en', paras: EN_PARAS }));
  assert.match(toText(a), /^Original link: https:\/\/news\.example\.com\/a\/1\.html$/m);
  assert.match(toText(a), /^Reading time: \d+(–\d+)? min read$/m);
});

test('markdown from the sanitized tree itself (the CLI) is the Markdown of the html parsed again, on trees a parse would change', async () => {
  const { JSDOM } = await import('jsdom');
  const { clean } = await import('../../src/core/pipeline/index');
  const { markdownOf } = await import('../../src/core/export/index');
  const paras = ZH_PARAS.map(p => `<p>${p}</p>`).join('\n');
  // Trees the sanitizer leaves that a parse would not make: a removed form's text beside its neighbours' text, and a
  // figure whose dropped comment and metas leave whitespace text nodes side by side (readability corpus guardian-1),
  // in a page without a doctype (DOMPurify parses in quirks mode, the re-parse does not).
  const pages = [
    `<html><head><title>怪异模式</title></head><body><article><h1>怪异模式</h1>${paras}<p>表格前<table><tr><td>甲</td><td>乙</td></tr></table>表格后</p>
<p>表单里的字：<span>前文<form>表单<b>粗</b> 与 <i>斜</i>1. 不是列表</form>后文</span></p><table></table><p>  空白   <span> 挨着 </span>  文字 </p>
<figure>
  <meta content="/img/a.jpg">
  <meta content="/img/a.jpg">
  <meta content="/img/a.jpg"><a>
  <div>
      <picture><!--[if IE 9]><video style="display: none;"><![endif]-->
      <source media="(min-width: 1300px) and (-webkit-min-device-pixel-ratio: 1.25), (min-width: 1300px) and (min-resolution: 120dpi)" srcset="/img/a.jpg"> <source media="(min-width: 1300px)" srcset="/img/a.jpg"> <source media="(min-width: 0px)" srcset="/img/a.jpg"> <!--[if IE 9]></video><![endif]-->
      <img alt="Hori Parata at his Pātaua farm, the place where he was born and grew up." src="/img/a.jpg"></picture>
  </div><span><svg width="22" height="22" viewBox="0 0 22 22">
  <path d="M3.4 20.2L9 14.5 7.5 13l-5.7 5.6L1 14H0v7.5l.5.5H8v-1l-4.6-.8M18.7 1.9L13 7.6 14.4 9l5.7-5.7.5 4.7h1.2V.6l-.5-.5H14v1.2l4.7.6"></path></svg></span></a>
                            </figure>
<p>${ZH_PARAS[0]}</p></article></body></html>`,
    `<!DOCTYPE html>${html}`,
  ];
  for (const src of pages) {
    const dom = new JSDOM(src, { url: 'https://news.example.com/a/1.html' });
    let tree = null as HTMLElement | null; // set in the callback: `as` keeps tsc from narrowing it to null
    const a = clean(
      dom.window.document,
      { url: 'https://news.example.com/a/1.html' },
      {},
      {
        sanitized: b => {
          tree = b;
        },
      },
    );
    assert.ok(tree, 'the sanitized tree is handed over');
    if (src === pages[0]) {
      // The case the comparison is for: the sanitized tree is not what parsing its html builds (a removed
      // form's text sits beside its neighbours as separate text nodes, which a parse makes one).
      const split = [...tree!.querySelectorAll('*')].some(el =>
        [...el.childNodes].some(c => c.nodeType === 3 && c.nextSibling?.nodeType === 3),
      );
      assert.ok(split, 'adjacent text nodes in the sanitized tree');
    }
    assert.equal(markdownOf(a, tree!), toMarkdown(a, load('').doc));
  }
});
