/** Credit lines (原标题, 本文来源, 责任编辑, 声明, "Editor's note") leave the body for the header; prose that mentions them stays. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { creditLine } from '../../src/core/removals/credit-line';
import { takeHeaderLines } from '../../src/core/removals/credit-lines';
import { cleanHtml, load, page, ZH_PARAS, EN_PARAS } from '../helpers/core';

test('credit lines parse into fields, labels kept for editors', () => {
  assert.equal(creditLine('(原标题：[亦观察]No.550 一家公司的选择)', true)?.originalTitle, '[亦观察]No.550 一家公司的选择');
  const line = creditLine('编辑 | 张三 责编 | 李四 来源 | 新华社 校对 | 王五', true)!;
  assert.equal(line.source, '新华社');
  assert.equal(line.editor, '编辑：张三 · 责编：李四 · 校对：王五');
  const s = creditLine('本文来源：21世纪经济报道 作者：何苗', true)!;
  assert.deepEqual([s.source, s.author], ['21世纪经济报道', '何苗']);
  assert.equal(creditLine('2025-03-18 09:12 来源：长江日报 评论(126)', true)?.source, '长江日报');
  assert.equal(creditLine('【责任编辑：张三】', false)?.editor, '责任编辑：张三');
  const en = creditLine('Reporting by Ann Lee; Editing by Tom Roe', true)!;
  assert.deepEqual([en.author, en.editor], ['Ann Lee', 'Editing by Tom Roe']);
  assert.equal(
    creditLine("Editor's note: This story first ran in the Wire.", true)?.disclaimer,
    "Editor's note: This story first ran in the Wire.",
  );
});

test('prose, captions and bylines are not credit lines', () => {
  assert.equal(creditLine('编辑部今天表示，来源可靠。', true), null);
  assert.equal(creditLine('责任编辑这个岗位由两位退休教师轮流担任，他们每周都来听课。', false), null);
  assert.equal(creditLine('来源：国家统计局', false), null, 'a weak label moves only at the edges');
  assert.equal(creditLine('Source code is on GitHub', true), null);
  assert.equal(creditLine('Source: officials said the route would be reviewed after six months.', true), null);
  assert.equal(creditLine('作者：张三', true)?.authorOnly, true, "a lone byline is Readability's: it moves only beside another credit");
  assert.equal(creditLine('来源：' + '很长的名字'.repeat(20), true), null, 'a source is a name, not a paragraph');
});

test('only whole blocks at the edges (or strong labels anywhere) move; a figure caption stays', () => {
  const { doc } = load(`<div id="a"><p>原标题：旧的标题</p>${ZH_PARAS.map(p => `<p>${p}</p>`).join('')}
    <figure><img src="x.jpg"><figcaption>来源：国家统计局</figcaption></figure><p>来源：新华社</p><p>（责任编辑：张三）</p></div>`);
  const root = doc.getElementById('a')!;
  const r = takeHeaderLines(root);
  assert.deepEqual([r.fields.originalTitle, r.fields.source, r.fields.editor], ['旧的标题', '新华社', '责任编辑：张三']);
  assert.equal(r.removed.length, 3);
  assert.ok(r.removed.every(x => x.ruleId === 'header-lines' && x.reason.startsWith('moved to the header')));
  assert.ok(root.textContent!.includes('来源：国家统计局'));
  assert.ok(!root.textContent!.includes('原标题'));
});

test('the header-lines rule can be switched off per site; --no-rules leaves the lines', () => {
  const html = page({ lang: 'zh-CN', title: '老街的早点铺', paras: [...ZH_PARAS, '责任编辑：张三'] });
  const on = cleanHtml(html);
  assert.equal(on.editor, '责任编辑：张三');
  assert.ok(!on.text.includes('责任编辑'));
  const off = cleanHtml(html, { disabled: ['header-lines'] });
  assert.equal(off.editor, null);
  assert.ok(off.text.includes('责任编辑：张三'));
  assert.ok(cleanHtml(html, { noRules: true }).text.includes('责任编辑：张三'));
  const en = cleanHtml(page({ lang: 'en', paras: [...EN_PARAS, 'Source: Example Wire'] }));
  assert.equal(en.source, 'Example Wire');
});

test('credit lines by place: names under the headline, bracketed names and their organisation at the foot; decoys stay', () => {
  const body = (head: string, foot: string) =>
    load(`<div id="a">${head}${ZH_PARAS.map(p => `<p>${p}</p>`).join('')}${foot}</div>`).doc.getElementById('a')!;
  const a = takeHeaderLines(body('<p>老街的早点铺</p><p>林晓舟</p>', '<p>（周文）</p><p>江城大学新闻中心</p>'), 'header-lines', [
    '老街的早点铺',
  ]);
  assert.deepEqual([a.fields.author, a.fields.affiliation], ['林晓舟', '江城大学新闻中心']);
  // Under a subheading (not the title) names are no byline; a lone "作者：" line stays for Readability; names
  // without brackets at the foot are a signature of the text.
  const b = takeHeaderLines(body('<p>一、开张</p><p>林晓舟</p><p>作者：张三</p>', '<p>周文</p>'), 'header-lines', ['老街的早点铺']);
  assert.deepEqual(b.removed, []);
  // A date alone under a signer's line closes a notice: it stays; under prose at the foot it moves.
  const c = takeHeaderLines(body('', '<p>江城市人民政府</p><p>2022年1月27日</p>'));
  assert.deepEqual(c.removed, []);
  const d = takeHeaderLines(body('', '<p>2022年1月27日</p>'));
  assert.equal(d.fields.lineDate, '2022-01-27');
});

test("a blog's date line with its counters in one bracket is a date line; a date in a sentence is not", () => {
  assert.equal(creditLine('发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)', true)?.lineDate, '2004-12-27T12:40');
  assert.equal(creditLine('Saturday, September 10th, 2005 10:56 pm', true)?.lineDate, '2005-09-10T22:56');
  assert.equal(creditLine('2004年12月27日 12:40 我们出发了。', true), null);
  assert.equal(creditLine('2004年12月27日', false), null, 'a date alone moves only at the edges');
});
