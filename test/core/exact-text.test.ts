/** The exact-text rule field: validated by the one parser, applied only to a block whose whole text matches, read by the CLI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { JSDOM } from 'jsdom';
import { parseRules, type Rule } from '../../src/core/rules/index';
import { applyRules } from '../../src/core/removals/apply-page';
import { removalContext } from '../../src/core/removals/context';
import { findExactText } from '../../src/core/removals/exact-text';

const rule = (texts: unknown) => ({ id: 'one-off', title: 'One-off', sites: ['example.com'], texts });
const body = (html: string) => new JSDOM(`<body>${html}</body>`).window.document.body;

test('texts is validated with its field named: a list of strings, not empty, long enough, not too long', () => {
  assert.deepEqual(parseRules({ version: 1, rules: [rule(['责任编辑：李青'])] }, 'f').errors, []);
  const fields = (texts: unknown) => parseRules({ version: 1, rules: [rule(texts)] }, 'f').errors.map(e => e.field);
  assert.deepEqual(fields('x'), ['texts']);
  assert.deepEqual(fields(['']), ['texts[0]']);
  assert.deepEqual(fields([' a ']), ['texts[0]']);
  assert.deepEqual(fields(['长'.repeat(2001)]), ['texts[0]']);
});

test('a block goes only when its whole text matches (whitespace ignored); the highest wrapper goes with it', () => {
  const root = body(`<div id="a"><p>来源：城市晨报　 责任编辑：李青</p></div>
    <p>来源：城市晨报　责任编辑：李青，以及更多文字。</p><p>正文说到了“来源：城市晨报　责任编辑：李青”。</p>`);
  const removed = applyRules(root, removalContext([rule(['来源：城市晨报 责任编辑：李青']) as Rule]));
  assert.equal(removed.length, 1);
  assert.equal(removed[0]!.ruleId, 'one-off');
  assert.match(removed[0]!.reason, /^exact text/);
  assert.equal(root.querySelector('#a'), null, 'the wrapper holding only that text went with it');
  assert.equal(root.querySelectorAll('p').length, 2, 'longer texts that contain it stay');
});

test('deep nesting does not recurse', () => {
  const root = body('<div>'.repeat(3000) + '<p>only this</p>' + '</div>'.repeat(3000) + '<p>keep</p>');
  assert.equal(findExactText(root, new Set(['onlythis'])).length, 1);
});

test('the CLI reads a rule file with texts and removes the one-off line', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-texts-'));
  const ROOT = path.resolve(import.meta.dirname, '../..');
  const page = path.join(ROOT, 'test/e2e/pages/chenbao/a.html');
  const rules = path.join(tmp, 'mine.json');
  const line =
    '早上七点半，老街口那间不到六平方米的修表铺准时拉开卷帘门。七十一岁的周师傅戴上单眼放大镜，把一块上海牌手表摊在绒布上，像对待一位老朋友。';
  fs.writeFileSync(rules, JSON.stringify({ version: 1, rules: [{ id: 'one-off', title: 'x', sites: ['127.0.0.1'], texts: [line] }] }));
  const bin = path.join(ROOT, 'src/cli/bin.mjs');
  const r = spawnSync('node', [bin, 'clean', page, '--url', 'http://127.0.0.1/chenbao/a.html', '--rules', rules, '--format', 'json'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.ok(!j.text.includes('像对待一位老朋友'));
  assert.ok(j.text.includes('这间铺子开了整整四十年'));
  // Bundled rules fire on this page too (its 排行 module); the own rule removes exactly the one line.
  assert.deepEqual(j.removed.filter((x: { ruleId: string }) => x.ruleId === 'one-off').length, 1);
  fs.rmSync(tmp, { recursive: true, force: true });
});
