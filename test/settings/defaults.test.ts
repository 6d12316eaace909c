import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, SCHEMA_VERSION, defaultSettings, loadSettings, toStored, fromStored } from '../../src/settings/index.ts';

test('DEFAULTS round-trip through storage unchanged and without errors', () => {
  const stored = toStored(defaultSettings());
  assert.deepEqual(stored, { schemaVersion: SCHEMA_VERSION });
  const { settings, errors } = fromStored(stored);
  assert.deepEqual(settings, DEFAULTS);
  assert.deepEqual(errors, []);
});

test('nothing stored yet (undefined or {}) gives the defaults with no errors', () => {
  for (const raw of [undefined, {}]) {
    const { settings, errors } = loadSettings(raw);
    assert.deepEqual(settings, DEFAULTS);
    assert.deepEqual(errors, []);
  }
});

test('DEFAULTS is frozen and loaded settings are a separate copy', () => {
  assert.throws(() => {
    (DEFAULTS.ui as { showRemoved: boolean }).showRemoved = false;
  }, TypeError);
  const { settings } = loadSettings(undefined);
  settings.sites['a.com'] = { enabled: false };
  settings.ui.showRemoved = false;
  assert.deepEqual(DEFAULTS.sites, {});
  assert.equal(DEFAULTS.ui.showRemoved, true);
  assert.deepEqual(loadSettings(undefined).settings.sites, {});
});
