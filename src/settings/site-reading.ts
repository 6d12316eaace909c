/**
 * The per-site reading switches of issue 19: merge an article's pages (下一页) and the script it is shown in
 * (原文 / 简体 / 繁體). Keyed by hostname and resolved most specific host first, like the cleaning switches
 * (site-switches.ts); a value equal to what the host would inherit is not stored.
 */
import type { Settings, SiteScript, SiteSwitches } from './defaults.ts';
import { hostChain, normalizeHostname } from './hostname.ts';
import { describe } from './shape.ts';
import { inherited, withSite } from './site-switches.ts';

/** The script choices a site may store, in the control's order (src/ui/script-convert/targets.ts SCRIPT_TARGETS offers the same). */
export const SITE_SCRIPTS: readonly SiteScript[] = ['original', 'cn', 'tw', 'twp', 'hk'];

/** The value of `pick` on the most specific host of `hostname`'s chain that stores one, else `fallback`. */
function resolve<T>(settings: Settings, hostname: string, pick: (s: SiteSwitches) => T | undefined, fallback: T): T {
  const host = normalizeHostname(hostname);
  if (host === null) return fallback;
  for (const key of hostChain(host)) {
    const v = settings.sites[key] ? pick(settings.sites[key]!) : undefined;
    if (v !== undefined) return v;
  }
  return fallback;
}

/** Whether articles on `hostname` are merged across their pages (default: yes). */
export function siteMerge(settings: Settings, hostname: string): boolean {
  return resolve(settings, hostname, s => s.merge, true);
}

/** The script articles on `hostname` are shown in (default: as the page wrote it). */
export function siteScript(settings: Settings, hostname: string): SiteScript {
  return resolve(settings, hostname, s => s.script, 'original');
}

/** Switches the merge on or off for exactly `hostname` (null: inherit again); `settings` itself when it is not a hostname. */
export function setMergeSwitch(settings: Settings, hostname: string, on: boolean | null): Settings {
  const host = normalizeHostname(hostname);
  if (host === null) return settings;
  const parent = inherited(settings, host, s => s.merge, true);
  return withSite(settings, host, site => {
    const next = { ...site };
    if (on === null || on === parent) delete next.merge;
    else next.merge = on;
    return next;
  });
}

/** Remembers the script for exactly `hostname` (null: inherit again); `settings` itself when it is not a hostname. */
export function setScriptSwitch(settings: Settings, hostname: string, script: SiteScript | null): Settings {
  const host = normalizeHostname(hostname);
  if (host === null) return settings;
  let parent: SiteScript = 'original';
  for (const key of hostChain(host).slice(1)) {
    const v = settings.sites[key]?.script;
    if (v !== undefined) {
      parent = v;
      break;
    }
  }
  return withSite(settings, host, site => {
    const next = { ...site };
    if (script === null || script === parent) delete next.script;
    else next.script = script;
    return next;
  });
}

/** Whether a stored value is a script choice. */
export const isSiteScript = (v: unknown): v is SiteScript => SITE_SCRIPTS.includes(v as SiteScript);

/** Repairs one stored reading switch of a site (validate-sites.ts): a bad value is dropped with an error, the rest of the site kept. */
export function validateReadingSwitch(at: string, key: 'merge' | 'script', value: unknown, site: SiteSwitches, errors: string[]): void {
  if (key === 'merge') {
    if (typeof value === 'boolean') site.merge = value;
    else errors.push(`${at}.merge: expected true or false, got ${describe(value)}; the merge switch was reset to its default.`);
  } else if (isSiteScript(value)) site.script = value;
  else
    errors.push(`${at}.script: expected one of ${SITE_SCRIPTS.join(', ')}, got ${describe(value)}; the script was reset to the original.`);
}
