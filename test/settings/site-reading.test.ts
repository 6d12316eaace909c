/** The per-site reading switches of issue 19 (merge pages, script): resolution, setters, repair, and that nothing else is lost. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultSettings,
  loadSettings,
  setMergeSwitch,
  setRuleSwitch,
  setScriptSwitch,
  setSiteSwitch,
  siteMerge,
  siteScript,
  toStored,
  SITE_SCRIPTS,
  type Settings,
} from '../../src/settings/index.ts';
import { SCRIPT_TARGETS } from '../../src/ui/script-convert/targets.ts';
import { freeze } from '../helpers/settings.ts';

function withSites(sites: Settings['sites']): Settings {
  const s = defaultSettings();
  s.sites = sites;
  return freeze(s);
}

test("merge: on by default; the most specific host's value wins", () => {
  assert.equal(siteMerge(defaultSettings(), 'news.example.com'), true);
  const s = withSites({ 'example.com': { merge: false }, 'a.example.com': { merge: true } });
  assert.equal(siteMerge(s, 'news.example.com'), false);
  assert.equal(siteMerge(s, 'x.a.example.com'), true);
  assert.equal(siteMerge(s, 'other.org'), true);
});

test('script: the original by default; remembered per site, most specific first', () => {
  assert.equal(siteScript(defaultSettings(), 'news.example.com'), 'original');
  const s = withSites({ '*': { script: 'cn' }, 'tw.example.com': { script: 'twp' } });
  assert.equal(siteScript(s, 'a.tw.example.com'), 'twp');
  assert.equal(siteScript(s, 'other.org'), 'cn');
});

test("the setters store only what differs from what the host inherits, and never drop the site's other switches", () => {
  let s = withSites({ 'example.com': { enabled: false, rules: { r1: false } } });
  s = setMergeSwitch(s, 'Example.com', false);
  s = setScriptSwitch(s, 'example.com', 'tw');
  assert.deepEqual(s.sites['example.com'], { enabled: false, rules: { r1: false }, merge: false, script: 'tw' });
  // The cleaning switches emptied: the reading switches keep the entry.
  s = setRuleSwitch(setSiteSwitch(s, 'example.com', null), 'example.com', 'r1', null);
  assert.deepEqual(s.sites['example.com'], { merge: false, script: 'tw' });
  // And the other way round: the reading switches emptied keep the cleaning ones.
  let t = setMergeSwitch(withSites({ 'example.com': { enabled: false } }), 'example.com', false);
  t = setMergeSwitch(t, 'example.com', null);
  assert.deepEqual(t.sites['example.com'], { enabled: false });
  // A value equal to the inherited one is not stored; an emptied entry goes.
  assert.deepEqual(setMergeSwitch(withSites({}), 'example.com', true).sites, {});
  assert.deepEqual(setScriptSwitch(withSites({ '*': { script: 'cn' } }), 'example.com', 'cn').sites, { '*': { script: 'cn' } });
  assert.deepEqual(setScriptSwitch(setScriptSwitch(withSites({}), 'example.com', 'hk'), 'example.com', 'original').sites, {});
  const same = withSites({});
  assert.equal(setMergeSwitch(same, 'not a host', false), same);
  assert.equal(setScriptSwitch(same, '', 'cn'), same);
});

test("repair: a bad merge or script value is dropped with an error and the site's other switches stay; good ones survive storage", () => {
  const r = loadSettings({
    schemaVersion: 1,
    sites: {
      'a.com': { enabled: false, merge: 'no', script: 'klingon' },
      'b.com': { merge: false, script: 'hk' },
      'c.com': { script: 3 },
    },
  });
  assert.deepEqual(r.settings.sites, { 'a.com': { enabled: false }, 'b.com': { merge: false, script: 'hk' } });
  assert.equal(r.errors.length, 3, r.errors.join('\n'));
  assert.ok(r.errors.some(e => /a\.com"\]\.merge: expected true or false/.test(e)));
  assert.ok(r.errors.some(e => /a\.com"\]\.script: expected one of original, cn, tw, twp, hk/.test(e)));
  const again = loadSettings(toStored(r.settings));
  assert.deepEqual(again.settings.sites, r.settings.sites);
  assert.deepEqual(again.errors, []);
});

test("the stored script choices are the view's control's choices", () => {
  assert.deepEqual([...SITE_SCRIPTS], [...SCRIPT_TARGETS]);
});
