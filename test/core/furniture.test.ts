/** Label words, furniture lines and edge menus (issue 9): the new rule fields, what they take and what they leave. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHtml, contains, page, ZH_PARAS, EN_PARAS, linkList } from '../helpers/core';
import { parseRules, formatRuleError } from '../../src/core/rules/index';
import { isRegistrableSite } from '../../src/core/rules/psl';
import { countSentences, hasSentence } from '../../src/core/text/chars';
import { linkShare, measure } from '../../src/core/text/shape';
import { SKIPPED_TAGS } from '../../src/core/text/walk';
import { load } from '../helpers/core';

const TITLES = ['城市更新的十个故事，从老街说起', '一座桥的一百四十年：修旧如旧的代价', '地铁新线开通后，通勤时间变了多少'];

test('labelWords, lines and menus parse; a bad value is reported with the rule id and field', () => {
  const ok = parseRules(
    { version: 1, rules: [{ id: 'w', title: 'W', sites: ['example.com'], labelWords: ['推荐'], lines: ['分享到：'], menus: true }] },
    'user.json',
    undefined,
    isRegistrableSite,
  );
  assert.deepEqual(ok.errors, []);
  assert.equal(ok.rules.length, 1);
  const bad = parseRules(
    {
      version: 1,
      rules: [
        { id: 'a', title: 'A', sites: ['*'], labelWords: '推荐' },
        { id: 'b', title: 'B', sites: ['*'], lines: ['', 'x'.repeat(81)] },
        { id: 'c', title: 'C', sites: ['*'], menus: 'yes' },
        { id: 'd', title: 'D', sites: ['*'], menus: false },
      ],
    },
    'user.json',
  );
  const msgs = bad.errors.map(formatRuleError);
  assert.ok(
    msgs.some(m => m.startsWith('user.json: rule a, field labelWords:')),
    msgs.join('\n'),
  );
  assert.ok(
    msgs.some(m => m.startsWith('user.json: rule b, field lines[0]:')),
    msgs.join('\n'),
  );
  assert.ok(
    msgs.some(m => m.startsWith('user.json: rule b, field lines[1]:') && m.includes('at most 80')),
    msgs.join('\n'),
  );
  assert.ok(
    msgs.some(m => m.startsWith('user.json: rule c, field menus:')),
    msgs.join('\n'),
  );
  assert.ok(
    msgs.some(m => m.startsWith('user.json: rule d:') && m.includes('needs at least one')),
    msgs.join('\n'),
  ); // menus: false does nothing
  assert.equal(bad.rules.length, 0);
});

test('a heading that holds a label word heads a link list; over prose, or as a long heading, it stays', () => {
  const gone = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: linkList('延伸 · 推荐', TITLES), at: 3 }));
  for (const t of TITLES) assert.ok(!contains(gone.text, t), t);
  assert.deepEqual(
    gone.removed.map(r => [r.ruleId, r.reason]),
    [['feed-related', 'heading with “延伸”']],
  );
  // The same words over prose, or in a heading that is a sentence, are the article's.
  const prose = `<h3>编辑推荐</h3><p>${ZH_PARAS[1]}</p>`;
  const kept = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: prose, at: 2 }));
  assert.ok(contains(kept.text, '编辑推荐'));
  const long = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: linkList('为什么算法推荐总让我们看到同样的新闻', TITLES), at: 3 }));
  assert.ok(contains(long.text, '为什么算法推荐总让我们看到同样的新闻'));
});

test('furniture lines go; an article sentence with the same words stays; the rule can be switched off', () => {
  const inside = '<p>分享到：<a href="#">微信</a> <a href="#">微博</a></p><p>扫描下方二维码，关注我们。</p><p>返回顶部</p>';
  const decoy = '<p>用户可以在应用内点击按钮，把截图分享到朋友圈，这个功能上线三个月后，使用率已经超过六成。</p>';
  const html = page({ lang: 'zh-CN', paras: [...ZH_PARAS.slice(0, 4), decoy.slice(3, -4), ...ZH_PARAS.slice(4)], inside, at: 6 });
  const a = cleanHtml(html);
  for (const t of ['分享到：', '扫描下方二维码', '返回顶部']) assert.ok(!contains(a.text, t), t);
  assert.ok(contains(a.text, '把截图分享到朋友圈，这个功能上线三个月后，使用率已经超过六成。'));
  assert.ok(a.removed.filter(r => r.ruleId === 'page-furniture').every(r => r.reason.startsWith('line “')));
  const off = cleanHtml(html, { disabled: ['page-furniture'] });
  assert.ok(contains(off.text, '扫描下方二维码'));
  assert.equal(off.removed.filter(r => r.ruleId === 'page-furniture').length, 0);
});

test("a menu at the article's edge goes; the same short links in the middle stay", () => {
  const menu = '<p><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sports">Sports</a> | <a href="/opinion">Opinion</a></p>';
  const edge = cleanHtml(page({ lang: 'en', paras: EN_PARAS, inside: menu, at: EN_PARAS.length }));
  assert.ok(!contains(edge.text, 'Opinion'));
  assert.deepEqual(
    edge.removed.map(r => r.ruleId),
    ['page-menus'],
  );
  const middle = cleanHtml(page({ lang: 'en', paras: EN_PARAS, inside: menu, at: 2 }));
  assert.ok(contains(middle.text, 'Opinion'));
  assert.ok(
    contains(cleanHtml(page({ lang: 'en', paras: EN_PARAS, inside: menu, at: EN_PARAS.length }), { noRules: true }).text, 'Opinion'),
  );
});

test('measures: one sentence test, one link share, one skipped-tag list', () => {
  assert.equal(countSentences('第一句。第二句！Is it? Yes; the end.'), 5);
  assert.equal(hasSentence('U.S. 3. 首页 资讯'), false);
  const { doc } = load('<div id="x">ab<a href="/">cd</a><noscript>hidden text</noscript></div>');
  assert.equal(linkShare(measure([doc.getElementById('x')!])), 0.5);
  for (const t of ['script', 'style', 'noscript', 'template']) assert.ok(SKIPPED_TAGS.has(t), t);
});

test("a site's own headline list at the foot goes; a closing list of sources on other sites stays", () => {
  const list = (host: string) => `<p><b>观察</b></p>${TITLES.map((t, i) => `<p><a href="${host}/obs/${i}.html">${t}</a></p>`).join('')}`;
  const own = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: list('') }), { url: 'https://news.example.com/a/1.html' });
  for (const t of TITLES) assert.ok(!contains(own.text, t), t);
  assert.deepEqual(
    own.removed.map(r => [r.ruleId, r.reason]),
    [['feed-related', "headline list of 3 links at the article's foot"]],
  );
  const sources = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: list('https://other-site.example.org') }), {
    url: 'https://news.example.com/a/1.html',
  });
  for (const t of TITLES) assert.ok(contains(sources.text, t), t);
  const off = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: list('') }), {
    url: 'https://news.example.com/a/1.html',
    disabled: ['feed-related'],
  });
  assert.ok(contains(off.text, TITLES[0]!));
});
