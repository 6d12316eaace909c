/**
 * Date, source, author and WeChat account as the page prints them (issue 20): the page half reads text
 * (meta/printed-text.ts), the article stage parses it (meta/printed.ts) and fills only what Readability and
 * the credit lines left empty; link cards read as links (dom/link-cards.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { printedText } from '../../src/core/meta/printed-text';
import { printedFacts } from '../../src/core/meta/printed';
import { linkCards } from '../../src/core/dom/link-cards';
import { cleanHtml, load, page, ZH_PARAS, EN_PARAS } from '../helpers/core';

const head = (
  info: string,
  extra = '',
) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>渡口的最后一班船_江城晚报</title>${extra}</head>
<body><div class="logo"><h1><img src="/logo.png" alt=""></h1></div><div class="art"><h1>渡口的最后一班船</h1><div class="info">${info}</div>
<script>var x = "2001-01-01 来源：脚本";</script>${ZH_PARAS.map(p => `<p>${p}</p>`).join('')}</div></body></html>`;

test('the line under the headline gives date, source and author; the script beside it and the prose below do not', () => {
  const { doc } = load(head('2019年11月25日 16:04:30　来源：江城晚报　作者：沈一舟'));
  const f = printedFacts(printedText(doc), null);
  assert.deepEqual(f, { date: '2019-11-25T16:04:30', source: '江城晚报', author: '沈一舟', account: null });
});

test('a picture credit, a generic source and a menu word are no facts', () => {
  const { doc } = load(head('2022.01.20 16:31 （图片来源：视觉中国） 来源：网络 联系作者 聚合 登录'));
  assert.deepEqual(printedFacts(printedText(doc), null), { date: '2022-01-20T16:31', source: null, author: null, account: null });
});

test('a date meta tag Readability does not read is kept as written, offset and all', () => {
  const { doc } = load(head('', '<meta name="publishdate" content="2022-02-13T04:22:00+08:00">'));
  assert.equal(printedFacts(printedText(doc), null).date, '2022-02-13T04:22:00+08:00');
  const other = load(head('', '<meta name="description" content="2001-05-06 的故事">')).doc;
  assert.equal(printedFacts(printedText(other), null).date, null, 'a meta tag that is no date tag');
});

test('WeChat: the account name instead of the platform, only on WeChat', () => {
  const { doc } = load(head('<a id="js_name" href="javascript:void(0);">滨江生活</a> <em id="publish_time">2025-06-12 07:30</em>'));
  assert.deepEqual(printedFacts(printedText(doc), '微信公众平台'), {
    date: '2025-06-12T07:30',
    source: null,
    author: null,
    account: '滨江生活',
  });
  assert.equal(printedFacts(printedText(doc), '滨江日报').account, null);
});

test("the page half's text is bounded, and odd input from it is read safely", () => {
  const huge = load(head('x'.repeat(100_000))).doc;
  assert.ok(printedText(huge).near.length < 1000);
  assert.deepEqual(printedFacts({ near: 42 as unknown as string }, null), { date: null, source: null, author: null, account: null });
  assert.deepEqual(printedFacts(undefined, null), { date: null, source: null, author: null, account: null });
});

test("the cleaned article: printed facts fill the empty fields, --no-rules keeps Readability's", () => {
  const html = head('2019-11-25 16:04　来源：江城晚报　作者：沈一舟');
  const a = cleanHtml(html);
  assert.equal(a.publishedTime, '2019-11-25T16:04');
  assert.equal(a.source, '江城晚报');
  assert.equal(a.byline, '沈一舟');
  const plain = cleanHtml(html, { noRules: true });
  assert.equal(plain.publishedTime, null);
  assert.equal(plain.source, null);
});

test("link cards: an empty overlay link takes the card's content, a data-href card gets a link; others stay", () => {
  const { doc } = load(`<div id="r"><ul>
    <li><a class="cover" href="/a/1.html"></a><h5>县城第一家社区食堂开张</h5><time>04-01</time></li>
    <li data-href="/a/2.html"><p>樱花谷周末游客破万</p></li>
    <li><a class="anchor" href="#s1"></a>第一节</li>
    <li><a href="/a/3.html"></a><a href="/c/3.html">12评</a><h5>两个链接的卡片</h5></li>
    <li data-href="javascript:go()">脚本</li></ul></div>`);
  const root = doc.getElementById('r')!;
  assert.equal(linkCards(root), 2);
  const lis = root.querySelectorAll('li');
  assert.equal(lis[0]!.querySelector('a')!.textContent, '县城第一家社区食堂开张04-01');
  assert.equal(lis[1]!.querySelector('a[href="/a/2.html"]')!.textContent, '樱花谷周末游客破万');
  assert.equal(lis[2]!.querySelector('a')!.textContent, '', 'an in-page anchor is no card link');
  assert.equal(lis[3]!.querySelector('a')!.textContent, '', 'a card with a second link stays');
  assert.equal(lis[4]!.querySelector('a'), null);
});

test("a Latin title repeated as the first paragraph is Readability's to judge; a Han one goes", () => {
  const en = cleanHtml(
    page({ lang: 'en', title: 'Harbour bakery keeps its ovens lit', paras: ['Harbour bakery keeps its ovens lit', ...EN_PARAS] }),
  );
  assert.ok(en.text.includes('Harbour bakery keeps its ovens lit'));
  const zh = cleanHtml(page({ lang: 'zh-CN', title: '老街的早点铺重新开张', paras: ['老街的早点铺重新开张', ...ZH_PARAS] }));
  assert.ok(!zh.text.startsWith('老街的早点铺重新开张'), zh.text.slice(0, 30));
});

test('no heading: a "tit"-classed box holding the <title> heads the date line; a logo box that only shares a word does not', () => {
  const page = (
    box: string,
  ) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>渡口的最后一班船 | 江城晚报</title></head>
<body><div class="site-title">江城晚报</div><div class="menu">2001-01-01 今日天气</div>
<div class="main">${box}<div class="box-text-time"><span>2019-11-25 16:04:30</span></div>${ZH_PARAS.map(p => `<p>${p}</p>`).join('')}</div></body></html>`;
  const { doc } = load(page('<div class="tit2">渡口的最后一班船 | 江城晚报</div>'));
  assert.equal(printedFacts(printedText(doc), null).date, '2019-11-25T16:04:30');
  // Without it the logo box ("江城晚报", a small part of the <title>) heads nothing: the menu's date under it is not read.
  const { doc: bare } = load(page('<div class="headline">渡口的最后一班船</div>'));
  assert.equal(printedFacts(printedText(bare), null).date, null);
});

test('a second name is at most four characters: a link beside the author is no name', () => {
  const { doc } = load(head('2004-10-21 14:18　作者：郭励弘 我来说两句'));
  assert.equal(printedFacts(printedText(doc), null).author, '郭励弘');
  const { doc: two } = load(head('作者：沈一舟 林晓'));
  assert.equal(printedFacts(printedText(two), null).author, '沈一舟 林晓');
});
