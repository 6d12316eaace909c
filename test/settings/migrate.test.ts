import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MIGRATIONS, SCHEMA_VERSION, loadSettings, siteState, toStored, v0ToV1 } from '../../src/settings/index.ts';
import { fixture, freeze } from '../helpers/settings.ts';

test('there is one migration per schema version', () => {
  assert.equal(MIGRATIONS.length, SCHEMA_VERSION);
});

test('the v0 fixture migrates to v1 with every switch carried over', () => {
  const { settings, errors, fromVersion } = loadSettings(fixture('v0.json'));
  assert.deepEqual(errors, []);
  assert.equal(fromVersion, 0);
  assert.equal(settings.schemaVersion, 1);
  assert.deepEqual(settings.sites, {
    'news.sina.com.cn': { rules: { 'recommend-labels': false, 'sina-hot-list': false }, enabled: false },
    'www.163.com': { rules: { 'netease-feed': false } },
    'example.com': { enabled: false },
  });
  assert.equal(settings.ui.showRemoved, false);
  assert.deepEqual(
    settings.userRules.map(r => r.id),
    ['my-blog-sidebar'],
  );
  assert.equal(siteState(settings, 'news.sina.com.cn').enabled, false);
  assert.equal(toStored(settings).schemaVersion, 1);
});

test('v0ToV1 is pure: a frozen input is not changed', () => {
  const input = freeze(fixture('v0.json') as Record<string, unknown>);
  const before = JSON.stringify(input);
  const { data } = v0ToV1(input);
  assert.equal(JSON.stringify(input), before);
  assert.equal('disabledRules' in data, false);
  assert.equal(data.schemaVersion, 1);
});

test('bad v0 fields are reported by name and the good ones still migrate', () => {
  const { settings, errors } = loadSettings({ disabledRules: { 'a.com': 'recommend-labels', 'b.com': ['x'] }, siteOff: 'c.com' });
  assert.deepEqual(settings.sites, { 'b.com': { rules: { x: false } } });
  assert.equal(errors.length, 2);
  assert.match(errors[0]!, /disabledRules\["a\.com"\]/);
  assert.match(errors[1]!, /^siteOff/);
});

test('a future schemaVersion keeps what validates and records an error', () => {
  const raw = { schemaVersion: 99, sites: { 'a.com': { enabled: false, mode: 'strict' } }, ui: { showRemoved: false }, hologram: true };
  const { settings, errors, fromVersion } = loadSettings(raw);
  assert.equal(fromVersion, 99);
  assert.equal(settings.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(settings.sites, { 'a.com': { enabled: false } });
  assert.equal(settings.ui.showRemoved, false);
  assert.ok(
    errors.some(e => /newer Jingyue \(version 99/.test(e)),
    JSON.stringify(errors),
  );
  assert.ok(errors.some(e => e.startsWith('hologram')));
});
