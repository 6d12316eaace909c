import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defaultSettings,
  hostChain,
  hostnameOf,
  isRuleOn,
  setRuleSwitch,
  setSiteSwitch,
  siteState,
  type Settings,
} from '../../src/settings/index.ts';
import { freeze } from '../helpers/settings.ts';

function withSites(sites: Settings['sites']): Settings {
  const s = defaultSettings();
  s.sites = sites;
  return freeze(s);
}

test("hostChain goes from the most specific host to '*'; IPs are not split", () => {
  assert.deepEqual(hostChain('a.b.Example.com.'), ['a.b.example.com', 'b.example.com', 'example.com', 'com', '*']);
  assert.deepEqual(hostChain('127.0.0.1'), ['127.0.0.1', '*']);
});

test("the most specific host's value wins, per rule and for the site switch", () => {
  const s = withSites({
    '*': { rules: { r1: false } },
    'example.com': { enabled: false, rules: { r1: true, r2: false, r3: false } },
    'b.example.com': { rules: { r2: true } },
    'a.b.example.com': { enabled: true, rules: { r3: false } },
  });
  const st = siteState(s, 'a.b.example.com');
  assert.equal(st.enabled, true);
  assert.equal(st.enabledFrom, 'a.b.example.com');
  assert.deepEqual(st.switches, { r3: false, r2: true, r1: true });
  assert.deepEqual(st.disabled, ['r3']);
  assert.deepEqual(st.source, { r3: 'a.b.example.com', r2: 'b.example.com', r1: 'example.com' });

  const parent = siteState(s, 'c.example.com');
  assert.equal(parent.enabled, false);
  assert.deepEqual(parent.disabled, ['r2', 'r3']);
  assert.deepEqual(siteState(s, 'other.org').disabled, ['r1']);
  assert.equal(siteState(s, 'other.org').enabledFrom, null);
  assert.equal(isRuleOn(siteState(s, 'other.org'), 'unknown-rule'), true);
  assert.equal(isRuleOn(siteState(s, 'other.org'), 'unknown-rule', false), false);
});

test('a parent domain does not leak into a look-alike host', () => {
  const s = withSites({ 'sina.com.cn': { enabled: false } });
  assert.equal(siteState(s, 'news.sina.com.cn').enabled, false);
  assert.equal(siteState(s, 'notsina.com.cn').enabled, true);
});

test('setRuleSwitch stores on the exact hostname and leaves the input untouched', () => {
  const s = withSites({ 'sina.com.cn': { rules: { keep: false } } });
  const next = setRuleSwitch(s, 'News.Sina.com.cn', 'recommend-labels', false);
  assert.notEqual(next, s);
  assert.deepEqual(s.sites, { 'sina.com.cn': { rules: { keep: false } } });
  assert.deepEqual(next.sites['news.sina.com.cn'], { rules: { 'recommend-labels': false } });
  assert.equal(next.sites['sina.com.cn'], s.sites['sina.com.cn']);
  assert.deepEqual(siteState(next, 'news.sina.com.cn').disabled, ['keep', 'recommend-labels']);
});

test('switching a rule back on where a parent has it off stores true; back to inherited removes the entry', () => {
  const s = withSites({ 'sina.com.cn': { rules: { r: false } } });
  const on = setRuleSwitch(s, 'news.sina.com.cn', 'r', true);
  assert.deepEqual(on.sites['news.sina.com.cn'], { rules: { r: true } });
  assert.equal(isRuleOn(siteState(on, 'news.sina.com.cn'), 'r'), true);
  const off = setRuleSwitch(on, 'news.sina.com.cn', 'r', false);
  assert.equal('news.sina.com.cn' in off.sites, false);
  const cleared = setRuleSwitch(on, 'news.sina.com.cn', 'r', null);
  assert.deepEqual(cleared.sites, s.sites);
});

test('setSiteSwitch turns a site off and on again without leaving an empty entry', () => {
  const s = withSites({});
  const off = setSiteSwitch(s, 'example.com', false);
  assert.deepEqual(off.sites, { 'example.com': { enabled: false } });
  assert.deepEqual(s.sites, {});
  assert.equal(siteState(off, 'www.example.com').enabled, false);
  const back = setSiteSwitch(off, 'example.com', true);
  assert.deepEqual(back.sites, {});
  const child = setSiteSwitch(off, 'www.example.com', true);
  assert.deepEqual(child.sites['www.example.com'], { enabled: true });
  assert.equal(siteState(child, 'www.example.com').enabled, true);
});

test('invalid hostnames return the same settings object unchanged', () => {
  const s = withSites({});
  assert.equal(setSiteSwitch(s, '', false), s);
  assert.equal(setRuleSwitch(s, 'not a host', 'r', false), s);
  assert.equal(setRuleSwitch(s, 'a.com', '', false), s);
});

test("hostnameOf takes a page URL's hostname, or null when there is none", () => {
  assert.equal(hostnameOf('https://News.Sina.com.cn/c/2024-01-01/doc.shtml?x=1'), 'news.sina.com.cn');
  assert.equal(hostnameOf('http://127.0.0.1:8080/a'), '127.0.0.1');
  assert.equal(hostnameOf('file:///tmp/a.html'), null);
  assert.equal(hostnameOf('not a url'), null);
});
