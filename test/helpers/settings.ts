/** Helpers for the settings module's tests: deep-frozen inputs and the suite's stored-settings fixtures. */
import { readFileSync } from 'node:fs';

/** Deep-freezes a JSON tree so any mutation by the code under test throws in strict mode. */
export function freeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) freeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Reads a JSON fixture of the settings suite (test/settings/fixtures/). */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../settings/fixtures/${name}`, import.meta.url), 'utf8'));
}
