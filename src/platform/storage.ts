/**
 * Settings I/O: storage.local holds toStored()'s items (only what differs from the defaults, plus the
 * schema version); the pure src/settings module does validation and migrations. local rather than sync:
 * per-site switches are cheap to lose and storage.sync's 8 KiB per-item quota is easy to hit with CJK labels.
 */
import browser from 'webextension-polyfill';
import { DEFAULTS, SCHEMA_VERSION, loadSettings, toStored, type Settings } from '../settings/index.ts';

const KEYS = Object.keys(DEFAULTS);

/** What was read: valid settings, the repairs made, and whether a newer build wrote them. */
export interface ReadResult {
  settings: Settings;
  errors: string[];
  newer: boolean;
}

/** Reads and repairs the stored settings (missing or broken items take their defaults). */
export async function readSettings(): Promise<ReadResult> {
  // Everything, not just today's KEYS: a v0 store keeps its switches under older keys (disabledRules, siteOff…),
  // and loadSettings can only migrate what it is given (test/e2e/hostile-settings.test.ts, the v0 journey).
  const raw = await browser.storage.local.get(null);
  const { settings, errors, fromVersion } = loadSettings(raw);
  return { settings, errors, newer: fromVersion > SCHEMA_VERSION };
}

/** Writes `settings` in storage form; items back at their default are removed rather than stored. */
export async function writeSettings(settings: Settings): Promise<void> {
  const stored = toStored(settings);
  const stale = KEYS.filter((k) => !(k in stored));
  await browser.storage.local.set(stored);
  if (stale.length) await browser.storage.local.remove(stale);
}
