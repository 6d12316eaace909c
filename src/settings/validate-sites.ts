/** Repairs stored per-site switches entry by entry, so one bad site never costs the person the others. */
import type { SiteSwitches } from './defaults.ts';
import { normalizeHostname } from './hostname.ts';
import { describe, isRecord } from './shape.ts';
import { validateReadingSwitch } from './site-reading.ts';

/** Repairs one host's switches; returns null when nothing usable is left (the entry is then pruned). */
function validateSite(at: string, raw: unknown, errors: string[]): SiteSwitches | null {
  if (!isRecord(raw)) {
    errors.push(`${at}: expected an object like {"enabled": false}, got ${describe(raw)}; this site's switches were reset.`);
    return null;
  }
  const site: SiteSwitches = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'enabled') {
      if (typeof value === 'boolean') site.enabled = value;
      else errors.push(`${at}.enabled: expected true or false, got ${describe(value)}; the site switch was reset to its default.`);
    } else if (key === 'reader') {
      if (typeof value === 'boolean') site.reader = value;
      else errors.push(`${at}.reader: expected true or false, got ${describe(value)}; the reader tab switch was reset to its default.`);
    } else if (key === 'merge' || key === 'script') {
      validateReadingSwitch(at, key, value, site, errors);
    } else if (key === 'rules') {
      if (!isRecord(value)) {
        errors.push(
          `${at}.rules: expected an object of rule id -> true/false, got ${describe(value)}; this site's rule switches were reset.`,
        );
        continue;
      }
      const rules: Record<string, boolean> = {};
      for (const [id, on] of Object.entries(value)) {
        if (typeof on === 'boolean' && id) rules[id] = on;
        else errors.push(`${at}.rules["${id}"]: expected true or false, got ${describe(on)}; this rule switch was reset to its default.`);
      }
      if (Object.keys(rules).length > 0) site.rules = rules;
    } else {
      errors.push(`${at}.${key}: not a site setting; ignored.`);
    }
  }
  return Object.keys(site).length === 0 ? null : site;
}

/** Repairs the `sites` record: bad hostnames and bad entries are dropped one at a time, with an error each. */
export function validateSites(raw: unknown, errors: string[]): Record<string, SiteSwitches> {
  if (!isRecord(raw)) {
    errors.push(`sites: expected an object of hostname -> switches, got ${describe(raw)}; all per-site switches were reset.`);
    return {};
  }
  const sites: Record<string, SiteSwitches> = {};
  for (const [key, value] of Object.entries(raw)) {
    const at = `sites["${key}"]`;
    const host = normalizeHostname(key);
    if (host === null) {
      errors.push(`${at}: "${key}" is not a hostname; its switches were ignored.`);
      continue;
    }
    const site = validateSite(at, value, errors);
    if (!site) continue;
    // "News.Sina.com.cn" and "news.sina.com.cn" are one site: merge, the later key's switches win.
    const prev = sites[host];
    sites[host] = prev ? { ...prev, ...site, rules: { ...prev.rules, ...site.rules } } : site;
  }
  return sites;
}
