/** The rule format: validation names the rule and field; bad rules are skipped, good ones run. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRules, selectorCheck, bundledRules, rulesForUrl, hostInSite, formatRuleError } from '../../src/core/rules/index';
import { isRegistrableSite as isValidSite } from '../../src/core/rules/psl';
import bundledFile from '../../src/core/site-rules.json';
import { cleanHtml, contains, load, page, ZH_PARAS, linkList } from '../helpers/core';

const check = selectorCheck(load('<p>x</p>').doc);
const good = { id: 'ok-rule', title: 'OK', sites: ['*'], remove: ['.ad'] };

test('the bundled rule file passes the full check (selectors, Public Suffix List) and has the three feed rules', () => {
  const parsed = parseRules(bundledFile, 'site-rules.json', check, isValidSite);
  assert.deepEqual(parsed.errors, []);
  const { rules, errors } = bundledRules();
  // The page uses the file without parsing it (src/core/rules/index.ts): parsing must change nothing.
  assert.deepEqual(rules, parsed.rules);
  assert.deepEqual(errors, []);
  for (const id of ['feed-popular', 'feed-related', 'feed-for-you'])
    assert.ok(
      rules.some(r => r.id === id),
      id,
    );
  const labels = rules.flatMap(r => r.labels ?? []);
  for (const l of [
    '大家都在看',
    '热门阅读',
    '相关文章',
    '猜你喜欢',
    '相关推荐',
    '为你推荐',
    '推荐阅读',
    '热点推荐',
    '熱門閱讀',
    '相關文章',
    '猜你喜歡',
    '相關推薦',
    '為你推薦',
    '推薦閱讀',
    '熱點推薦',
    'You may also like',
    'Trending',
    'Most read',
    'Related articles',
    'Recommended for you',
  ])
    assert.ok(labels.includes(l), l);
});

test('malformed JSON, wrong version and non-list rules are file errors', () => {
  assert.match(parseRules('{"version":1,', 'f.json').errors[0]!.message, /not valid JSON/);
  assert.match(parseRules({ version: 2, rules: [] }, 'f.json').errors[0]!.message, /unsupported version/);
  assert.match(parseRules({ version: 1, rules: {} }, 'f.json').errors[0]!.message, /must be a list/);
  assert.equal(parseRules('[]', 'f.json').errors[0]!.ruleId, '(file)');
});

test('each bad rule is reported with its id and field, and the valid rules survive', () => {
  const { rules, errors } = parseRules(
    {
      version: 1,
      rules: [
        good,
        { id: 'bad-selector', title: 'x', sites: ['*'], remove: ['div[[['] },
        { id: 'bad-types', title: 5, sites: 'all', labels: [1] },
        { id: 'bad-site', title: 'x', sites: ['com.cn'], labels: ['热门'] },
        { id: 'empty-label', title: 'x', sites: ['*'], labels: [''] },
        { id: 'long-label', title: 'x', sites: ['*'], labels: ['长'.repeat(500)] },
        { id: 'unknown-field', title: 'x', sites: ['*'], labels: ['热门'], script: 'alert(1)' },
        { id: 'ok-rule', title: 'dup', sites: ['*'], labels: ['x'] },
        { title: 'no id', sites: ['*'], labels: ['x'] },
        'not an object',
      ],
    },
    'user.json',
    check,
    isValidSite,
  );
  assert.deepEqual(
    rules.map(r => r.id),
    ['ok-rule'],
  );
  const at = (id: string) => errors.filter(e => e.ruleId === id).map(e => e.field);
  assert.deepEqual(at('bad-selector'), ['remove[0]']);
  assert.deepEqual(at('bad-types').sort(), ['labels', 'sites', 'title']);
  assert.deepEqual(at('bad-site'), ['sites[0]']);
  assert.deepEqual(at('empty-label'), ['labels[0]']);
  assert.deepEqual(at('long-label'), ['labels[0]']);
  assert.deepEqual(at('unknown-field'), ['script']);
  assert.deepEqual(at('ok-rule'), ['id']);
  assert.deepEqual(at('#8'), ['id']);
  assert.deepEqual(at('#9'), ['']);
  assert.equal(
    formatRuleError(errors.find(e => e.ruleId === 'bad-selector')!).startsWith(
      'user.json: rule bad-selector, field remove[0]: invalid CSS selector',
    ),
    true,
  );
});

test('10,000 rules parse quickly; more are refused as a file error', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `r-${i}`, title: `R ${i}`, sites: ['example.com'], remove: [`.ad-${i}`] }));
  const t0 = performance.now();
  const { rules, errors } = parseRules({ version: 1, rules: many }, 'many.json', check);
  const ms = performance.now() - t0;
  assert.equal(rules.length, 10_000);
  assert.equal(errors.length, 0);
  assert.ok(ms < 5000, `parse took ${ms} ms`);
  assert.match(parseRules({ version: 1, rules: [...many, good] }, 'x').errors[0]!.message, /at most 10000/);
});

test('sites match by registrable domain through the Public Suffix List', () => {
  assert.ok(hostInSite('news.sina.com.cn', 'sina.com.cn'));
  assert.ok(!isValidSite('com.cn'));
  assert.ok(!isValidSite('github.io'));
  assert.ok(isValidSite('sina.com.cn') && isValidSite('*.163.com') && isValidSite('news.sina.com.cn') && isValidSite('*'));
  assert.ok(hostInSite('money.163.com', '*.163.com'));
  assert.ok(!hostInSite('not163.com', '163.com'));
  const rules = [
    { id: 'a', title: 'a', sites: ['163.com'], remove: ['x'] },
    { id: 'b', title: 'b', sites: ['*'], remove: ['y'] },
  ];
  assert.deepEqual(
    rulesForUrl(rules, 'https://money.163.com/15/1.html').map(r => r.id),
    ['a', 'b'],
  );
  assert.deepEqual(
    rulesForUrl(rules, 'https://www.sina.com.cn/').map(r => r.id),
    ['b'],
  );
  assert.deepEqual(
    rulesForUrl(rules, 'file:///tmp/a.html').map(r => r.id),
    ['b'],
  );
});

test('a user rule with a selector removes its block and is reported; a site rule does not fire elsewhere', () => {
  const html = page({
    lang: 'zh-CN',
    paras: ZH_PARAS,
    inside: '<div class="promo-box">限时优惠，点击领取红包，仅限今天，机会难得不要错过。</div>',
    at: 2,
  });
  const userRules = [{ id: 'promo', title: 'Promo', sites: ['example.com'], remove: ['.promo-box'] }];
  const a = cleanHtml(html, { url: 'https://www.example.com/a.html', userRules });
  assert.ok(!contains(a.text, '限时优惠'));
  assert.deepEqual(
    a.removed.map(r => [r.ruleId, r.reason]),
    [['promo', 'selector .promo-box']],
  );
  const b = cleanHtml(html, { url: 'https://other.org/a.html', userRules });
  assert.ok(contains(b.text, '限时优惠'));
  assert.ok(!b.rules.some(r => r.id === 'promo'));
});

test('a content selector narrows the page to the article body', () => {
  const html = page({ lang: 'zh-CN', paras: ZH_PARAS, after: `<div id="gallery"><p>${'图集说明文字，'.repeat(60)}</p></div>` });
  const rules = [{ id: 'body', title: 'Body', sites: ['example.com'], content: 'article' }];
  const a = cleanHtml(html, { url: 'https://example.com/x', rules });
  assert.ok(!contains(a.text, '图集说明文字'));
  assert.ok(contains(a.text, ZH_PARAS[0]!));
});

test('labels from a user rule work alongside the bundled ones', () => {
  const html = page({ lang: 'ja', paras: ZH_PARAS, inside: linkList('おすすめ記事', ['記事その一', '記事その二', '記事その三']) });
  assert.ok(contains(cleanHtml(html).text, '記事その一'));
  const a = cleanHtml(html, { userRules: [{ id: 'ja-recs', title: 'JA', sites: ['*'], labels: ['おすすめ記事'] }] });
  assert.ok(!contains(a.text, '記事その一'));
});
