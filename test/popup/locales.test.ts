/** Every UI string exists in English and Simplified Chinese, with the same placeholders; the manifest's __MSG_ keys exist. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
type Messages = Record<string, { message: string; description?: string }>;
const read = (locale: string): Messages =>
  JSON.parse(fs.readFileSync(path.join(ROOT, 'src/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const en = read('en');
const zh = read('zh_CN');
const placeholders = (s: string) => (s.match(/\$\d/g) ?? []).sort().join(',');

test('en and zh_CN have the same keys and placeholders', () => {
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) assert.equal(placeholders(zh[key]!.message), placeholders(en[key]!.message), key);
});

test('the manifest only names messages that exist, and store limits hold', () => {
  const manifest = fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8');
  for (const [, key] of manifest.matchAll(/__MSG_(\w+)__/g)) assert.ok(en[key!], `manifest uses ${key}`);
  for (const m of [en, zh]) {
    assert.ok(m.extName!.message.length <= 75);
    assert.ok(m.extShortName!.message.length <= 12);
    assert.ok(m.extDescription!.message.length <= 132);
  }
});

test('every t("key") in the popup and the rules page exists in the messages', () => {
  const files = ['popup', 'options'].flatMap(dir =>
    fs
      .readdirSync(path.join(ROOT, 'src', dir), { recursive: true, encoding: 'utf8' })
      .filter(f => /\.tsx?$/.test(f))
      .map(f => path.join(dir, f)),
  );
  assert.ok(files.some(f => f.startsWith('options')));
  for (const f of files) {
    const src = fs.readFileSync(path.join(ROOT, 'src', f), 'utf8');
    for (const [, key] of src.matchAll(/\bt\('(\w+)'/g)) assert.ok(en[key!], `${f} uses ${key}`);
  }
});
