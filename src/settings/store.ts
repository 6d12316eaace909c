/** What goes into storage: only what differs from DEFAULTS, plus the schema version (options-storage style). */
import { DEFAULTS, SCHEMA_VERSION, type Settings } from "./defaults.ts";
import { loadSettings } from "./validate.ts";
import { isRecord } from "./shape.ts";

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
    if (key === "schemaVersion") continue;
    const d = diff(settings[key], DEFAULTS[key]);
    if (d !== undefined) stored[key] = d;
  }
  return stored;
}

/** Reads the storage form back; the same as loadSettings (missing keys take their defaults). */
export const fromStored = loadSettings;
