/** The Public Suffix List check for rule sites (tldts): kept out of the content script's bundle. */
import { getDomain } from 'tldts';
import { isWellFormedSite, siteHost } from './match';

/**
 * Whether a `sites` entry is "*", a registrable domain ("sina.com.cn", "example.github.io") or a host
 * below one ("news.sina.com.cn") — not a public suffix ("com.cn", "github.io"), which would match whole
 * countries' or platforms' sites.
 */
export function isRegistrableSite(site: string): boolean {
  if (!isWellFormedSite(site)) return false;
  return site === '*' || getDomain(siteHost(site), { allowPrivateDomains: true }) !== null;
}
