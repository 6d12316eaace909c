import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, SCHEMA_VERSION, defaultSettings, loadSettings, toStored } from '../../src/settings/index.ts';

test('v1 data saved before the reader section existed loads with the reader defaults and no errors', () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, sites: { 'a.com': { enabled: false } }, ui: { showRemoved: false } });
  assert.deepEqual(settings.reader, DEFAULTS.reader);
  assert.deepEqual(settings.sites, { 'a.com': { enabled: false } });
  assert.equal(settings.ui.showRemoved, false);
  assert.deepEqual(errors, []);
});

test('only the changed reader fields are stored, and they read back', () => {
  const s = defaultSettings();
  s.reader.fontSize = 22;
  s.reader.theme = 'sepia';
  const stored = toStored(s);
  assert.deepEqual(stored, { schemaVersion: SCHEMA_VERSION, reader: { fontSize: 22, theme: 'sepia' } });
  const { settings, errors } = loadSettings(stored);
  assert.deepEqual(settings.reader, { ...DEFAULTS.reader, fontSize: 22, theme: 'sepia' });
  assert.deepEqual(errors, []);
});

test('bad reader values are repaired field by field, naming the field', () => {
  const { settings, errors } = loadSettings({
    schemaVersion: 1,
    reader: { fontSize: 99, lineHeight: 'tall', width: 40, font: 'comic', theme: 'dark', exportHeader: 'end', colour: 1 },
  });
  assert.deepEqual(settings.reader, { ...DEFAULTS.reader, fontSize: 32, width: 40, theme: 'dark', exportHeader: 'end' });
  assert.equal(errors.length, 4, errors.join('\n'));
  for (const field of ['reader.fontSize', 'reader.lineHeight', 'reader.font', 'reader.colour']) {
    assert.ok(
      errors.some(e => e.startsWith(field)),
      field,
    );
  }
});

test('a reader section that is not an object resets only the reader preferences', () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, reader: [1], userRules: [], sites: { 'b.com': { enabled: false } } });
  assert.deepEqual(settings.reader, DEFAULTS.reader);
  assert.deepEqual(settings.sites, { 'b.com': { enabled: false } });
  assert.equal(errors.length, 1);
});

test('load remote images: on by default, stored only when off, anything but a boolean repaired', () => {
  assert.equal(DEFAULTS.reader.remoteImages, true);
  const s = defaultSettings();
  s.reader.remoteImages = false;
  const stored = toStored(s);
  assert.deepEqual(stored, { schemaVersion: SCHEMA_VERSION, reader: { remoteImages: false } });
  assert.equal(loadSettings(stored).settings.reader.remoteImages, false);
  const { settings, errors } = loadSettings({ schemaVersion: 1, reader: { remoteImages: 'no' } });
  assert.equal(settings.reader.remoteImages, true);
  assert.equal(errors.length, 1);
  assert.match(errors[0]!, /^reader\.remoteImages: expected true or false/);
});
