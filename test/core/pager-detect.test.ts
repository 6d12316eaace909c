/** Finding an article's own pager (src/core/pager/detect.ts) on the project's paged sites and on small pages. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../helpers/dom.ts';
import { pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { detectPager, pagerCandidates, pageNumberOf, pageSlots, normalizeUrl, commentUrl } from '../../src/core/pager/index.ts';
import { linkRole } from '../../src/core/pager/words.ts';

const at = (rel: string, url = pagedUrl(rel)) => {
  const { doc } = load(pagedHtml(rel), url);
  return { doc, url, pager: detectPager(doc, url) };
};

/** A small article page: three paragraphs of prose, then `pager`, then `after`. */
function article(pager: string, after = '', head = ''): string {
  const p =
    '这是一段用来测试分页识别的正文，它足够长，也有完整的句子。记者在现场看到，排队的人从门口一直排到了路口，很多人已经等了一个多小时。';
  return `<html><head>${head}</head><body><div id="main"><h1>标题</h1><div class="content"><p>${p}</p><p>${p}</p><p>${p}</p></div>${pager}${after}</div></body></html>`;
}
const ARTICLE_URL = 'https://news.example.com/a/100.shtml';
const detect = (html: string, url = ARTICLE_URL) => detectPager(load(html, url).doc, url);

test('zh-Hans: 1 2 3 下一页 on page 1 lists pages 2 and 3; the 下一篇 link is never a page', () => {
  const { pager } = at('zh-hans/a8823.shtml');
  assert.deepEqual(pager, {
    current: 1,
    pages: [pagedUrl('zh-hans/a8823_2.shtml'), pagedUrl('zh-hans/a8823_3.shtml')],
    next: pagedUrl('zh-hans/a8823_2.shtml'),
    last: 3,
  });
});

test('zh-Hans: page 2 knows it is page 2; page 3 has no next page; the next article has no pager', () => {
  assert.equal(at('zh-hans/a8823_2.shtml').pager?.current, 2);
  assert.deepEqual(at('zh-hans/a8823_2.shtml').pager?.pages, [pagedUrl('zh-hans/a8823_3.shtml')]);
  assert.deepEqual(at('zh-hans/a8823_3.shtml').pager, { current: 3, pages: [], next: null, last: 3 });
  assert.equal(at('zh-hans/a8824.shtml').pager, null, '上一篇 alone is no pager');
});

test('zh-Hant: 上一頁 / 下一頁 with story-5521-2.html', () => {
  const { pager } = at('zh-hant/story-5521.html');
  assert.equal(pager?.current, 1);
  assert.deepEqual(pager?.pages, [pagedUrl('zh-hant/story-5521-2.html'), pagedUrl('zh-hant/story-5521-3.html')]);
  assert.equal(at('zh-hant/story-5521-3.html').pager?.next, null);
});

test('English: "Next page »" to ?page=2, "Page 1 of 3" gives the total', () => {
  const { pager } = at('en/harbor-lights.html');
  assert.deepEqual(pager, {
    current: 1,
    pages: [pagedUrl('en/harbor-lights.html?page=2')],
    next: pagedUrl('en/harbor-lights.html?page=2'),
    last: 3,
  });
  const two = at('en/harbor-lights.page-2.html', pagedUrl('en/harbor-lights.html?page=2')).pager;
  assert.equal(two?.current, 2);
  assert.equal(two?.next, pagedUrl('en/harbor-lights.html?page=3'));
});

test("a comment thread's pager (?cp=2 inside #comments) is not the article's", () => {
  assert.equal(at('comments/c310.html').pager, null);
});

test('a pager inside a comment section, or under a 评论 heading, is refused even when its URLs look like pages', () => {
  const links = '<a href="100_2.shtml">2</a> <a href="100_3.shtml">3</a> <a href="100_2.shtml">下一页</a>';
  assert.ok(detect(article(`<div class="pages">${links}</div>`)), 'the same pager outside comments is found');
  for (const html of [
    article('', `<div id="comments"><p>网友：写得好</p><div class="pages">${links}</div></div>`),
    article('', `<div class="box"><h3>网友评论</h3><div class="pages">${links}</div></div>`),
    article(
      '<div class="pages"><a href="100.shtml?cp=2#comments">2</a> <a href="100.shtml?cp=3">3</a> <a href="100.shtml?cp=2">下一页</a></div>',
    ),
  ]) {
    assert.equal(detect(html), null);
  }
  const { doc } = load(article('', `<div id="comments"><div class="pages">${links}</div></div>`), ARTICLE_URL);
  assert.deepEqual(
    pagerCandidates(doc, ARTICLE_URL).map(c => c.verdict),
    ['comments'],
  );
});

test("a listing's pagination (many headline links, no prose) is not an article's pager", () => {
  const { doc, url, pager } = at('list/index.html');
  assert.equal(pager, null);
  assert.ok(pagerCandidates(doc, url).some(c => c.verdict === 'listing'));
  assert.equal(at('list/index_2.html').pager, null);
});

test('a loop: next links without page numbers, page 3 leading back to page 1', () => {
  assert.equal(at('loop/spring.html').pager?.next, pagedUrl('loop/summer.html'));
  assert.equal(at('loop/autumn.html').pager?.next, pagedUrl('loop/spring.html'));
});

test('the URL forms of page 2: _2.shtml, _2.html, ?page=2, /2.html, -2.html, index_2.html, /page/2/', () => {
  const cases: [string, string][] = [
    ['https://s.cn/a/100.shtml', 'https://s.cn/a/100_2.shtml'],
    ['https://s.cn/a/100.html', 'https://s.cn/a/100_2.html'],
    ['https://s.cn/a/story?id=7', 'https://s.cn/a/story?id=7&page=2'],
    ['https://s.cn/a/slug/', 'https://s.cn/a/slug/2.html'],
    ['https://s.cn/a/slug/1.html', 'https://s.cn/a/slug/2.html'],
    ['https://s.cn/a/story-100.html', 'https://s.cn/a/story-100-2.html'],
    ['https://s.cn/a/index.html', 'https://s.cn/a/index_2.html'],
    ['https://s.cn/a/', 'https://s.cn/a/index_2.html'],
    ['https://s.cn/2025/slug/', 'https://s.cn/2025/slug/page/2/'],
  ];
  for (const [page1, page2] of cases) assert.deepEqual(pageNumberOf(page2, page1), { n: 2, currentN: 1 }, `${page2} from ${page1}`);
  assert.deepEqual(pageNumberOf('https://s.cn/a/100_3.shtml', 'https://s.cn/a/100_2.shtml'), { n: 3, currentN: 2 });
  assert.deepEqual(pageNumberOf('https://s.cn/a/100.shtml', 'https://s.cn/a/100_2.shtml'), { n: 1, currentN: 2 });
  // Not pages of one article: the next article's id, a comment page, another path.
  assert.equal(pageNumberOf('https://s.cn/a/1235.html', 'https://s.cn/a/1234.html'), null);
  assert.equal(pageNumberOf('https://s.cn/a/100.shtml?cp=2', 'https://s.cn/a/100.shtml'), null);
  assert.equal(pageNumberOf('https://s.cn/b/100_2.shtml', 'https://s.cn/a/100.shtml'), null);
  assert.ok(commentUrl('https://s.cn/a/100.shtml?cp=2') && commentUrl('https://s.cn/a/100.shtml#comments'));
  assert.ok(pageSlots('https://s.cn/a/100_2.shtml').some(s => s.stem === 'https://s.cn/a/100.shtml' && s.n === 2));
  assert.equal(normalizeUrl('https://S.cn:443/a/index.html?utm_source=x&b=2&a=1#top'), 'https://s.cn/a/?a=1&b=2');
});

test('the words: 下一页 and "Next page" are pages; 下一篇, "Next article", "previous story" are other articles', () => {
  for (const w of ['下一页', '下一頁>>', '[下页]', 'Nextpage»', '后页']) assert.deepEqual(linkRole(w), { role: 'next', sure: true }, w);
  for (const w of ['Next', '»', 'older']) assert.deepEqual(linkRole(w), { role: 'next', sure: false }, w);
  for (const w of ['上一页', '«Previouspage', 'Prev']) assert.deepEqual(linkRole(w), { role: 'prev' }, w);
  for (const w of ['下一篇：滨江步道', '上一篇', 'Nextarticle:Winterferry', 'Previousstory:Council', '下一条', 'ReadNext']) {
    assert.deepEqual(linkRole(w), { role: 'other-article' }, w);
  }
  assert.deepEqual(linkRole('第2页'), { role: 'number', n: 2 });
  assert.deepEqual(linkRole('[3]'), { role: 'number', n: 3 });
});

test('words and URL must agree: "3" to page 2 is no pager link; a bare "Next" to an unnumbered URL is the next post', () => {
  assert.equal(detect(article('<div class="pages"><a href="100_2.shtml">3</a> <a href="100_5.shtml">4</a></div>')), null);
  assert.equal(detect(article('<div class="nav"><a href="/a/zebra-story.shtml">Next</a></div>')), null);
  assert.equal(
    detect(article('<div class="nav"><a href="/a/100_2.shtml">Next »</a></div>'))?.next,
    'https://news.example.com/a/100_2.shtml',
  );
});

test('links to another origin are never pages', () => {
  const html = article(
    '<div class="pages"><a href="https://mirror.example.org/a/100_2.shtml">2</a> <a href="https://mirror.example.org/a/100_3.shtml">3</a> <a href="https://mirror.example.org/a/100_2.shtml">下一页</a></div>',
  );
  assert.equal(detect(html), null);
});

test('<link rel="next"> in the head serves when the page prints no pager; a listing\'s does not', () => {
  assert.equal(detect(article('', '', '<link rel="next" href="/a/100_2.shtml">'))?.next, 'https://news.example.com/a/100_2.shtml');
  const { doc, url } = at('list/index.html');
  doc.head.insertAdjacentHTML('beforeend', '<link rel="next" href="index_2.html">');
  assert.equal(detectPager(doc, url), null);
});

test('a pager whose numbers each sit in their own box is one pager', () => {
  const pager =
    '<div class="pg"><div><span>1</span></div><div><a href="100_2.shtml">2</a></div><div><a href="100_3.shtml">3</a></div><div><a href="100_2.shtml">下一页</a></div></div>';
  assert.deepEqual(detect(article(pager))?.pages, ['https://news.example.com/a/100_2.shtml', 'https://news.example.com/a/100_3.shtml']);
});
