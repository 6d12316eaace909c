/**
 * The damaged stores of test/e2e/hostile-settings.test.ts at the settings layer: each is repaired, every repair
 * is recorded in `errors` naming the field, and the person's valid switches survive. (The popup says them once:
 * src/popup/use-reader.ts repairNotice; damaged own rules go to the quarantine key.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadSettings } from '../../src/settings/index.ts';

const HOST = '127.0.0.1';

test('wrong shapes: repaired, one error per field, the valid switch kept', () => {
  const { settings, errors } = loadSettings({
    schemaVersion: 1,
    sites: {
      [HOST]: { rules: { 'feed-related': false, 'feed-popular': 'off please' }, colour: 'red' },
      'not a host!!': { enabled: false },
      'x.example': 7,
    },
    userRules: 'not a list',
    ui: 'oops',
    theme: { dark: true },
  });
  assert.deepEqual(settings.sites, { [HOST]: { rules: { 'feed-related': false } } });
  assert.deepEqual(settings.userRules, []);
  assert.equal(settings.ui.showRemoved, true);
  for (const field of ['feed-popular', `sites["${HOST}"].colour`, 'not a host!!', 'x.example', 'userRules', 'ui', 'theme']) {
    assert.ok(
      errors.some(e => e.includes(field)),
      `an error names ${field}: ${errors.join(' | ')}`,
    );
  }
});

test('not settings at all: defaults, with the errors recorded', () => {
  const { settings, errors } = loadSettings({
    schemaVersion: 'one',
    sites: ['127.0.0.1'],
    userRules: { rules: 5 },
    ui: { showRemoved: 'yes' },
  });
  assert.deepEqual(settings.sites, {});
  assert.ok(errors.length >= 4, errors.join(' | '));
  for (const field of ['schemaVersion', 'sites', 'userRules', 'ui.showRemoved'])
    assert.ok(
      errors.some(e => e.startsWith(field)),
      field,
    );
  assert.deepEqual(loadSettings('garbage').errors.length, 1);
  assert.deepEqual(loadSettings(null).errors.length, 1);
});

test('the v0 fixture: migrated, its switches and its rule kept, nothing reported lost', () => {
  const v0 = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../settings/fixtures/v0.json'), 'utf8'));
  const { settings, errors, fromVersion } = loadSettings(v0);
  assert.equal(fromVersion, 0);
  assert.deepEqual(errors, []);
  assert.equal(settings.sites['news.sina.com.cn']?.enabled, false);
  assert.deepEqual(
    settings.userRules.map(r => r.id),
    ['my-blog-sidebar'],
  );
});
