/** Turns whatever storage returned into valid Settings: migrate, then repair each bad field to its default. */
import { DEFAULTS, SCHEMA_VERSION, defaultSettings, type Settings } from "./defaults.ts";
import { migrate } from "./migrate.ts";
import { describe, isRecord } from "./shape.ts";
import { validateUserRules } from "./user-rules.ts";
import { validateSites } from "./validate-sites.ts";
import { validateReader } from "./reader-prefs.ts";

/** The outcome of reading stored settings. */
export interface LoadResult {
  /** Always complete and valid; bad or missing fields hold their defaults. */
  settings: Settings;
  /** One human-readable message per repaired field, naming the field; empty when all was well. */
  errors: string[];
  /** The version the data was saved with; greater than SCHEMA_VERSION means a newer build wrote it, so don't overwrite it blindly. */
  fromVersion: number;
}

/** What a value of the default's type looks like, for an error message. */
const kind = (v: unknown): string => (typeof v === "boolean" ? "true or false" : typeof v === "number" ? "a number" : "a text");

/** Repairs `ui`: every key of DEFAULTS.ui must have its default's type; anything else is reset or dropped. */
function validateUi(raw: unknown, errors: string[]): Settings["ui"] {
  const ui = { ...DEFAULTS.ui };
  if (raw === undefined) return ui;
  if (!isRecord(raw)) {
    errors.push(`ui: expected an object, got ${describe(raw)}; display preferences were reset.`);
    return ui;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in ui)) errors.push(`ui.${key}: not a setting; ignored.`);
    else if (typeof value !== typeof ui[key as keyof typeof ui]) errors.push(`ui.${key}: expected ${kind(ui[key as keyof typeof ui])}, got ${describe(value)}; reset to the default.`);
    else (ui as Record<string, unknown>)[key] = value;
  }
  return ui;
}

/** Reads stored settings of any version or shape into valid Settings; never throws, and reports every repair. */
export function loadSettings(raw: unknown): LoadResult {
  const settings = defaultSettings();
  if (raw === undefined) return { settings, errors: [], fromVersion: SCHEMA_VERSION };
  if (!isRecord(raw)) {
    return { settings, errors: [`settings: expected an object, got ${describe(raw)}; all settings were reset to their defaults.`], fromVersion: SCHEMA_VERSION };
  }
  try {
    const { data, errors, fromVersion } = migrate(raw);
    // A missing field is not an error: storage holds only what differs from DEFAULTS.
    if (data.sites !== undefined) settings.sites = validateSites(data.sites, errors);
    if (data.userRules !== undefined) settings.userRules = validateUserRules(data.userRules, errors);
    settings.ui = validateUi(data.ui, errors);
    settings.reader = validateReader(data.reader, errors);
    for (const key of Object.keys(data)) if (!(key in DEFAULTS)) errors.push(`${key}: not a setting; ignored.`);
    return { settings, errors, fromVersion };
  } catch (e) {
    // Defensive: a bug in a migration must not leave the extension without settings.
    return { settings: defaultSettings(), errors: [`settings: could not be read (${String(e)}); all settings were reset to their defaults.`], fromVersion: SCHEMA_VERSION };
  }
}
