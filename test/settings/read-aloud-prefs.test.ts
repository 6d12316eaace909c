/** reader.readAloud (issue 19): defaults, repair of each field on its own, and storage round trips. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, loadSettings, toStored } from '../../src/settings/index.ts';

test('defaults: rate 1 and no chosen voice; nothing stored for them', () => {
  assert.deepEqual(defaultSettings().reader.readAloud, { rate: 1, voices: {} });
  assert.ok(!('reader' in toStored(defaultSettings())));
});

test('a rate off the steps takes the nearest step; a bad voice entry goes alone; the rest of the reader section stays', () => {
  const r = loadSettings({
    schemaVersion: 1,
    reader: { fontSize: 20, readAloud: { rate: 3.7, voices: { 'zh-CN': 'uri:Ting-Ting', 'zh-TW': 5 }, colour: 'red' } },
  });
  assert.deepEqual(r.settings.reader.readAloud, { rate: 2, voices: { 'zh-CN': 'uri:Ting-Ting' } });
  assert.equal(r.settings.reader.fontSize, 20);
  assert.equal(r.errors.length, 3, r.errors.join('\n'));
  const bad = loadSettings({ schemaVersion: 1, reader: { readAloud: 'fast' } });
  assert.deepEqual(bad.settings.reader.readAloud, { rate: 1, voices: {} });
  assert.match(bad.errors[0]!, /reader\.readAloud: expected an object/);
});

test('a chosen rate and voice survive storage', () => {
  const s = defaultSettings();
  s.reader.readAloud = { rate: 1.25, voices: { en: 'uri:Daniel' } };
  const back = loadSettings(toStored(s));
  assert.deepEqual(back.settings.reader.readAloud, { rate: 1.25, voices: { en: 'uri:Daniel' } });
  assert.deepEqual(back.errors, []);
});
