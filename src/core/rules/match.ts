/**
 * Which rules apply to a URL: "*", or a site and every host below it. Whether a site is a registrable
 * domain (not a public suffix such as "com.cn") is checked when a rule file is read (./psl.ts), so
 * matching is a plain suffix test and the content script needs no copy of the Public Suffix List.
 */
import type { Rule } from './types';

/** A rule's site as written, reduced to the host it names ("*.163.com" → "163.com"). */
export function siteHost(site: string): string {
  return site.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/** An IPv4 address: a host with no registrable domain, so a rule for it names the address itself (an intranet page, the e2e server). */
export const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** Whether a `sites` entry is well formed: "*", an IPv4 address or a dotted host name (the PSL check is in ./psl.ts). */
export function isWellFormedSite(site: string): boolean {
  return site === '*' || IPV4.test(siteHost(site)) || /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/.test(siteHost(site));
}

/** Whether a host is the site or below it: news.sina.com.cn is in sina.com.cn. */
export function hostInSite(hostname: string, site: string): boolean {
  if (site === '*') return true;
  const h = hostname.toLowerCase().replace(/\.$/, '');
  const s = siteHost(site);
  return h === s || (!IPV4.test(s) && h.endsWith('.' + s));
}

/** The hostname of a URL, or "" for URLs without one (file:, data:, about:). */
export function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return '';
  }
}

/** The rules whose sites include the URL's host. */
export function rulesForUrl(rules: readonly Rule[], url: string): Rule[] {
  const host = hostnameOf(url);
  return rules.filter(r => r.sites.some(s => s === '*' || (host !== '' && hostInSite(host, s))));
}
