/**
 * The headline a page prints as its body's first line when its <title> names no article (meta/body-headline.ts),
 * the names line beside it, a column tag over a headline the page gives elsewhere, and the decoys that stay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHtml, contains, ZH_PARAS, EN_PARAS } from '../helpers/core';
import { namesOnly } from '../../src/core/meta/names-line';

const archive = (title: string, head: string, paras = ZH_PARAS, h1 = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/list/">文集</a></div>${h1}<div class="text">${head}${paras.map(p => `<p>${p}</p>`).join('')}</div></body></html>`;

test('a generic <title>: the first short line is the title, the names line under or over it the byline', () => {
  const a = cleanHtml(archive('显示', '<p>老街的早点铺</p><p>林晓舟</p>'));
  assert.equal(a.title, '老街的早点铺');
  assert.equal(a.byline, '林晓舟');
  assert.ok(!contains(a.text, '林晓舟') && contains(a.text, ZH_PARAS[0]!));
  const b = cleanHtml(archive('', '<p>赵延东、风笑天</p><p>——老街的早点铺 (上)</p>'));
  assert.equal(b.title, '老街的早点铺 (上)');
  assert.equal(b.byline, '赵延东、风笑天');
});

test('a title that names only the site, or printed nowhere with a names line to confirm, is generic too', () => {
  assert.equal(cleanHtml(archive('北医新闻网_(新闻)', '<p>老街的早点铺</p>')).title, '老街的早点铺');
  const a = cleanHtml(archive('谢谢您访问〖关注中国中心〗', '<p>老街的早点铺</p><p>茉莉</p>'));
  assert.deepEqual([a.title, a.byline], ['老街的早点铺', '茉莉']);
  // Without the names line a long title printed nowhere is left as it is: the first line may be a subheading.
  assert.equal(cleanHtml(archive('谢谢您访问〖关注中国中心〗', '<p>老街的早点铺</p>')).title, '谢谢您访问〖关注中国中心〗');
});

test('decoys: a real title, a sentence, a section word, a heading, a Latin Title Case line stay in the body', () => {
  // The <title> is the page's headline (its h1 says so): the short first line is the article's own.
  const real = cleanHtml(archive('老街的早点铺_江城晚报', '<p>一、开张</p><p>林晓舟</p>', ZH_PARAS, '<h1>老街的早点铺</h1>'));
  assert.equal(real.title, '老街的早点铺');
  assert.ok(contains(real.text, '一、开张') && contains(real.text, '林晓舟'));
  // A first line with a sentence in it is text.
  const said = cleanHtml(archive('显示', '<p>店主说：早起。</p><p>林晓舟</p>'));
  assert.ok(contains(said.text, '店主说：早起。'));
  assert.equal(namesOnly('编者按'), null);
  assert.equal(namesOnly('会议议程'), null, 'four Han characters are a word, not a name');
  assert.equal(namesOnly('推力', { localName: 'h3' } as Element), null, 'a heading names a section');
  assert.equal(namesOnly('Key Findings'), null, 'a Latin names line needs its "By"');
  assert.equal(namesOnly('By Jane Holloway'), 'By Jane Holloway');
  assert.equal(namesOnly('（袁源）'), '袁源');
});

test('an English page with an empty <title>: the bold first line and the "By" line move to the header', () => {
  const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title></title></head><body>
<div class="story"><p><b>Bread on the Quay</b></p><p>By Ann Marsh</p>${EN_PARAS.map(p => `<p>${p}</p>`).join('')}</div></body></html>`;
  const a = cleanHtml(html);
  assert.deepEqual([a.title, a.byline], ['Bread on the Quay', 'By Ann Marsh']);
});

test("a column tag alone over the headline leaves; an editor's note tag and a tag heading its sentence stay", () => {
  const page = (first: string) =>
    `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>老街的早点铺</title></head><body>
<h1>老街的早点铺</h1><div class="text"><p>${first}</p>${ZH_PARAS.map(p => `<p>${p}</p>`).join('')}</div></body></html>`;
  assert.ok(!contains(cleanHtml(page('【新春走基层】')).text, '新春走基层'));
  assert.ok(contains(cleanHtml(page('【编者按】')).text, '编者按'));
  assert.ok(contains(cleanHtml(page('【小贴士】早起的人先买到包子。')).text, '【小贴士】'));
});
