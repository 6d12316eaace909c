/** Pure edits of own rules: ids stay unique, bundled ids are never taken, undo puts a rule back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addUserRules, defaultSettings, ownRuleFile, removeUserRule, resetSite, restoreUserRule, replaceUserRule } from '../../src/settings/index.ts';
import { freeze } from './helpers.ts';

const mine = { id: 'promo', title: 'Promo', sites: ['example.com'], remove: ['.promo'] };
const base = () => freeze({ ...defaultSettings(), userRules: [mine] });

test('a new id is added; a clash with an own rule is renamed by default, or replaces it when asked', () => {
  const other = { id: 'teaser', title: 'T', sites: ['example.com'], labels: ['More'] };
  const r1 = addUserRules(base(), [other, { ...mine, title: 'Promo 2' }]);
  assert.deepEqual(r1.settings.userRules.map((r) => r.id), ['promo', 'teaser', 'promo-2']);
  assert.deepEqual(r1.renamed, [{ from: 'promo', to: 'promo-2' }]);
  const r2 = addUserRules(base(), [{ ...mine, title: 'New' }], { onClash: 'replace' });
  assert.deepEqual(r2.settings.userRules, [{ ...mine, title: 'New' }]);
  assert.deepEqual(r2.replaced, ['promo']);
});

test('a bundled id is never taken over, even with onClash "replace"', () => {
  const r = addUserRules(base(), [{ ...mine, id: 'feed-popular' }], { onClash: 'replace', reserved: ['feed-popular'] });
  assert.deepEqual(r.settings.userRules.map((x) => x.id), ['promo', 'feed-popular-2']);
});

test('a renamed id stays within the 64-character limit', () => {
  const long = 'a'.repeat(64);
  const r = addUserRules({ ...defaultSettings(), userRules: [{ ...mine, id: long }] }, [{ ...mine, id: long }]);
  assert.equal(r.added[0]!.id.length, 64);
  assert.match(r.added[0]!.id, /-2$/);
});

test('delete then undo puts the rule back where it was; replace edits in place', () => {
  const s = { ...defaultSettings(), userRules: [mine, { ...mine, id: 'b' }, { ...mine, id: 'c' }] };
  const { settings, removed, index } = removeUserRule(s, 'b');
  assert.deepEqual(settings.userRules.map((r) => r.id), ['promo', 'c']);
  assert.deepEqual(restoreUserRule(settings, removed!, index).userRules, s.userRules);
  assert.deepEqual(replaceUserRule(s, 'c', { ...mine, id: 'c', title: 'C!' }).userRules[2]!.title, 'C!');
});

test('reset a site forgets the switches of the site and its hosts, nothing else', () => {
  const s = { ...defaultSettings(), sites: { 'example.com': { enabled: false }, 'news.example.com': { rules: { a: false } }, 'other.org': { enabled: false }, '*': { rules: { a: false } } } };
  assert.deepEqual(Object.keys(resetSite(s, 'example.com').sites).sort(), ['*', 'other.org']);
  assert.deepEqual(Object.keys(resetSite(s, '*').sites).sort(), ['example.com', 'news.example.com', 'other.org']);
});

test('the export is a version-1 rule file of the own rules', () => {
  assert.deepEqual(ownRuleFile(base()), { version: 1, rules: [mine] });
});
