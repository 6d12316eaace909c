/**
 * Settings I/O: storage.local holds toStored()'s items (only what differs from the defaults, plus the
 * schema version); the pure src/settings module does validation, migrations and the write plan. local
 * rather than sync: storage.sync's 8 KiB per-item quota is easy to hit with CJK labels.
 *
 * Every write is a read-modify-write (updateSettings): the change is applied to what is stored at that
 * moment, never to a page's old copy, and nothing is written when the read failed, the store could not be
 * read as settings, or a newer build wrote it (issue 8: a failed read once wrote defaults over two sites
 * and an own rule; test/webext/settings-loss.test.ts). The popup, the rules page and the reader tab each
 * run it under one Web Lock, so two pages saving at once cannot both read the same old store (issue 16:
 * without it, 91 of 200 runs of "import ∥ flip a switch" lose one; test/webext/concurrent-saves.test.ts).
 */
import browser from 'webextension-polyfill';
import { selectorCheck } from '../core/rules/parse.ts';
import {
  DEFAULTS,
  HISTORY_INDEX,
  RETIRED_KEYS,
  SCHEMA_VERSION,
  historyKey,
  isEmptyPlan,
  loadSettings,
  readHistoryIndex,
  writePlan,
  type HistoryChange,
  type HistoryEntry,
  type LoadResult,
  type Settings,
} from '../settings/index.ts';

/** What was read: valid settings, the repairs made, and whether it may be written back. */
export interface ReadResult {
  settings: Settings;
  errors: string[];
  /** A newer build wrote these settings: never write them. */
  newer: boolean;
  /** The store could not be read as settings: never write over it. */
  unreadable?: boolean;
  /** Own rules found damaged and set aside in the quarantine by this read. */
  setAside?: number;
  /**
   * Saving what was read would change the store: a repair, a migration or a retired key to remove. Keys
   * left for a newer build are no reason (they are never touched), so a clean store is never rewritten.
   */
  needsSave?: boolean;
}

/** Why a save was refused: the store is a newer build's, or it could not be read. Nothing was written. */
export class SettingsLockedError extends Error {
  constructor(
    readonly reason: 'newer' | 'unreadable',
    detail = '',
  ) {
    super(
      reason === 'newer' ? 'settings were saved by a newer version of Jingyue' : `settings could not be read${detail ? `: ${detail}` : ''}`,
    );
    this.name = 'SettingsLockedError';
  }
}

/** The Web Lock every extension page takes around a settings read-modify-write (one origin: one lock manager). */
const LOCK = 'jingyue:settings';
/** This page's saves in order, where the Web Locks API is absent (it is in Chrome's and Firefox's extension pages). */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `job` while no other save runs: across every page of the extension through navigator.locks, else
 * within this page only (Node's test fakes have no locks).
 */
function exclusive<T>(job: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManager } }).navigator?.locks;
  if (locks) return locks.request(LOCK, job) as Promise<T>;
  const run = queue.then(job);
  queue = run.catch(() => {});
  return run;
}

/**
 * The storage items settings live in: today's keys and the keys a v0 store kept its switches under
 * (disabledRules, siteOff…). Not the whole area: the reading history shares it (up to 8 MB, read only by
 * the reader tab and the rules page), and a newer build's keys are never read, so never touched.
 */
const SETTING_KEYS = [...Object.keys(DEFAULTS), ...RETIRED_KEYS];

/** Reads raw storage into a LoadResult; CSS selectors of own rules are checked where this page has a DOM. */
async function load(): Promise<LoadResult & { raw: Record<string, unknown> }> {
  const raw = await browser.storage.local.get(SETTING_KEYS);
  const check = typeof document === 'undefined' ? undefined : selectorCheck(document);
  return { ...loadSettings(raw, { check }), raw };
}

/** Reads and repairs the stored settings (missing or broken items take their defaults). Rejects when storage does. */
export async function readSettings(): Promise<ReadResult> {
  const r = await load();
  const newer = r.fromVersion > SCHEMA_VERSION;
  const writable = r.readable && !newer;
  return {
    settings: r.settings,
    errors: r.errors,
    newer,
    unreadable: !r.readable,
    setAside: r.setAside,
    needsSave: writable && !isEmptyPlan(writePlan(r.raw, r.settings)),
  };
}

/**
 * Reads what is stored now, applies `update` and writes the result; returns the settings as saved. Runs
 * alone (exclusive), so no other page can write between this read and this write. Throws (writing nothing)
 * when storage cannot be read, the store is unreadable as settings, or it is newer. Writes only the items
 * whose stored form changed (writePlan); removes items back at their default and retired v0 keys, and only
 * keys this read saw.
 */
export function updateSettings(update: (s: Settings) => Settings): Promise<Settings> {
  return exclusive(async () => {
    const r = await load();
    if (!r.readable) throw new SettingsLockedError('unreadable', r.errors[0]);
    if (r.fromVersion > SCHEMA_VERSION) throw new SettingsLockedError('newer');
    const next = update(r.settings);
    const plan = writePlan(r.raw, next);
    if (Object.keys(plan.set).length) await browser.storage.local.set(plan.set);
    if (plan.remove.length) await browser.storage.local.remove(plan.remove);
    return next;
  });
}

/** The reading history's index, newest first (src/settings/history.ts). */
export async function readHistory(): Promise<HistoryEntry[]> {
  return readHistoryIndex((await browser.storage.local.get(HISTORY_INDEX))[HISTORY_INDEX]);
}

/** The kept article `id` (untrusted: src/reader/handoff.ts checks it), or undefined when it is not kept. */
export async function readHistoryArticle(id: string): Promise<unknown> {
  const key = historyKey(id);
  return (await browser.storage.local.get(key))[key];
}

/**
 * Changes the reading history under the settings' lock (the same one: a history write never interleaves
 * with a settings read-modify-write, nor with another page's history write), on the index stored now.
 * `change` returns null to write nothing. The article items are written before the index that names them,
 * and deleted after the index that no longer does, so a failure midway never leaves an entry without its
 * article. Resolves with the index as stored.
 */
export function updateHistory(change: (index: HistoryEntry[]) => HistoryChange | null): Promise<HistoryEntry[]> {
  return exclusive(async () => {
    const index = readHistoryIndex((await browser.storage.local.get(HISTORY_INDEX))[HISTORY_INDEX]);
    const next = change(index);
    if (!next) return index;
    if (Object.keys(next.set).length) await browser.storage.local.set(next.set);
    await browser.storage.local.set({ [HISTORY_INDEX]: next.index });
    if (next.drop.length) await browser.storage.local.remove(next.drop.map(historyKey));
    return next.index;
  });
}
