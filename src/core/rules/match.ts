/** Which rules apply to a URL: "*" or registrable domains matched through the Public Suffix List. */
import { getDomain, getHostname } from 'tldts';
import type { Rule } from './types';

/** A rule's site as written, reduced to the host it names ("*.163.com" → "163.com"). */
export function siteHost(site: string): string {
  return site.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/**
 * Whether a `sites` entry is acceptable: "*", a registrable domain ("sina.com.cn", not "com.cn"), or a
 * host below one ("news.sina.com.cn"). Public suffixes alone would match whole countries' sites.
 */
export function isValidSite(site: string): boolean {
  if (site === '*') return true;
  const host = siteHost(site);
  if (!/^[a-z0-9.-]+$/.test(host)) return false;
  return getDomain(host, { allowPrivateDomains: true }) !== null;
}

/** Whether a host is the site or below it: news.sina.com.cn is in sina.com.cn; sina.com.cn is not in com.cn. */
export function hostInSite(hostname: string, site: string): boolean {
  if (site === '*') return true;
  const h = hostname.toLowerCase().replace(/\.$/, '');
  const s = siteHost(site);
  if (!(h === s || h.endsWith('.' + s))) return false;
  return isValidSite(s); // a public suffix ("com.cn") is not a site, whatever a rule file says

}

/** The hostname of a URL, or "" for URLs without one (file:, data:, about:). */
export function hostnameOf(url: string): string {
  try { return getHostname(url) ?? ''; } catch { return ''; }
}

/** The rules whose sites include the URL's host. */
export function rulesForUrl(rules: Rule[], url: string): Rule[] {
  const host = hostnameOf(url);
  return rules.filter(r => r.sites.some(s => s === '*' || (host !== '' && hostInSite(host, s))));
}
