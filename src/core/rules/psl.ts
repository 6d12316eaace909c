/** The Public Suffix List check for rule sites (tldts): kept out of the content script's bundle. */
import { getDomain } from 'tldts';
import { IPV4, isWellFormedSite, siteHost } from './match';

/**
 * Whether a `sites` entry is "*", a registrable domain ("sina.com.cn", "example.github.io") or a host
 * below one ("news.sina.com.cn") — not a public suffix ("com.cn", "github.io"), which would match whole
 * countries' or platforms' sites. An IPv4 address has no registrable domain and stands for itself.
 */
export function isRegistrableSite(site: string): boolean {
  if (!isWellFormedSite(site)) return false;
  return site === '*' || IPV4.test(siteHost(site)) || getDomain(siteHost(site), { allowPrivateDomains: true }) !== null;
}

/**
 * The site a person's new rule is for by default: the host's registrable domain by the Public Suffix List
 * ("news.sina.com.cn" → "sina.com.cn"), or the host itself when it has none (an IP address, "localhost").
 */
export function defaultRuleSite(host: string): string {
  const h = siteHost(host);
  if (IPV4.test(h)) return h;
  return getDomain(h, { allowPrivateDomains: true }) ?? h;
}
