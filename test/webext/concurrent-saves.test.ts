/**
 * Two extension pages saving at once (issue 16, item 3): the real src/platform/storage.ts, loaded twice as two
 * pages load it, over one fake storage.local whose every call takes a random 0–3 ms, with one Web Locks
 * manager shared by both (as one origin's navigator.locks is). Each scenario runs 200 times; no save may be
 * lost. Without the lock, 91 of 200 runs of "import ∥ flip" lost one of the two.
 */
import { local } from '../helpers/fake-browser.ts';
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeLocks, installLocks } from '../helpers/fake-locks.ts';
import { addUserRules, removeUserRule, setRuleSwitch, type Settings } from '../../src/settings/index.ts';
import type { Rule } from '../../src/core/rules/types.ts';

type StorageModule = typeof import('../../src/platform/storage.ts');
const MODULE = new URL('../../src/platform/storage.ts', import.meta.url).href;
/** One page's own instance of the storage module (its own module state, as each extension page has). */
const page = (name: string) => import(`${MODULE}?page=${name}`) as Promise<StorageModule>;
const [rulesPage, popup, readerTab] = await Promise.all([page('options'), page('popup'), page('reader')]);

const RUNS = 200;
const HOST = 'news.example.com';
const rule = (id: string): Rule => ({ id, title: `Rule ${id}`, sites: ['example.com'], remove: [`.${id}`] });
const IMPORTED = Array.from({ length: 20 }, (_, i) => rule(`imported-${i}`));

let undo = () => {};
afterEach(() => {
  undo();
  local.reset();
});

/** Runs `a` and `b` at once, `runs` times from `store`, and counts the runs whose end state fails `kept`. */
async function race(
  store: Record<string, unknown>,
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  kept: (s: Record<string, unknown>) => boolean,
  runs = RUNS,
): Promise<number> {
  let lost = 0;
  for (let i = 0; i < runs; i++) {
    local.reset(store);
    local.latency = 3;
    await Promise.all([a(), b()]);
    if (!kept(local.data)) lost++;
  }
  return lost;
}

const hasImport = (s: Record<string, unknown>) => IMPORTED.every(r => (s.userRules as Rule[] | undefined)?.some(u => u.id === r.id));
const hasSwitch = (s: Record<string, unknown>) => (s.sites as Settings['sites'] | undefined)?.[HOST]?.rules?.['feed-popular'] === false;
/** What the person had: an own rule, a switch on another site, a reading preference (every item is already stored). */
const STORE = { schemaVersion: 1, userRules: [rule('mine')], sites: { 'other.example.org': { enabled: false } }, reader: { fontSize: 20 } };
const importRules = (m: StorageModule) => () => m.updateSettings(s => addUserRules(s, IMPORTED, { onClash: 'rename' }).settings);
const flipSwitch = (m: StorageModule) => () => m.updateSettings(s => setRuleSwitch(s, HOST, 'feed-popular', false));

test('rules page imports ∥ popup flips a switch, two pages sharing navigator.locks: 200 runs, both saves kept', async () => {
  const locks = new FakeLocks();
  undo = installLocks(locks);
  const lost = await race(STORE, importRules(rulesPage), flipSwitch(popup), s => hasImport(s) && hasSwitch(s));
  assert.equal(lost, 0, `${lost} of ${RUNS} runs lost a save`);
  assert.ok(locks.requests >= 2 * RUNS, 'every save took the shared lock');
});

test('delete my last own rule ∥ another page adds one: the added rule is never removed with the deleted one', async () => {
  undo = installLocks(new FakeLocks());
  const lost = await race(
    { schemaVersion: 1, userRules: [rule('last')] },
    () => rulesPage.updateSettings(s => removeUserRule(s, 'last').settings),
    () => popup.updateSettings(s => addUserRules(s, [rule('added')], { onClash: 'rename' }).settings),
    s => JSON.stringify((s.userRules as Rule[] | undefined)?.map(r => r.id)) === '["added"]',
  );
  assert.equal(lost, 0, `${lost} of ${RUNS} runs lost the added rule or kept the deleted one`);
});

/** Both in the `sites` item: only the lock keeps both (writing only changed items is not enough here). */
const switchEverywhere = (m: StorageModule) => () => m.updateSettings(s => setRuleSwitch(s, '*', 'mine', false));
const hasEverywhere = (s: Record<string, unknown>) => (s.sites as Settings['sites'] | undefined)?.['*']?.rules?.mine === false;

test('rules page switches a rule off everywhere ∥ popup flips one for its site (one stored item): both kept', async () => {
  undo = installLocks(new FakeLocks());
  const lost = await race(STORE, switchEverywhere(rulesPage), flipSwitch(popup), s => hasEverywhere(s) && hasSwitch(s));
  assert.equal(lost, 0, `${lost} of ${RUNS} runs lost a save`);
});

test('the race is real: two pages without a shared lock do lose one of two saves to one item', async () => {
  undo = installLocks(undefined); // each page falls back to its own queue, which cannot see the other page
  const lost = await race(STORE, switchEverywhere(rulesPage), flipSwitch(popup), s => hasEverywhere(s) && hasSwitch(s), 20);
  assert.ok(lost > 0, 'this harness would not notice a lost save');
});

test('three pages at once (rules page, popup, reader tab), each changing its own part: every change kept (50 runs)', async () => {
  undo = installLocks(new FakeLocks());
  let lost = 0;
  const runs = RUNS / 4;
  for (let i = 0; i < runs; i++) {
    local.reset(STORE);
    local.latency = 3;
    await Promise.all([
      importRules(rulesPage)(),
      flipSwitch(popup)(),
      readerTab.updateSettings(s => ({ ...s, reader: { ...s.reader, fontSize: 24 } })),
    ]);
    if (!(hasImport(local.data) && hasSwitch(local.data) && (local.data.reader as { fontSize?: number } | undefined)?.fontSize === 24))
      lost++;
  }
  assert.equal(lost, 0, `${lost} of ${runs} runs lost a save`);
});

test('where navigator.locks is absent, two saves of one page to one item are still serialized (50 runs)', async () => {
  undo = installLocks(undefined);
  const lost = await race(STORE, switchEverywhere(popup), flipSwitch(popup), s => hasEverywhere(s) && hasSwitch(s), RUNS / 4);
  assert.equal(lost, 0, `${lost} of ${RUNS / 4} runs lost a save`);
});

test('a save writes only the items whose stored form changed, and removes only what it read and emptied', async () => {
  undo = installLocks(new FakeLocks());
  local.reset({ schemaVersion: 1, userRules: [rule('mine')], ui: { showRemoved: false }, theme: { dark: true } });
  await popup.updateSettings(s => setRuleSwitch(s, HOST, 'feed-popular', false));
  assert.deepEqual(local.sets, [{ sites: { [HOST]: { rules: { 'feed-popular': false } } } }], 'only the sites item');
  assert.deepEqual(local.removes, []);
  await rulesPage.updateSettings(s => removeUserRule(s, 'mine').settings);
  assert.deepEqual(local.removes, [['userRules']]);
  assert.equal(local.sets.length, 1, 'nothing else written');
  await rulesPage.updateSettings(s => s);
  assert.equal(local.writes, 2, 'a save that changes nothing writes nothing');
  assert.deepEqual(local.data.theme, { dark: true }, 'a key that is not a setting is never touched');
});
