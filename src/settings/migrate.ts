/** Ordered, pure schema migrations: raw stored data of version N in, version N+1 out (webext-options-sync style). */
import { SCHEMA_VERSION } from './defaults.ts';
import { describe, isRecord } from './shape.ts';

/** One step's output: the upgraded data and what could not be carried over, in words a person can act on. */
export interface MigrationStep {
  data: Record<string, unknown>;
  errors: string[];
}

/** A pure upgrade from one version to the next; it must not mutate its input. */
export type Migration = (data: Record<string, unknown>) => MigrationStep;

/**
 * v0, the pre-release shape (no schemaVersion):
 * `{ disabledRules: { host: [ruleId…] }, siteOff: [host…], showRemoved: bool, customRules: RuleFile }`.
 * v1 keys per-site switches by hostname and groups the popup preferences under `ui`.
 */
export function v0ToV1(old: Record<string, unknown>): MigrationStep {
  const { disabledRules, siteOff, showRemoved, customRules, ...rest } = old;
  const errors: string[] = [];
  // Merge into any v1-shaped `sites` already there (data that merely lost its schemaVersion).
  const sites: Record<string, unknown> = isRecord(rest.sites) ? { ...rest.sites } : {};
  let touched = false;
  const site = (host: string): Record<string, unknown> => {
    const entry = sites[host];
    const copy = isRecord(entry) ? { ...entry } : {};
    sites[host] = copy;
    touched = true;
    return copy;
  };

  if (isRecord(disabledRules)) {
    for (const [host, ids] of Object.entries(disabledRules)) {
      if (!Array.isArray(ids)) {
        errors.push(
          `disabledRules["${host}"] (old format): expected a list of rule ids, got ${describe(ids)}; those switches were not carried over.`,
        );
        continue;
      }
      const before = site(host).rules;
      const rules: Record<string, unknown> = isRecord(before) ? { ...before } : {};
      for (const id of ids) {
        if (typeof id === 'string' && id) rules[id] = false;
        else errors.push(`disabledRules["${host}"] (old format): ${describe(id)} is not a rule id; skipped.`);
      }
      site(host).rules = rules;
    }
  } else if (disabledRules !== undefined) {
    errors.push(
      `disabledRules (old format): expected an object of hostname -> rule ids, got ${describe(disabledRules)}; per-rule switches were not carried over.`,
    );
  }

  if (Array.isArray(siteOff)) {
    for (const host of siteOff) {
      if (typeof host === 'string' && host) site(host).enabled = false;
      else errors.push(`siteOff (old format): ${describe(host)} is not a hostname; skipped.`);
    }
  } else if (siteOff !== undefined) {
    errors.push(`siteOff (old format): expected a list of hostnames, got ${describe(siteOff)}; sites switched off were not carried over.`);
  }

  const data: Record<string, unknown> = { ...rest, schemaVersion: 1 };
  if (touched) data.sites = sites;
  if (showRemoved !== undefined) data.ui = { ...(isRecord(rest.ui) ? rest.ui : {}), showRemoved };
  if (customRules !== undefined) {
    if (isRecord(customRules) && Array.isArray(customRules.rules)) data.userRules = customRules.rules;
    else {
      const why = `customRules (old format): expected a rule file {version, rules: [...]}, got ${describe(customRules)}; it was set aside, not deleted.`;
      errors.push(why);
      data.quarantine = [...(Array.isArray(rest.quarantine) ? rest.quarantine : []), { rule: customRules, errors: [why] }];
    }
  }
  return { data, errors };
}

/** Keys that only v0 wrote: v0ToV1 carries them over, so a save after a successful migration removes them. */
export const RETIRED_KEYS: readonly string[] = ['disabledRules', 'siteOff', 'showRemoved', 'customRules'];

/** MIGRATIONS[n] upgrades version n to n+1; its length must equal SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [v0ToV1];

/** The version the raw data claims: missing means v0 (the pre-release never wrote one). */
export function versionOf(data: Record<string, unknown>): { version: number; error?: string } {
  const v = data.schemaVersion;
  if (v === undefined) return { version: 0 };
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { version: v };
  return {
    version: SCHEMA_VERSION,
    error: `schemaVersion: expected a whole number, got ${describe(v)}; read the settings as version ${SCHEMA_VERSION}.`,
  };
}

/** Runs every migration from the data's version up to SCHEMA_VERSION; newer data is passed through untouched. */
export function migrate(raw: Record<string, unknown>): MigrationStep & { fromVersion: number } {
  const { version, error } = versionOf(raw);
  const errors = error ? [error] : [];
  let data = raw;
  for (let v = version; v < SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]!(data);
    data = step.data;
    errors.push(...step.errors);
  }
  if (version > SCHEMA_VERSION) {
    errors.push(
      `schemaVersion: these settings were saved by a newer Jingyue (version ${version}; this one reads ${SCHEMA_VERSION}); kept what this version understands. Update the extension to get the rest back.`,
    );
  }
  return { data, errors, fromVersion: version };
}
