/**
 * Broken and hostile rule files, beyond test/core/rules.test.ts: each error names the rule id and the field,
 * the valid rules keep working, stored user rules cannot break or stall a page, and nothing is regex.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, NoArticleError } from '../../src/core/pipeline/index.ts';
import { formatRuleError, LIMITS, parseRules, selectorCheck, type Rule } from '../../src/core/rules/index.ts';
import { LabelSet } from '../../src/core/removals/labels.ts';
import { loadSettings, validateUserRules, type QuarantinedRule } from '../../src/settings/index.ts';
import { contains, EN_PARAS, linkList, load, page } from '../helpers/core.ts';
import { prototypePolluted } from './hostile-lib.ts';

const URL_ = 'https://news.example.com/a/1.html';
const check = selectorCheck(load('<p>x</p>').doc);
const good = { id: 'my-ads', title: 'My ads', sites: ['*'], remove: ['.my-ad'] };
const goodLabel = { id: 'my-label', title: 'My label', sites: ['*'], labels: ['Sponsored picks'] };
/** A page with one block for each good rule, so "the valid rules keep working" is something we can see. */
const html = page({
  paras: EN_PARAS,
  inside: `<div class="my-ad">BUY CHEAP WIDGETS NOW</div>${linkList('Sponsored picks', ['Ten gadgets', 'Five phones', 'Nine lamps'])}`,
  at: 2,
});

function cleanWith(rules: readonly Rule[], userRules: readonly Rule[] = []) {
  const { doc } = load(html, URL_);
  return clean(doc, { url: URL_, rules, userRules });
}

test('broken rule files: truncated, empty, BOM-less garbage, null rules, a rule that is a list: one file error each, no throw', () => {
  for (const text of [
    '',
    '{',
    '{"version":1,"rules":[{"id":"a",}]}',
    'null',
    '"rules"',
    '{"version":"1","rules":[]}',
    '{"version":1,"rules":null}',
    '\u0000',
  ]) {
    const r = parseRules(text, 'broken.json', check);
    assert.equal(r.rules.length, 0, text);
    assert.equal(r.errors.length, 1, text);
    assert.equal(r.errors[0]!.ruleId, '(file)');
    assert.match(formatRuleError(r.errors[0]!), /^broken\.json: rule \(file\): /);
  }
  const listRule = parseRules({ version: 1, rules: [[good], good] }, 'f.json', check);
  assert.deepEqual(
    listRule.rules.map(r => r.id),
    ['my-ads'],
  );
  assert.deepEqual(
    listRule.errors.map(e => [e.ruleId, e.field]),
    [['#0', '']],
  );
});

test('wrong types, unknown fields, bad selectors, empty and absurd labels: every error names rule id and field; the good rules still clean', () => {
  const file = JSON.stringify({
    version: 1,
    rules: [
      good,
      { id: 'types', title: 'T', sites: ['*'], remove: '.ad', labels: [null], content: 5, evidence: {} },
      { id: 'sites-num', title: 'S', sites: [5], remove: ['.x'] },
      {
        id: 'selectors',
        title: 'Sel',
        sites: ['*'],
        remove: ['.ok', 'div >', 'a:::b', 'a'.repeat(LIMITS.selectorLength + 1)],
        content: '##',
      },
      { id: 'labels', title: 'L', sites: ['*'], labels: ['   ', '热'.repeat(10_000), 'fine label'] },
      { id: 'long-title', title: 'x'.repeat(10_000), sites: ['*'], labels: ['x'] },
      { id: 'UPPER', title: 'u', sites: ['*'], labels: ['x'] },
      { id: 'many-selectors', title: 'm', sites: ['*'], remove: Array.from({ length: LIMITS.selectors + 1 }, (_, i) => `.s${i}`) },
      { id: 'regex', title: 'r', sites: ['*'], pattern: '(a+)+$', labels: ['x'] },
      goodLabel,
      { ...good, title: 'duplicate' },
    ],
  });
  const { rules, errors } = parseRules(file, 'mine.json', check);
  assert.deepEqual(
    rules.map(r => r.id),
    ['my-ads', 'my-label'],
  );
  const fields = (id: string) =>
    errors
      .filter(e => e.ruleId === id)
      .map(e => e.field)
      .sort();
  assert.deepEqual(fields('types'), ['content', 'evidence', 'labels', 'remove']);
  assert.deepEqual(fields('sites-num'), ['sites']);
  assert.deepEqual(fields('selectors'), ['content', 'remove[1]', 'remove[2]', 'remove[3]']);
  assert.deepEqual(fields('labels'), ['labels[0]', 'labels[1]']);
  assert.deepEqual(fields('long-title'), ['title']);
  assert.deepEqual(fields('UPPER'), ['id']);
  assert.deepEqual(fields('many-selectors'), ['remove']);
  assert.deepEqual(fields('regex'), ['pattern'], 'a "pattern" field is unknown: rules have no regular expressions');
  assert.deepEqual(fields('my-ads'), ['id'], 'the duplicate is reported under its id; the first is kept');
  for (const e of errors) {
    const line = formatRuleError(e);
    assert.ok(line.includes(`rule ${e.ruleId}`) && (!e.field || line.includes(`field ${e.field}`)), line);
    assert.ok(line.length < 800, `the message stays readable (${line.length} chars): absurd input is not echoed whole`);
  }
  const a = cleanWith(rules);
  assert.ok(!a.text.includes('BUY CHEAP WIDGETS') && !a.text.includes('Ten gadgets'), 'both valid rules still remove their blocks');
  assert.deepEqual(a.removed.map(r => r.ruleId).sort(), ['my-ads', 'my-label']);
});

test('a rule file with __proto__ and constructor keys pollutes nothing and reports them as unknown fields', () => {
  const text =
    '{"version":1,"__proto__":{"polluted":1},"rules":[{"id":"p","title":"P","sites":["*"],"labels":["x"],"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}]}';
  const { rules, errors } = parseRules(text, 'proto.json', check);
  assert.deepEqual(rules, []);
  assert.deepEqual(errors.map(e => e.field).sort(), ['__proto__', 'constructor']);
  const quarantine: QuarantinedRule[] = [];
  const kept = validateUserRules(JSON.parse(text).rules, [], quarantine);
  assert.deepEqual(kept, [], 'a stored copy is held to the same rule: set aside, not used');
  assert.equal(quarantine.length, 1);
  assert.deepEqual(prototypePolluted(), []);
});

test('10,000 rules are the limit (10,001 is one file error); at the limit, with labels, they parse and clean in bounded time', () => {
  const many = Array.from({ length: LIMITS.rules }, (_, i) => ({
    id: `r-${i}`,
    title: `R ${i}`,
    sites: ['*'],
    labels: [`label number ${i}`],
  }));
  assert.match(parseRules({ version: 1, rules: [...many, good] }, 'f.json').errors[0]!.message, /10001 rules; at most 10000/);
  let t0 = performance.now();
  const { rules, errors } = parseRules({ version: 1, rules: [...many.slice(1), good] }, 'f.json', check);
  const parseMs = performance.now() - t0;
  assert.equal(errors.length, 0);
  t0 = performance.now();
  const a = cleanWith(rules);
  console.log(
    `# 10,000 rules (9,999 label rules + 1 selector rule): parse ${parseMs.toFixed(0)} ms, clean ${(performance.now() - t0).toFixed(0)} ms (jsdom)`,
  );
  assert.ok(!a.text.includes('BUY CHEAP WIDGETS'));
});

test('no regular expressions in rules: labels are literal strings, selectors are CSS; a pathological selector list stays bounded', () => {
  // Why it cannot hang: a label is compared as a normalized literal (Map/Set lookups), and a selector runs
  // in the DOM's own selector engine, linear in (selectors × elements); limits cap both (parse.ts LIMITS).
  const evil = (i: number, j: number) => `div:not(:has(~ p:nth-last-of-type(${j + 1}n+${i % 7}) *)) :is(p, li, a) ~ * > .x${i}-${j}`;
  const n = 60;
  const rules = Array.from({ length: n }, (_, i) => ({
    id: `evil-${i}`,
    title: 'E',
    sites: ['*'],
    remove: Array.from({ length: LIMITS.selectors }, (_, j) => evil(i, j)),
  }));
  let t0 = performance.now();
  const parsed = parseRules({ version: 1, rules }, 'evil.json', check);
  const parseMs = performance.now() - t0;
  assert.equal(parsed.rules.length, n);
  t0 = performance.now();
  const a = cleanWith(parsed.rules);
  const cleanMs = performance.now() - t0;
  const per = cleanMs / (n * LIMITS.selectors);
  console.log(
    `# ${n} rules × ${LIMITS.selectors} pathological selectors: parse ${parseMs.toFixed(0)} ms, clean ${cleanMs.toFixed(0)} ms ` +
      `(jsdom, ${(per * 1000).toFixed(0)} µs per selector; linear, so 10,000 × 200 would be ≈ ${((per * 2e6) / 1000).toFixed(0)} s in jsdom)`,
  );
  assert.ok(contains(a.text, EN_PARAS[0]!));
  // Labels: the worst text for a literal matcher is one long run of a label's characters; it is skipped by length.
  const set = new LabelSet([{ label: 'a'.repeat(LIMITS.labelLength), ruleId: 'a' }]);
  t0 = performance.now();
  for (let i = 0; i < 10_000; i++) set.couldBePart('a'.repeat(i % 200) + 'b');
  console.log(`# 10,000 adversarial label probes: ${(performance.now() - t0).toFixed(0)} ms`);
});

test('a stored user rule with a 3,000-character label cannot stall the page: it is set aside, and LabelSet ignores over-long labels anyway', () => {
  // Before the fix, LabelSet indexed every substring of every label: 4.5 million strings for this one.
  const stored = validateUserRules([{ id: 'huge-label', title: 'H', sites: ['*'], labels: ['广告'.repeat(1500)] }, goodLabel], []);
  assert.deepEqual(
    stored.map(r => r.id),
    [goodLabel.id],
    'stored rules go through parse.ts checkRule: its label limit applies',
  );
  assert.equal(new LabelSet([{ label: '广告'.repeat(1500), ruleId: 'huge-label' }]).size, 0);
  const t0 = performance.now();
  const a = cleanWith([], stored);
  console.log(`# a stored 3,000-character label: clean ${(performance.now() - t0).toFixed(0)} ms`);
  assert.ok(!a.text.includes('Ten gadgets'), 'the good stored rule still works');
});

test('stored user rules with an invalid remove selector: the page still cleans, the good rules still work', () => {
  const stored = validateUserRules([{ id: 'bad-sel', title: 'B', sites: ['*'], remove: ['div[[[', '.my-ad'] }, goodLabel], []);
  const a = cleanWith([], stored);
  assert.ok(!a.text.includes('BUY CHEAP WIDGETS') && !a.text.includes('Ten gadgets'));
});

test('stored user rules with an invalid content selector: the page still cleans (the rule is skipped)', () => {
  const stored = validateUserRules([{ id: 'bad-content', title: 'B', sites: ['*'], content: '##' }], []);
  assert.equal(stored.length, 1, 'the settings layer keeps it');
  const a = cleanWith([], stored);
  assert.ok(a.text.length > 100, 'an article');
});

test('importing a broken user rule file changes nothing stored (settings layer: there is no import UI yet)', () => {
  // What an importer has: the stored items, and a file. It must validate the whole file before writing.
  const stored = { schemaVersion: 1, sites: { 'news.example.com': { rules: { 'feed-popular': false } } }, userRules: [good] };
  const before = JSON.stringify(stored);
  const imported = parseRules('{"version":1,"rules":[{"id":"x","title":"X","sites":["*"],"remove":["div >"]}]}', 'import.json', check);
  assert.equal(imported.rules.length, 0);
  assert.equal(imported.errors[0]!.field, 'remove[0]');
  const errors: string[] = [];
  const setAside: QuarantinedRule[] = [];
  validateUserRules([{ id: 'Bad Id' }, 'x', null], errors, setAside);
  assert.equal(setAside.length, 3, 'each bad rule is set aside with its errors');
  assert.ok(errors.length >= 3);
  assert.equal(JSON.stringify(stored), before, 'validation does not touch what is stored');
  const loaded = loadSettings(stored);
  assert.deepEqual(loaded.errors, []);
  assert.deepEqual(loaded.settings.userRules, [good]);
  assert.deepEqual(loaded.settings.sites, stored.sites);
});

test('10,000 own rules of every kind a person makes, on the 5 MB page, finish (jsdom; timing printed)', async () => {
  const { hugePage, MARKER } = await import('./pages-gen.ts');
  const { jsdom } = await import('../helpers/dom.ts');
  // The shapes src/core/derive/describe.ts and derive.ts give own rules: an id, a class, two classes, a naming
  // attribute, an anchor and a tag; a heading label; an exact text. None of them is on this page but the last few.
  const shapes = [
    (i: number) => ({ remove: [`#own-${i}`] }),
    (i: number) => ({ remove: [`.own-${i}`] }),
    (i: number) => ({ remove: [`.own-${i}.part`] }),
    (i: number) => ({ remove: [`div[data-own="${i}"]`] }),
    (i: number) => ({ remove: [`#anchor-${i} p`, `.anchor-${i} > li`] }),
    (i: number) => ({ labels: [`own label ${i}`] }),
    (i: number) => ({ texts: [`an exact text of rule ${i}`] }),
  ];
  const raw = Array.from({ length: LIMITS.rules }, (_, i) => ({
    id: `own-${i}`,
    title: `Own ${i}`,
    sites: ['example.com'],
    ...shapes[i % shapes.length]!(i),
  }));
  raw[raw.length - 1] = { id: 'own-last', title: 'Own last', sites: ['example.com'], remove: ['.comments li:nth-child(2)'] };
  const dom = jsdom(hugePage(100_000, 5));
  let t0 = performance.now();
  const { rules, errors } = parseRules({ version: 1, rules: raw }, 'own.json', selectorCheck(dom.window.document));
  assert.deepEqual(errors, []);
  const parseMs = performance.now() - t0;
  t0 = performance.now();
  const a = clean(dom.window.document, { url: 'https://news.example.com/a/1.html', userRules: rules }, { inPlace: true });
  const cleanMs = performance.now() - t0;
  console.log(`# 10,000 own rules on the 5 MB page: parse ${parseMs.toFixed(0)} ms, clean ${cleanMs.toFixed(0)} ms (jsdom)`);
  assert.ok(a.text.includes(MARKER));
  assert.ok(cleanMs < 120_000, 'a hang, not a slow machine');
});
