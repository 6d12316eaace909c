/**
 * "Open articles in a reader tab" as a per-site switch (issue 18): stored under sites[host].reader like the
 * other switches, so the most specific host decides and "*" is the switch for all sites. Off by default.
 */
import type { Settings } from './defaults.ts';
import { hostChain, normalizeHostname } from './hostname.ts';
import { inherited, withSite } from './site-switches.ts';

/** Whether the toolbar click on `hostname` opens the article straight in a reader tab. */
export function readerTabOn(settings: Settings, hostname: string): boolean {
  for (const key of hostChain(hostname)) {
    const v = settings.sites[key]?.reader;
    if (v !== undefined) return v;
  }
  return false;
}

/** Sets the switch for exactly `hostname` ("*": all sites); a value equal to what it inherits is not stored. */
export function setReaderTab(settings: Settings, hostname: string, on: boolean): Settings {
  const host = normalizeHostname(hostname);
  if (host === null) return settings;
  const parent = inherited(settings, host, s => s.reader, false);
  return withSite(settings, host, site => {
    const next = { ...site };
    if (on === parent) delete next.reader;
    else next.reader = on;
    return next;
  });
}
