/** What goes into storage: only what differs from DEFAULTS, plus the schema version (options-storage style). */
import equal from 'fast-deep-equal';
import { DEFAULTS, SCHEMA_VERSION, type Settings } from './defaults.ts';
import { RETIRED_KEYS } from './migrate.ts';
import { loadSettings } from './validate.ts';
import { isRecord } from './shape.ts';

/** The part of `value` that differs from `base`, or undefined when nothing does; empty objects are pruned. */
function diff(value: unknown, base: unknown): unknown {
  if (isRecord(value)) {
    const baseRecord = isRecord(base) ? base : {};
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const d = diff(child, baseRecord[key]);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (value === undefined) return undefined;
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** The storage form of `settings`: each top-level key is one storage item; keys equal to their default are left out. */
export function toStored(settings: Settings): Record<string, unknown> {
  const stored: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION };
  for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
    if (key === 'schemaVersion') continue;
    const d = diff(settings[key], DEFAULTS[key]);
    if (d !== undefined) stored[key] = d;
  }
  return stored;
}

/** Reads the storage form back; the same as loadSettings (missing keys take their defaults). */
export const fromStored = loadSettings;

/** One save's storage calls: the items to set and the keys to remove afterwards. */
export interface WritePlan {
  set: Record<string, unknown>;
  remove: string[];
}

/**
 * What saving `settings` over the stored items `raw` must write: only the items whose stored form differs
 * from what is stored (so a page that flips a switch never rewrites the own rules another page just
 * imported), and the removal of the setting keys `raw` holds that are back at their default, plus any
 * retired v0 key still there (a migration whose remove never ran: issue 16). Keys that are not settings are
 * never touched (a newer build may own them). Compared as JSON values, key order aside.
 */
export function writePlan(raw: Readonly<Record<string, unknown>>, settings: Settings): WritePlan {
  const stored = toStored(settings);
  const set = Object.fromEntries(Object.entries(stored).filter(([key, value]) => !(key in raw) || !equal(raw[key], value)));
  const remove = [...Object.keys(DEFAULTS), ...RETIRED_KEYS].filter(key => !(key in stored) && key in raw);
  return { set, remove };
}

/** Whether a plan writes nothing at all. */
export const isEmptyPlan = (plan: WritePlan): boolean => Object.keys(plan.set).length === 0 && plan.remove.length === 0;
