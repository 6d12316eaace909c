/**
 * Settings I/O: storage.local holds toStored()'s items (only what differs from the defaults, plus the
 * schema version); the pure src/settings module does validation and migrations. local rather than sync:
 * storage.sync's 8 KiB per-item quota is easy to hit with CJK labels.
 *
 * Every write is a read-modify-write (updateSettings): the change is applied to what is stored at that
 * moment, never to a page's old copy, and nothing is written when the read failed, the store could not be
 * read as settings, or a newer build wrote it (issue 8: a failed read once wrote defaults over two sites
 * and an own rule; test/webext/settings-loss.test.ts).
 */
import browser from 'webextension-polyfill';
import { selectorCheck } from '../core/rules/parse.ts';
import { DEFAULTS, RETIRED_KEYS, SCHEMA_VERSION, loadSettings, toStored, type LoadResult, type Settings } from '../settings/index.ts';

const KEYS = Object.keys(DEFAULTS);

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
}

/** Why a save was refused: the store is a newer build's, or it could not be read. Nothing was written. */
export class SettingsLockedError extends Error {
  constructor(readonly reason: 'newer' | 'unreadable', detail = '') {
    super(reason === 'newer' ? 'settings were saved by a newer version of Jingyue' : `settings could not be read${detail ? `: ${detail}` : ''}`);
    this.name = 'SettingsLockedError';
  }
}

/** Reads raw storage into a LoadResult; CSS selectors of own rules are checked where this page has a DOM. */
async function load(): Promise<LoadResult & { raw: Record<string, unknown> }> {
  // Everything, not just today's KEYS: a v0 store keeps its switches under older keys (disabledRules, siteOff…).
  const raw = await browser.storage.local.get(null);
  const check = typeof document === 'undefined' ? undefined : selectorCheck(document);
  return { ...loadSettings(raw, { check }), raw };
}

/** Reads and repairs the stored settings (missing or broken items take their defaults). Rejects when storage does. */
export async function readSettings(): Promise<ReadResult> {
  const r = await load();
  return { settings: r.settings, errors: r.errors, newer: r.fromVersion > SCHEMA_VERSION, unreadable: !r.readable, setAside: r.setAside };
}

/**
 * Reads what is stored now, applies `update` and writes the result; returns the settings as saved.
 * Throws (writing nothing) when storage cannot be read, the store is unreadable as settings, or it is newer.
 * Items back at their default are removed; after a migration from v0 its retired keys are removed too.
 */
export async function updateSettings(update: (s: Settings) => Settings): Promise<Settings> {
  const r = await load();
  if (!r.readable) throw new SettingsLockedError('unreadable', r.errors[0]);
  if (r.fromVersion > SCHEMA_VERSION) throw new SettingsLockedError('newer');
  const next = update(r.settings);
  const stored = toStored(next);
  const stale = [...KEYS, ...(r.fromVersion === 0 ? RETIRED_KEYS : [])].filter((k) => !(k in stored) && k in r.raw);
  await browser.storage.local.set(stored);
  if (stale.length) await browser.storage.local.remove(stale);
  return next;
}
