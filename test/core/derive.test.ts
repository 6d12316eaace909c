/** Deriving a person's rule from blocks removed in the reader, on two pages of one site template (test/e2e/pages/chenbao). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { clean, extract, settle } from '../../src/core/pipeline/index';
import { deriveRule, type Pick, type Probe } from '../../src/core/derive/derive';
import { articleMarks } from '../../src/core/derive/probe-marks';
import { parseRules, selectorCheck, type Rule } from '../../src/core/rules/index';
import { isRegistrableSite } from '../../src/core/rules/psl';
import { isStableToken } from '../../src/core/derive/stable-token';
import { blocksView } from '../../src/popup/blocks';

const DIR = path.resolve(import.meta.dirname, '../e2e/pages/chenbao');
const URL_A = 'http://127.0.0.1:8080/chenbao/a.html';
const URL_B = 'http://127.0.0.1:8080/chenbao/b.html';
const load = (f: string, url: string) => new JSDOM(fs.readFileSync(path.join(DIR, f), 'utf8'), { url }).window.document;
const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** The marked article as the popup shows it in remove-blocks mode: the page half, then the article stage. */
function markedArticle(doc: Document, url: string, userRules: Rule[]): string {
  const opts = { url, userRules, marks: true };
  return settle(extract(doc, opts), opts, {
    window: doc.defaultView!,
    askPlain: () => ({ extracted: extract(doc, { ...opts, plain: true }) }),
  }).html;
}

/** What the popup does: the marked article, its blocks, and a probe that runs the page half with one more rule. */
function setup(doc: Document, url: string, userRules: Rule[] = []) {
  const html = markedArticle(doc, url, userRules);
  const parse = (h: string) => new doc.defaultView!.DOMParser().parseFromString(h, 'text/html');
  const view = blocksView(html, parse);
  const probe: Probe = extra => {
    try {
      return articleMarks(markedArticle(doc, url, [...userRules, extra]), parse);
    } catch {
      return null;
    }
  };
  const baseline = articleMarks(html, parse);
  const pick = (needle: string, exact = false): Pick => {
    const b = view.blocks.find(x => x.text.includes(needle));
    assert.ok(b, `a block holds “${needle}”: ${view.blocks.map(x => x.text.slice(0, 12)).join(' | ')}`);
    return { top: b.top, marks: b.marks, exact };
  };
  return { view, probe, baseline, pick };
}

const head = { id: 'mine-chenbao', title: 'Mine', sites: ['127.0.0.1'] };
const paragraphs = (doc: Document) =>
  [...doc.querySelectorAll('.news-body > p:not(.article-source):not(.app-promo)')].map(p => squeeze(p.textContent!));

test('a promo strip without a heading and a source line get stable selectors that clean page B too', () => {
  const a = load('a.html', URL_A);
  const before = a.documentElement.outerHTML;
  const s = setup(a, URL_A);
  const d = deriveRule({
    body: a.body,
    picks: [s.pick('打开城市晨报App'), s.pick('老街口栏目组出品')],
    baseline: s.baseline,
    probe: s.probe,
    head,
  });
  assert.deepEqual(
    d.outcomes.map(o => o.ok && o.kind),
    ['selector', 'selector'],
  );
  assert.ok(d.verified);
  const remove = d.rule!.remove!;
  console.log('# derived', JSON.stringify(d.rule));
  for (const sel of remove) assert.doesNotMatch(sel, /css-|nth-|\d/, `no hashed, numbered or positional part in ${sel}`);
  assert.equal(a.documentElement.outerHTML, before, 'the live page is unchanged');
  // The saved rule goes through the core's own parser, as the CLI's --rules and the settings read it.
  const parsed = parseRules({ version: 1, rules: [d.rule] }, 'derived', selectorCheck(a), isRegistrableSite);
  assert.deepEqual(parsed.errors, []);
  const b = load('b.html', URL_B);
  const out = clean(b, { url: URL_B, userRules: parsed.rules });
  const text = squeeze(out.text);
  assert.ok(!text.includes('下载城市晨报App'), 'B has no promo strip');
  assert.ok(!text.includes('栏目组出品'), 'B has no source line');
  for (const p of paragraphs(b)) assert.ok(text.includes(p), `B keeps “${p.slice(0, 12)}”`);
});

test('a labelled module is described by its heading label', () => {
  const a = load('a.html', URL_A);
  const s = setup(a, URL_A);
  const d = deriveRule({ body: a.body, picks: [s.pick('编辑精选')], baseline: s.baseline, probe: s.probe, head });
  assert.deepEqual(d.outcomes, [{ ok: true, kind: 'label', description: ['编辑精选'] }]);
  const b = load('b.html', URL_B);
  const text = squeeze(clean(b, { url: URL_B, userRules: [d.rule!] }).text);
  assert.ok(!text.includes('凌晨四点的早点铺'));
  for (const p of paragraphs(b)) assert.ok(text.includes(p));
});

test('a real paragraph is refused with its reason; as exact text it goes on A and B loses nothing', () => {
  const a = load('a.html', URL_A);
  const s = setup(a, URL_A);
  const para = '早上七点半，老街口那间不到六平方米的修表铺';
  const refused = deriveRule({ body: a.body, picks: [s.pick(para)], baseline: s.baseline, probe: s.probe, head });
  assert.equal(refused.rule, null);
  const o = refused.outcomes[0]!;
  assert.ok(!o.ok && o.refusal.code === 'takes-article', JSON.stringify(o));
  assert.ok(!o.ok && o.refusal.code === 'takes-article' && o.refusal.share > 0.3, JSON.stringify(o));
  const d = deriveRule({ body: a.body, picks: [s.pick(para, true)], baseline: s.baseline, probe: s.probe, head });
  assert.equal(d.outcomes[0]!.ok && d.outcomes[0]!.kind, 'text');
  assert.ok(d.verified);
  const onA = squeeze(clean(load('a.html', URL_A), { url: URL_A, userRules: [d.rule!] }).text);
  assert.ok(!onA.includes(squeeze('像对待一位老朋友')));
  const b = load('b.html', URL_B);
  const text = squeeze(clean(b, { url: URL_B, userRules: [d.rule!] }).text);
  for (const p of paragraphs(b)) assert.ok(text.includes(p), `B keeps “${p.slice(0, 12)}”`);
});

test('a text-only <div> tail line is a block of its own; its rule removes it on page B, the text and the rest stay', () => {
  const TAIL = '城市晨报 · 城事版';
  const a = load('a.html', URL_A);
  const s = setup(a, URL_A);
  const d = deriveRule({ body: a.body, picks: [s.pick(TAIL)], baseline: s.baseline, probe: s.probe, head });
  assert.ok(d.outcomes[0]!.ok, JSON.stringify(d.outcomes));
  assert.ok(d.verified);
  // Marks change nothing else: the marked article's text is the unmarked one's.
  const plain = squeeze(clean(load('a.html', URL_A), { url: URL_A }).text);
  assert.ok(plain.includes(squeeze(TAIL)), 'the tail line is part of the article');
  const b = load('b.html', URL_B);
  const text = squeeze(clean(b, { url: URL_B, userRules: [d.rule!] }).text);
  assert.ok(!text.includes(squeeze(TAIL)), 'B has no tail line');
  for (const p of paragraphs(b)) assert.ok(text.includes(p), `B keeps “${p.slice(0, 12)}”`);
});

test('a block holding more than 30% of the article is refused as too big', () => {
  const doc = new JSDOM(
    `<body><div class="story"><p class="lede">${'第一段很长的正文内容，讲的是一件事情。'.repeat(30)}</p><p>${'第二段。'.repeat(20)}</p><p>${'第三段。'.repeat(20)}</p></div></body>`,
    { url: URL_A },
  ).window.document;
  const s = setup(doc, URL_A);
  const d = deriveRule({ body: doc.body, picks: [s.pick('第一段')], baseline: s.baseline, probe: s.probe, head });
  const o = d.outcomes[0]!;
  assert.ok(!o.ok && o.refusal.code === 'too-big' && o.refusal.share > 0.3, JSON.stringify(o));
});

test('generated and numbered names are not stable', () => {
  for (const t of ['css-8fj2k1', 'sc-bdVaJa', 'Card_title__3xY7a', 'post-12345', 'item-3', 'col2', 'a1b2c3d4'])
    assert.equal(isStableToken(t), false, t);
  for (const t of ['app-promo', 'article-source', 'newsBody', 'editor-picks', 'mainArticleBody']) assert.equal(isStableToken(t), true, t);
});
