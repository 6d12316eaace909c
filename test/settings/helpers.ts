/** Test helpers for the settings module. */
import { readFileSync } from "node:fs";

/** Deep-freezes a JSON tree so any mutation by the code under test throws in strict mode. */
export function freeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) freeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Reads a JSON fixture from test/settings/fixtures/. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
}
