import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULTS, MIGRATIONS, loadSettings, toStored, type Migration } from '../../src/settings/index.ts';
import { freeze } from '../helpers/settings.ts';

const good = { 'news.sina.com.cn': { rules: { 'recommend-labels': false } }, 'example.com': { enabled: false } };

/** Asserts that exactly one error mentions `field`. */
function assertOneErrorNaming(errors: string[], field: string): void {
  assert.equal(errors.filter(e => e.includes(field)).length, 1, `expected one error naming ${field}, got ${JSON.stringify(errors)}`);
}

test('garbage at the top level resets to defaults with one error, and never throws', () => {
  for (const raw of [null, 'settings', 42, [1, 2], true]) {
    const { settings, errors } = loadSettings(raw);
    assert.deepEqual(settings, DEFAULTS);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^settings: expected an object/);
  }
});

test("a string where a site's switches belong drops that site only", () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, sites: { ...good, 'bad.com': 'off' } });
  assert.deepEqual(settings.sites, good);
  assertOneErrorNaming(errors, 'sites["bad.com"]');
  assert.equal(errors.length, 1);
});

test("a number for a switch resets that switch only; the site's other switches survive", () => {
  const raw = { schemaVersion: 1, sites: { ...good, '163.com': { enabled: 0, rules: { 'netease-feed': false, 'x-rule': 1 } } } };
  const { settings, errors } = loadSettings(raw);
  assert.deepEqual(settings.sites, { ...good, '163.com': { rules: { 'netease-feed': false } } });
  assertOneErrorNaming(errors, 'sites["163.com"].enabled');
  assertOneErrorNaming(errors, 'sites["163.com"].rules["x-rule"]');
  assert.match(errors.join('\n'), /got the number 1/);
});

test('sites = null or an array resets sites with an error naming it; other settings survive', () => {
  for (const sites of [null, [good]]) {
    const { settings, errors } = loadSettings({ schemaVersion: 1, sites, ui: { showRemoved: false } });
    assert.deepEqual(settings.sites, {});
    assert.equal(settings.ui.showRemoved, false);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^sites: expected an object/);
  }
});

test("an array where a rule-switch record belongs resets that site's rules, keeping its enabled switch", () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, sites: { ...good, 'qq.com': { enabled: false, rules: ['x'] } } });
  assert.deepEqual(settings.sites['qq.com'], { enabled: false });
  assert.deepEqual(settings.sites['news.sina.com.cn'], good['news.sina.com.cn']);
  assertOneErrorNaming(errors, 'sites["qq.com"].rules');
});

test('unknown keys are dropped with an error naming each', () => {
  const raw = {
    schemaVersion: 1,
    theme: 'dark',
    sites: { 'a.com': { enabled: false, colour: 'red' } },
    ui: { showRemoved: false, fontSize: 3 },
  };
  const { settings, errors } = loadSettings(raw);
  assert.equal('theme' in settings, false);
  assert.deepEqual(settings.sites, { 'a.com': { enabled: false } });
  assert.deepEqual(settings.ui, { showRemoved: false, keepHistory: true });
  assertOneErrorNaming(errors, 'theme');
  assertOneErrorNaming(errors, 'sites["a.com"].colour');
  assertOneErrorNaming(errors, 'ui.fontSize');
  assert.equal(errors.length, 3);
});

test('bad hostnames are dropped; hostnames are lower-cased', () => {
  const { settings, errors } = loadSettings({
    schemaVersion: 1,
    sites: { 'News.Sina.com.cn': { enabled: false }, 'http://x.com/': { enabled: false }, '': { enabled: false } },
  });
  assert.deepEqual(settings.sites, { 'news.sina.com.cn': { enabled: false } });
  assertOneErrorNaming(errors, 'sites["http://x.com/"]');
  assertOneErrorNaming(errors, 'sites[""]');
});

test('ui of the wrong type is reset field by field', () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, ui: { showRemoved: 'no' } });
  assert.equal(settings.ui.showRemoved, DEFAULTS.ui.showRemoved);
  assert.match(errors[0]!, /^ui\.showRemoved: expected true or false, got the text "no"/);
});

test('one bad user rule is set aside in the quarantine, with its errors, and the others kept', () => {
  const ok = { id: 'keep-me', title: 'Keep', sites: ['*'], remove: ['.ad'] };
  const bad = [
    { id: 'Bad Id', title: 'x', sites: ['*'] },
    { id: 'no-sites', title: 'x', sites: [] },
    'junk',
    { ...ok, title: 'dup' },
    { id: 'extra', title: 'E', sites: ['a.com'], remove: ['.x'], eval: 'x' },
  ];
  const { settings, errors, setAside } = loadSettings({ schemaVersion: 1, userRules: [ok, ...bad] });
  assert.deepEqual(settings.userRules, [ok]);
  assert.equal(setAside, 5);
  assert.deepEqual(
    settings.quarantine.map(q => q.rule),
    bad,
    'nothing is deleted: every damaged rule is kept as it was',
  );
  assert.ok(settings.quarantine.every(q => q.errors.length > 0));
  assertOneErrorNaming(errors, 'rule Bad Id, field id');
  assertOneErrorNaming(errors, 'rule no-sites, field sites');
  assertOneErrorNaming(errors, 'rule extra, field eval');
  assert.ok(errors.some(e => e.includes('rule keep-me, field id: another of your rules')));
});

test('a stored quarantine is kept as it is and new damage is added to it; toStored keeps it', () => {
  const old = [{ rule: { id: 'x' }, errors: ['old'] }];
  const { settings } = loadSettings({ schemaVersion: 1, quarantine: old, userRules: [{ id: 'y' }] });
  assert.equal(settings.quarantine.length, 2);
  assert.deepEqual(settings.quarantine[0], old[0]);
  assert.deepEqual(toStored(settings).quarantine, settings.quarantine);
  assert.deepEqual(loadSettings({ schemaVersion: 1, quarantine: 'odd' }).settings.quarantine, [
    { rule: 'odd', errors: ['quarantine was not a list'] },
  ]);
});

test('a store that is not an object, or whose migration throws, is marked unreadable (never to be written over)', () => {
  assert.equal(loadSettings(42).readable, false);
  assert.equal(loadSettings({ schemaVersion: 1 }).readable, true);
  const real = MIGRATIONS[0]!;
  (MIGRATIONS as Migration[])[0] = () => {
    throw new Error('bug');
  };
  try {
    const r = loadSettings({ siteOff: ['a.com'] });
    assert.equal(r.readable, false);
    assert.match(r.errors[0]!, /nothing will be saved/);
  } finally {
    (MIGRATIONS as Migration[])[0] = real;
  }
});

test('loadSettings does not mutate what storage returned', () => {
  const raw = freeze({ schemaVersion: 1, sites: { ...good, 'bad.com': 3, 'A.com': { enabled: false } }, ui: { showRemoved: 1 } });
  const before = JSON.stringify(raw);
  loadSettings(raw);
  assert.equal(JSON.stringify(raw), before);
});

test('a schemaVersion that is not a whole number is reported and the rest still read', () => {
  const { settings, errors } = loadSettings({ schemaVersion: '1', sites: good });
  assert.deepEqual(settings.sites, good);
  assertOneErrorNaming(errors, 'schemaVersion');
});
