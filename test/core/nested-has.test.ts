/**
 * A :has() inside a :has() is refused by the one validator (src/core/rules/parse.ts), with or without a DOM
 * to check selectors: Chromium refuses it and jsdom accepts it, so without this the same rule file was
 * invalid in the popup and valid in the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { parseRules, selectorCheck } from '../../src/core/rules/index.ts';
import { hasNestedHas } from '../../src/core/rules/parse.ts';
import { loadSettings } from '../../src/settings/index.ts';

test("the verdicts are Chromium's (document.querySelector in Chromium 150), and stricter inside :is() and :where()", () => {
  // Chromium drops a nested :has() inside :is()/:where() (forgiving lists) and the selector matches nothing: refused here.
  const verdicts: [string, boolean][] = [
    ['div:has(p:has(a))', true],
    ['div:not(:has(p:has(a)))', true],
    ['div:HAS(p:has(a))', true],
    [':has(:not(:has(a)))', true],
    ['div:has(p, :has(a))', true],
    ['div:has(:is(p:has(a)))', true],
    ['div:has(p):has(a)', false],
    [':is(div:has(p)) :has(a)', false],
    ['a[title=":has(:has(x))"]', false],
    [':has(> p)', false],
    [':where(:has(a)) p:has(b)', false],
  ];
  for (const [sel, refused] of verdicts) assert.equal(hasNestedHas(sel), refused, sel);
});

test('a rule file with one is refused naming the field, with a DOM check (the CLI, the rules page) and without (stored rules)', () => {
  const rule = { id: 'nested', title: 'N', sites: ['*'], remove: ['div:has(p:has(a))'] };
  const doc = new JSDOM('').window.document;
  assert.equal(doc.querySelector('div:has(p:has(a))'), null, 'jsdom itself accepts it');
  const check = selectorCheck(doc);
  for (const [name, parsed] of [
    ['with a DOM', parseRules({ version: 1, rules: [rule] }, 'f', check)],
    ['without', parseRules({ version: 1, rules: [rule] }, 'f')],
  ] as const) {
    assert.deepEqual(parsed.rules, [], name);
    assert.equal(parsed.errors[0]!.field, 'remove[0]', name);
    assert.match(parsed.errors[0]!.message, /:has\(\) cannot be nested inside :has\(\)/, name);
  }
  assert.match(
    parseRules({ version: 1, rules: [{ id: 'c', title: 'C', sites: ['*'], content: 'main:has(p:has(img))' }] }, 'f').errors[0]!.field,
    /^content$/,
  );
  assert.deepEqual(loadSettings({ schemaVersion: 1, userRules: [rule] }).settings.userRules, [], 'a stored own rule with it is not used');
  assert.equal(check('div:has(p):has(a)'), null);
});
