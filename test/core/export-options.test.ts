/** Export options (issue 11): the header at the top (as before), at the end or left out; images not embedded are listed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toText, toMarkdown, toHtmlDocument } from '../../src/core/export/index';
import { cleanHtml, load, ZH_PARAS } from '../helpers/core';

const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>桥下的修车摊</title></head><body><article>
<h1>桥下的修车摊</h1>${ZH_PARAS.map(p => `<p>${p}</p>`).join('')}<figure><img src="/img/b.jpg" alt="修车摊的工具箱"><figcaption>工具箱</figcaption></figure>
</article></body></html>`;
const article = cleanHtml(html, { url: 'https://news.example.com/2025/04/bike.html' });
const doc = () => load('').doc;

test('no options and {header: "top"} give the very same bytes as before', () => {
  assert.equal(toText(article, { header: 'top' }), toText(article));
  assert.equal(toMarkdown(article, doc(), { header: 'top' }), toMarkdown(article, doc()));
  assert.equal(toHtmlDocument(article, { header: 'top', unavailableImages: [] }), toHtmlDocument(article));
});

test('header at the end: body first, then the same header lines', () => {
  const top = toText(article);
  const end = toText(article, { header: 'end' });
  const [head, body] = [top.split('\n\n')[0]!, article.text];
  assert.equal(end, `${body}\n\n${head}\n`);
  const md = toMarkdown(article, doc(), { header: 'end' });
  assert.ok(md.trimEnd().endsWith('阅读时间：' + md.split('阅读时间：')[1]!.trimEnd()));
  assert.ok(md.includes('\n\n# 桥下的修车摊\n'));
  const page = toHtmlDocument(article, { header: 'end' });
  assert.ok(!page.includes('<header>'));
  assert.ok(page.indexOf('</article>') < page.indexOf('<footer>\n<h1>桥下的修车摊</h1>'));
});

test('header left out: only the body, in every format', () => {
  assert.equal(toText(article, { header: 'none' }), `${article.text}\n`);
  const md = toMarkdown(article, doc(), { header: 'none' });
  assert.ok(!md.startsWith('# ') && !md.includes('来源') && !md.includes('阅读时间'));
  const page = toHtmlDocument(article, { header: 'none' });
  assert.ok(!page.includes('<header>') && !page.includes('<footer>') && !page.includes('来源'));
  assert.ok(page.includes('<title>桥下的修车摊</title>'), 'the file keeps its title');
});

test('images that could not be embedded stay remote <img>s under a one-line note, no list of URLs; alt text stays in Markdown', () => {
  const url = 'https://img.example.cn/b.jpg?w=1&h="2"<x>';
  const page = toHtmlDocument(article, { unavailableImages: [url] });
  assert.ok(page.includes('<p class="note">有 1 张图片未嵌入本文件'), 'one line says so');
  assert.ok(!page.includes('img.example.cn'), 'no raw URL list');
  assert.ok(!/<li><a href=/.test(page));
  assert.ok(page.includes('<img src="https://news.example.com/img/b.jpg"'), 'the image itself stays a remote <img>');
  assert.match(page, /img-src http: https: data:/);
  assert.match(
    toHtmlDocument({ ...article, lang: 'en' }, { unavailableImages: [url, url] }),
    /<p class="note">2 images are not embedded in this file/,
  );
  assert.match(toMarkdown(article, doc()), /!\[修车摊的工具箱\]\(https:\/\/news\.example\.com\/img\/b\.jpg\)/);
});

test('no export carries a brand', () => {
  for (const out of [
    toText(article),
    toMarkdown(article, doc()),
    toHtmlDocument(article, { header: 'end', unavailableImages: ['https://a.example/x.png'] }),
  ]) {
    assert.ok(!/jingyue|净阅/i.test(out));
  }
});
