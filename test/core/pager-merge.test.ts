/**
 * Merging the pages (src/core/pager/merge.ts): bodies in order behind a divider the exports keep (the existing
 * toMarkdown / toText on the merged article), pagers taken out, reading time and removals over the whole.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom, load } from '../helpers/dom.ts';
import { fileFetch, pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { toMarkdown, toText } from '../../src/core/export/index.ts';
import type { Article } from '../../src/core/types.ts';
import { collectPages, detectPager, mergeArticles, pageLabel, removePagers, templateSignal } from '../../src/core/pager/index.ts';

const parse = (html: string, url: string) => jsdom(html, url).window.document;
const extract = (doc: Document, url: string): Article => clean(doc, { url });

/** The merged article of a paged site, from its first page. */
async function merged(rel: string): Promise<{ first: Article; all: Article; doc: Document }> {
  const url = pagedUrl(rel);
  const { doc } = load(pagedHtml(rel), url);
  const first = extract(doc, url);
  const { parts } = await collectPages({
    firstUrl: url,
    pager: detectPager(doc, url)!,
    first: { ...first, template: templateSignal(doc) },
    fetchPage: fileFetch(),
    parse,
    extract,
  });
  return { first, all: mergeArticles(first, parts, doc), doc };
}

/** The positions of `snippets` in `s`, asserting each is there. */
const positions = (s: string, snippets: string[]) =>
  snippets.map(x => {
    const i = s.indexOf(x);
    assert.ok(i >= 0, `missing ${x}`);
    return i;
  });
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);

const HANS = [
  '傍晚六点十分',
  '航运公司最终决定',
  '第 2 页',
  '停航的消息传开后',
  '从未有过的情形',
  '第 3 页',
  '根据规划',
  '再也不会重复的航程',
];

test('zh-Hans: every paragraph of the three pages in order, a 第 2 页 / 第 3 页 divider before each following page, nothing of 下一篇', async () => {
  const { first, all } = await merged('zh-hans/a8823.shtml');
  assert.ok(ascending(positions(all.html, HANS)));
  assert.match(all.html, /<hr><h2>第 2 页<\/h2>/);
  assert.ok(!all.text.includes('记者从市政部门获悉'), 'the next article (下一篇) is not merged');
  assert.ok(!all.text.includes('下一页'));
  assert.equal(all.title, first.title);
  assert.ok(all.readingTime.minutes >= first.readingTime.minutes && all.text.length > 2.5 * first.text.length);
});

test('the Markdown export keeps the divider as a rule and a heading; the text export as a heading line', async () => {
  const { all, doc } = await merged('zh-hans/a8823.shtml');
  const md = toMarkdown(all, doc);
  assert.ok(ascending(positions(md, ['航运公司最终决定', '---', '## 第 2 页', '停航的消息传开后', '## 第 3 页', '根据规划'])));
  assert.match(md, /\n---\n\n## 第 2 页\n\n停航的消息传开后/);
  const text = toText(all);
  assert.match(text, /航运公司最终决定在本月底停航。\n\n第 2 页\n\n停航的消息传开后/);
  assert.ok(ascending(positions(text, HANS)));
});

test('zh-Hant gets 第 2 頁, English "Page 2"; the English pager inside the article body is taken out of every page', async () => {
  const hant = await merged('zh-hant/story-5521.html');
  assert.ok(ascending(positions(hant.all.html, ['清晨五點半', '第 2 頁', '住在山腳下', '第 3 頁', '軟體工程師'])));
  const en = await merged('en/harbor-lights.html');
  assert.ok(en.first.html.includes('Next page'), 'Readability kept the pager: there is something to take out');
  assert.ok(
    ascending(
      positions(en.all.html, [
        'The lanterns went up',
        '<h2>Page 2</h2>',
        'This year the lanterns',
        '<h2>Page 3</h2>',
        'paper whale will hang',
      ]),
    ),
  );
  assert.ok(!/Next page|Previous page|Page \d of 3/.test(en.all.html), en.all.html);
  assert.ok(en.all.html.includes('set afloat'));
});

test("pageLabel by the article's language", () => {
  assert.equal(pageLabel(2, 'zh-CN'), '第 2 页');
  assert.equal(pageLabel(2, 'zh'), '第 2 页');
  assert.equal(pageLabel(3, 'zh-TW'), '第 3 頁');
  assert.equal(pageLabel(3, 'zh-Hant-HK'), '第 3 頁');
  assert.equal(pageLabel(2, 'en-GB'), 'Page 2');
  assert.equal(pageLabel(2, null), 'Page 2');
});

test('removePagers takes out the pager and its box, and leaves a paragraph that mentions pages and links elsewhere', () => {
  const url = 'https://s.cn/a/100.shtml';
  const { doc } = load(
    `<body><div><p>正文第一段，讲的是码头的故事。</p>
    <p><a href="https://s.cn/a/100.shtml">1</a> <a href="https://s.cn/a/100_2.shtml">2</a> <a href="https://s.cn/a/100_2.shtml">下一页</a> 共2页</p>
    <p>下一页的内容请见<a href="https://s.cn/a/100_2.shtml">第2页</a>，记者还采访了船长和几位老乘客，他们讲了很多过去的故事。</p>
    <p><a href="https://s.cn/b/7.shtml">2</a> 是另一篇文章的链接。</p></div></body>`,
    url,
  );
  removePagers(doc.body, url, [url, 'https://s.cn/a/100_2.shtml']);
  const text = doc.body.textContent!;
  assert.ok(!text.includes('共2页'));
  assert.ok(text.includes('正文第一段') && text.includes('记者还采访了船长') && text.includes('是另一篇文章的链接'));
});

test('removals and rule counts of every page are kept', async () => {
  const { first, all } = await merged('zh-hans/a8823.shtml');
  const perPage = first.removed.length;
  assert.ok(perPage > 0, 'the related box is removed on each page');
  assert.equal(all.removed.length, 3 * perPage);
  const rule = all.rules.find(r => r.id === first.removed[0]!.ruleId)!;
  assert.equal(rule.removed, 3 * first.rules.find(r => r.id === rule.id)!.removed);
});

test("a headline the site prints on every page is shown once: the held-out site's <h1> of pages 2 and 3 is dropped, their paragraphs stay", async () => {
  const { all } = await merged('heldout/n4410.html');
  // Page 1's copy may go too: a Han headline repeated as the body's first line is dropped (meta/title-line.ts).
  assert.ok(all.text.split('凌晨四点的城西菜市场').length - 1 <= 1, all.text);
  assert.ok(!all.text.slice(all.text.indexOf('第 2 页')).includes('凌晨四点的城西菜市场'), 'pages 2 and 3 carry no headline');
  assert.ok(
    ascending(
      positions(all.text, ['清晨四点', '第 2 页', '线上订单多了', '不过，也有上了年纪', '第 3 页', '市场的改造', '新的一天又开始了']),
    ),
  );
  assert.ok(!all.text.includes('下一篇') && !all.text.includes('下一页') && !all.text.includes('共3页'));
});
