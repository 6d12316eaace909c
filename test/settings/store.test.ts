import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, fromStored, isEmptyPlan, toStored, writePlan, SCHEMA_VERSION } from '../../src/settings/index.ts';

test('toStored keeps only what differs from DEFAULTS, plus schemaVersion', () => {
  const s = defaultSettings();
  s.ui.showRemoved = false;
  s.sites['news.sina.com.cn'] = { rules: { 'recommend-labels': false } };
  const stored = toStored(s);
  assert.deepEqual(stored, {
    schemaVersion: SCHEMA_VERSION,
    sites: { 'news.sina.com.cn': { rules: { 'recommend-labels': false } } },
    ui: { showRemoved: false },
  });
  assert.equal('userRules' in stored, false);
});

test('toStored prunes empty site entries and empty rule maps', () => {
  const s = defaultSettings();
  s.sites['a.com'] = {};
  s.sites['b.com'] = { rules: {} };
  s.sites['c.com'] = { enabled: true, rules: {} };
  assert.deepEqual(toStored(s), { schemaVersion: SCHEMA_VERSION, sites: { 'c.com': { enabled: true } } });
});

test('non-default settings survive a storage round-trip', () => {
  const s = defaultSettings();
  s.sites['*'] = { rules: { 'global-rule': false } };
  s.sites['example.com'] = { enabled: false };
  s.userRules = [{ id: 'mine', title: 'Mine', sites: ['*'], labels: ['相关推荐'] }];
  const { settings, errors } = fromStored(JSON.parse(JSON.stringify(toStored(s))));
  assert.deepEqual(errors, []);
  assert.deepEqual(settings, s);
});

test('writePlan sets only the items whose stored form changed, key order aside', () => {
  const raw = {
    schemaVersion: 1,
    sites: { 'a.com': { rules: { x: false }, enabled: false } },
    userRules: [{ title: 'Mine', id: 'mine', sites: ['*'], labels: ['相关推荐'] }],
  };
  const { settings } = fromStored(raw);
  assert.deepEqual(writePlan(raw, settings), { set: {}, remove: [] }, 'what was read, saved again, writes nothing');
  const flipped = { ...settings, sites: { ...settings.sites, 'b.com': { enabled: false } } };
  assert.deepEqual(writePlan(raw, flipped), {
    set: { sites: { 'a.com': { enabled: false, rules: { x: false } }, 'b.com': { enabled: false } } },
    remove: [],
  });
});

test('writePlan removes setting keys back at their default and retired v0 keys, never a key it did not read or does not own', () => {
  const raw = {
    schemaVersion: 1,
    userRules: [{ id: 'mine', title: 'Mine', sites: ['*'], labels: ['x'] }],
    siteOff: ['a.com'],
    theme: { dark: true },
  };
  const settings = { ...fromStored(raw).settings, userRules: [] };
  assert.deepEqual(writePlan(raw, settings), { set: {}, remove: ['userRules', 'siteOff'] });
  assert.deepEqual(writePlan({ schemaVersion: 1 }, settings), { set: {}, remove: [] }, 'nothing stored, nothing removed');
  assert.equal(isEmptyPlan(writePlan({}, settings)), false, 'a store without schemaVersion gets one');
});
