/** Turns whatever storage returned into valid Settings: migrate, then repair each bad field to its default. */
import { DEFAULTS, SCHEMA_VERSION, defaultSettings, type Settings } from './defaults.ts';
import { RETIRED_KEYS, migrate } from './migrate.ts';
import { describe, isRecord } from './shape.ts';
import { readQuarantine, validateUserRules, type RuleCheckOptions } from './user-rules.ts';
import { validateSites } from './validate-sites.ts';
import { validateReader } from './reader-prefs.ts';

/** The outcome of reading stored settings. */
export interface LoadResult {
  /** Always complete and valid; bad or missing fields hold their defaults. */
  settings: Settings;
  /** One human-readable message per repaired field, naming the field; empty when all was well. */
  errors: string[];
  /** The version the data was saved with; greater than SCHEMA_VERSION means a newer build wrote it, so don't overwrite it blindly. */
  fromVersion: number;
  /** How many own rules this read found damaged and set aside in `settings.quarantine`. */
  setAside: number;
  /**
   * False when the store could not be read as settings (not an object, or a migration threw): writing
   * anything would replace what could not be read, so nothing may be written. A newer store is also not
   * to be written; `fromVersion` says that.
   */
  readable: boolean;
}

/** What a value of the default's type looks like, for an error message. */
const kind = (v: unknown): string => (typeof v === 'boolean' ? 'true or false' : typeof v === 'number' ? 'a number' : 'a text');

/** Repairs `ui`: every key of DEFAULTS.ui must have its default's type; anything else is reset or dropped. */
function validateUi(raw: unknown, errors: string[]): Settings['ui'] {
  const ui = { ...DEFAULTS.ui };
  if (raw === undefined) return ui;
  if (!isRecord(raw)) {
    errors.push(`ui: expected an object, got ${describe(raw)}; display preferences were reset.`);
    return ui;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (!(key in ui)) errors.push(`ui.${key}: not a setting; ignored.`);
    else if (typeof value !== typeof ui[key as keyof typeof ui])
      errors.push(`ui.${key}: expected ${kind(ui[key as keyof typeof ui])}, got ${describe(value)}; reset to the default.`);
    else (ui as Record<string, unknown>)[key] = value;
  }
  return ui;
}

/** Reads stored settings of any version or shape into valid Settings; never throws, and reports every repair. */
export function loadSettings(raw: unknown, opts: RuleCheckOptions = {}): LoadResult {
  const settings = defaultSettings();
  const none = { setAside: 0, fromVersion: SCHEMA_VERSION };
  if (raw === undefined) return { settings, errors: [], ...none, readable: true };
  if (!isRecord(raw)) {
    return {
      settings,
      errors: [`settings: expected an object, got ${describe(raw)}; showing the defaults, and nothing will be saved over what is stored.`],
      ...none,
      readable: false,
    };
  }
  try {
    const { data, errors, fromVersion } = migrate(raw);
    // A missing field is not an error: storage holds only what differs from DEFAULTS.
    if (data.sites !== undefined) settings.sites = validateSites(data.sites, errors);
    settings.quarantine = readQuarantine(data.quarantine, errors);
    const before = settings.quarantine.length;
    if (data.userRules !== undefined) settings.userRules = validateUserRules(data.userRules, errors, settings.quarantine, opts);
    settings.ui = validateUi(data.ui, errors);
    settings.reader = validateReader(data.reader, errors);
    // A retired v0 key beside a current schemaVersion is what an interrupted migration leaves (its values
    // were carried over by the set() that wrote schemaVersion): the next save removes it, nothing to report.
    for (const key of Object.keys(data))
      if (!(key in DEFAULTS) && !RETIRED_KEYS.includes(key)) errors.push(`${key}: not a setting; ignored.`);
    return { settings, errors, fromVersion, setAside: settings.quarantine.length - before, readable: true };
  } catch (e) {
    // A bug in a migration must not leave the extension without settings, nor let a save replace the store.
    return {
      settings: defaultSettings(),
      errors: [`settings: could not be read (${String(e)}); showing the defaults, and nothing will be saved over what is stored.`],
      ...none,
      readable: false,
    };
  }
}
