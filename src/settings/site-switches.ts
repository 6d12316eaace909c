/** Per-site switches keyed by hostname, most specific host first (uBlock Origin's hnswitches.js). */
import type { Settings, SiteSwitches } from './defaults.ts';
import { hostChain, normalizeHostname } from './hostname.ts';

/** What applies on one hostname after walking a.b.example.com → b.example.com → example.com → com → "*". */
export interface SiteState {
  /** false: don't clean this site (plain Readability). */
  enabled: boolean;
  /** The host key that decided `enabled`, or null when nothing is stored (the default, on). */
  enabledFrom: string | null;
  /** Every rule with a stored switch on the chain, resolved: ruleId -> on/off. Absent ids use the rule's default. */
  switches: Record<string, boolean>;
  /** Rule ids switched off here (the keys of `switches` that are false), sorted. */
  disabled: string[];
  /** ruleId -> the host key whose switch decided it, so the popup can say "off for all of sina.com.cn". */
  source: Record<string, string>;
}

/** Resolves the switches that apply on `hostname`; a more specific host's value wins for each switch. */
export function siteState(settings: Settings, hostname: string): SiteState {
  const state: SiteState = { enabled: true, enabledFrom: null, switches: {}, disabled: [], source: {} };
  for (const key of hostChain(hostname)) {
    const site = settings.sites[key];
    if (!site) continue;
    if (state.enabledFrom === null && site.enabled !== undefined) {
      state.enabled = site.enabled;
      state.enabledFrom = key;
    }
    for (const [id, on] of Object.entries(site.rules ?? {})) {
      if (id in state.switches) continue;
      state.switches[id] = on;
      state.source[id] = key;
    }
  }
  state.disabled = Object.keys(state.switches)
    .filter(id => !state.switches[id])
    .sort();
  return state;
}

/** Whether rule `ruleId` runs under `state`; `ruleDefault` is the rule's own default (every bundled rule is on). */
export function isRuleOn(state: SiteState, ruleId: string, ruleDefault = true): boolean {
  return state.switches[ruleId] ?? ruleDefault;
}

/** The value a host would inherit from its parents (the chain without the host itself). */
export function inherited(settings: Settings, host: string, pick: (s: SiteSwitches) => boolean | undefined, fallback: boolean): boolean {
  for (const key of hostChain(host).slice(1)) {
    const site = settings.sites[key];
    const v = site ? pick(site) : undefined;
    if (v !== undefined) return v;
  }
  return fallback;
}

/** A new Settings with `host`'s entry replaced by `update(entry)`; an entry left empty is removed. */
export function withSite(settings: Settings, host: string, update: (s: SiteSwitches) => SiteSwitches): Settings {
  const next = update({ ...settings.sites[host] });
  if (next.rules && Object.keys(next.rules).length === 0) delete next.rules;
  const sites = { ...settings.sites };
  // Every switch a site may hold counts (site-reading.ts adds merge and script): an entry goes only when all are unset.
  if (Object.values(next).every(v => v === undefined)) delete sites[host];
  else sites[host] = next;
  return { ...settings, sites };
}

/**
 * Switches rule `ruleId` on or off for exactly `hostname` (null: forget it, inherit again), returning new Settings.
 * A value equal to what the host would inherit is not stored, which keeps storage.sync small.
 * Returns `settings` itself (same object) when `hostname` is not a hostname or `ruleId` is empty.
 */
export function setRuleSwitch(settings: Settings, hostname: string, ruleId: string, on: boolean | null, ruleDefault = true): Settings {
  const host = normalizeHostname(hostname);
  if (host === null || !ruleId) return settings;
  const parent = inherited(settings, host, s => s.rules?.[ruleId], ruleDefault);
  return withSite(settings, host, site => {
    const rules = { ...site.rules };
    if (on === null || on === parent) delete rules[ruleId];
    else rules[ruleId] = on;
    return { ...site, rules };
  });
}

/**
 * Switches cleaning on or off for exactly `hostname` (false: plain Readability there; null: inherit again),
 * returning new Settings. Returns `settings` itself when `hostname` is not a hostname.
 */
export function setSiteSwitch(settings: Settings, hostname: string, on: boolean | null): Settings {
  const host = normalizeHostname(hostname);
  if (host === null) return settings;
  const parent = inherited(settings, host, s => s.enabled, true);
  return withSite(settings, host, site => {
    const next = { ...site };
    if (on === null || on === parent) delete next.enabled;
    else next.enabled = on;
    return next;
  });
}
