/**
 * The reading history's storage half (issue 18) with the real src/platform/storage.ts over the fake
 * storage.local (each call 0–3 ms, so concurrent writes interleave) and one shared Web Locks manager: two
 * reader tabs keeping at once and a settings save beside them lose nothing; the settings read never reads
 * the history's items; the real keeper (src/reader/keep-handoff.ts) loads a tab's article by its id from the
 * history once the stash and the tab's own copy are gone, keeps nothing with the switch off, and says
 * nothing is there when the article is gone.
 */
import { local } from '../helpers/fake-browser.ts';
import { afterEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeLocks, installLocks } from '../helpers/fake-locks.ts';
import { addToHistory, deleteFromHistory, setRuleSwitch } from '../../src/settings/index.ts';
import { handoffKeeper, type HandoffPlaces } from '../../src/reader/keep-handoff.ts';

type StorageModule = typeof import('../../src/platform/storage.ts');
const MODULE = new URL('../../src/platform/storage.ts', import.meta.url).href;
const page = (name: string) => import(`${MODULE}?page=${name}`) as Promise<StorageModule>;
const [tabA, tabB, popup] = await Promise.all([page('reader-a'), page('reader-b'), page('popup')]);

let undo = () => {};
afterEach(() => {
  undo();
  local.reset();
});

const payload = (n: number) => ({
  article: { url: `https://news.example.com/${n}`, title: `Story ${n}`, siteName: 'Daily', html: `<p>${n}</p>` },
  rules: [],
});
const keep = (m: StorageModule, n: number) => m.updateHistory(index => addToHistory(index, `id-${n}`, payload(n), Date.now() + n));

test('two reader tabs keeping at once and a switch saved beside them: 100 runs, no entry, article or switch lost', async () => {
  undo = installLocks(new FakeLocks());
  let lost = 0;
  for (let run = 0; run < 100; run++) {
    local.reset({ schemaVersion: 1 });
    local.latency = 3;
    await Promise.all([
      keep(tabA, 1),
      keep(tabB, 2),
      popup.updateSettings(s => setRuleSwitch(s, 'news.example.com', 'feed-popular', false)),
    ]);
    const ids = ((local.data.history ?? []) as { id: string }[]).map(e => e.id).sort();
    const ok =
      ids.join() === 'id-1,id-2' &&
      !!local.data['history:id-1'] &&
      !!local.data['history:id-2'] &&
      (local.data.sites as Record<string, { rules?: Record<string, boolean> }>)?.['news.example.com']?.rules?.['feed-popular'] === false;
    if (!ok) lost++;
  }
  assert.equal(lost, 0);
});

test('without the lock the same race loses entries (the test can fail)', async () => {
  undo = installLocks(undefined);
  // Each "page" queues only its own saves without navigator.locks: two tabs interleave their read-modify-writes.
  let lost = 0;
  for (let run = 0; run < 50; run++) {
    local.reset({ schemaVersion: 1 });
    local.latency = 3;
    await Promise.all([keep(tabA, 1), keep(tabB, 2)]);
    if (((local.data.history ?? []) as unknown[]).length !== 2) lost++;
  }
  assert.ok(lost > 0, `${lost} of 50 runs lost an entry without the lock`);
});

test('an article is written before the index names it, and deleted only after the index no longer does', async () => {
  undo = installLocks(new FakeLocks());
  local.reset({ schemaVersion: 1 });
  await keep(tabA, 1);
  const [articleSet, indexSet] = local.sets.slice(-2);
  assert.ok(articleSet && 'history:id-1' in articleSet && !('history' in articleSet));
  assert.ok(indexSet && 'history' in indexSet);
  await tabA.updateHistory(index => deleteFromHistory(index, ['id-1']));
  assert.deepEqual(local.data.history, []);
  assert.deepEqual(local.removes.at(-1), ['history:id-1']);
  assert.equal('history:id-1' in local.data, false);
});

test("reading the settings reads only the settings' items, never the history's (8 MB of it must not slow the popup)", async () => {
  local.reset({ schemaVersion: 1, history: [], 'history:id-1': payload(1), theme: { dark: true } });
  const asked: unknown[] = [];
  const get = local.get.bind(local);
  local.get = async keys => (asked.push(keys), get(keys));
  try {
    const read = await popup.readSettings();
    assert.equal(read.needsSave, false);
  } finally {
    local.get = get;
  }
  assert.ok(
    asked.every(k => Array.isArray(k) && !k.some(x => String(x).startsWith('history'))),
    JSON.stringify(asked),
  );
  assert.deepEqual(local.data.theme, { dark: true }, 'a key that is not a setting is left alone');
});

/** A keeper for tab `id` whose stash and own copy are `stash` and `own`, over the real history. */
function keeperFor(id: string, opts: { stash?: unknown; own?: Record<string, string> } = {}) {
  const own = opts.own ?? {};
  const places: HandoffPlaces = {
    own: { getItem: k => own[k] ?? null, setItem: (k, v) => void (own[k] = v) },
    peek: async () => opts.stash,
    release: async () => {},
    hold: async () => {},
    history: {
      read: tabA.readHistoryArticle,
      keep: (key, raw) => tabA.updateHistory(index => addToHistory(index, key, raw as ReturnType<typeof payload>, 1)).then(() => {}),
    },
  };
  return { keeper: handoffKeeper(id, places), own };
}

test('a reader tab keeps its article in the history; after a restart (no stash, no own copy) it loads by its id', async () => {
  undo = installLocks(new FakeLocks());
  local.reset({ schemaVersion: 1 });
  const first = keeperFor('tab-1', { stash: payload(7) });
  assert.deepEqual(await first.keeper.load(), payload(7));
  assert.equal(await first.keeper.keep({ history: true }), 'kept');
  assert.ok(local.data['history:tab-1']);
  const later = keeperFor('tab-1');
  assert.deepEqual(await later.keeper.load(), payload(7));
  assert.equal(later.keeper.from, 'history');
});

test('history off: the tab keeps its own copy only; gone: nothing to load', async () => {
  undo = installLocks(new FakeLocks());
  local.reset({ schemaVersion: 1 });
  const tab = keeperFor('tab-2', { stash: payload(8) });
  await tab.keeper.load();
  assert.equal(await tab.keeper.keep({ history: false }), 'kept');
  assert.equal(local.data.history, undefined, 'nothing kept in storage.local');
  assert.ok(Object.keys(tab.own).length, 'the own copy for a reload');
  assert.equal(await keeperFor('tab-2').keeper.load(), undefined, 'gone after a restart');
});
