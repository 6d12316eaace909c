/** Link cards (src/core/dom/link-cards.ts): a card whose target is an overlay, a data attribute or an onclick becomes a link. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { linkCards } from '../../src/core/dom/link-cards';
import { jsdom } from '../helpers/dom';

/** The article root of `html`, parsed as the popup parses the page's article (a fresh document). */
const root = (html: string): Element => jsdom(`<!doctype html><body><div id="a">${html}</div>`).window.document.getElementById('a')!;
const hrefs = (el: Element) => [...el.querySelectorAll('a[href]')].map(a => [a.getAttribute('href'), (a.textContent ?? '').trim()]);

test('data-href, data-url, data-link and onclick cards become links holding their text', () => {
  const r = root(
    `<ul><li data-url="/a/1.html"><h5>公交新线开通 早高峰缩短半小时</h5><span>126评</span></li></ul>` +
      `<div data-link="/a/2.html"><p>公共圖書館延長開放時間至晚上十時</p></div>` +
      `<div onclick="window.open('/a/3.html')"><h4>夜市重新开张 小吃摊主盼客流</h4></div>` +
      `<div onclick="location.href = '/a/4.html'"><h4>三所新建小学九月招生</h4></div>` +
      `<div onclick="location.assign(&quot;/a/5.html&quot;)"><h4>郊野公園新增三條家庭遠足徑</h4></div>`,
  );
  assert.equal(linkCards(r), 5);
  assert.deepEqual(hrefs(r), [
    ['/a/1.html', '公交新线开通 早高峰缩短半小时126评'],
    ['/a/2.html', '公共圖書館延長開放時間至晚上十時'],
    ['/a/3.html', '夜市重新开张 小吃摊主盼客流'],
    ['/a/4.html', '三所新建小学九月招生'],
    ['/a/5.html', '郊野公園新增三條家庭遠足徑'],
  ]);
});

test("a card <p> the HTML parser split from its heading takes the heading after it (Readability's div → p, re-parsed)", () => {
  // What the popup gets for <div onclick><h4>…</h4></div> after Readability made the div a <p> and the page sent its HTML.
  const r = root(`<div><h3>热门资讯</h3><p onclick="window.open('/a/1.html')"><h4>夜市重新开张 小吃摊主盼客流</h4></p></div>`);
  assert.equal(r.querySelector('p[onclick]')!.childNodes.length, 0, 'the parser split the <p> (the shape this test is about)');
  assert.equal(linkCards(r), 1);
  assert.deepEqual(hrefs(r), [['/a/1.html', '夜市重新开张 小吃摊主盼客流']]);
});

test('not cards: a whole article with data-url, a Save button, a table row, a script link, a card holding a link', () => {
  const para = '早上六点半，改造后的东门菜市场重新开门。原来坑坑洼洼的水泥地换成了防滑地砖，头顶的塑料棚也换成了通风的钢结构屋顶。'.repeat(
    3,
  );
  const r = root(
    `<article data-url="https://x.example/news/1.html"><p>${para}</p></article>` +
      `<div data-url="https://x.example/news/1.html"><span>Save</span></div>` +
      `<table><tbody><tr onclick="location.href='/row/1'"><td>江心岛湿地公园开放</td><td>2025-06-08</td></tr></tbody></table>` +
      `<div onclick="javascript:void(0)"><h4>社区食堂推出老人餐 一荤两素</h4></div>` +
      `<div onclick="toggle(this)"><h4>老街区加装电梯 居民上下楼不再难</h4></div>` +
      `<li data-href="/a/9.html"><a href="/a/9.html">滨江步道延长至五公里</a></li>`,
  );
  assert.equal(linkCards(r), 0);
  assert.deepEqual(hrefs(r), [['/a/9.html', '滨江步道延长至五公里']]);
});
