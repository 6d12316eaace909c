/** "Open articles in a reader tab" (src/settings/reader-default.ts): most specific host first, "*" for all, stored only when it differs, repaired on load. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSettings, loadSettings, readerTabOn, setReaderTab, toStored } from '../../src/settings/index.ts';

test('off by default; "*" turns it on everywhere; a host can turn it off again', () => {
  let s = defaultSettings();
  assert.equal(readerTabOn(s, 'news.sina.com.cn'), false);
  s = setReaderTab(s, '*', true);
  assert.equal(readerTabOn(s, 'news.sina.com.cn'), true);
  s = setReaderTab(s, 'sina.com.cn', false);
  assert.equal(readerTabOn(s, 'news.sina.com.cn'), false);
  assert.equal(readerTabOn(s, 'example.com'), true);
  assert.deepEqual(toStored(s).sites, { '*': { reader: true }, 'sina.com.cn': { reader: false } });
});

test('a value equal to what the host inherits is not stored; the entry goes when it is empty', () => {
  let s = setReaderTab(defaultSettings(), 'example.com', true);
  s = setReaderTab(s, 'example.com', false);
  assert.deepEqual(s.sites, {});
});

test('stored switches are read back; a wrong type is repaired with an error naming it', () => {
  const ok = loadSettings({ schemaVersion: 1, sites: { 'a.com': { reader: true } } });
  assert.deepEqual(ok.settings.sites, { 'a.com': { reader: true } });
  assert.deepEqual(ok.errors, []);
  const bad = loadSettings({ schemaVersion: 1, sites: { 'a.com': { reader: 'yes', enabled: false } } });
  assert.deepEqual(bad.settings.sites, { 'a.com': { enabled: false } });
  assert.equal(bad.errors.length, 1);
  assert.match(bad.errors[0]!, /sites\["a.com"\]\.reader/);
});

test('the reading history switch is on by default and kept when off', () => {
  assert.equal(defaultSettings().ui.keepHistory, true);
  assert.equal(loadSettings({ schemaVersion: 1, ui: { keepHistory: false } }).settings.ui.keepHistory, false);
});
