/** Hostname normalization and the most-specific-first lookup chain (uBlock Origin hnswitches.js). */

/** The key that applies to every site; it sits at the end of every lookup chain. */
export const ANY_SITE = '*';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const NAME = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/;

/** Lower-cases and strips a trailing dot; returns null when the text is not a hostname (or "*"). */
export function normalizeHostname(host: string): string | null {
  const h = host.trim().toLowerCase().replace(/\.$/, '');
  if (h === ANY_SITE) return h;
  if (h.length === 0 || h.length > 253) return null;
  return IPV4.test(h) || IPV6.test(h) || NAME.test(h) ? h : null;
}

/** The hostname of a page URL, or null for URLs without one (file:, about:, garbage). */
export function hostnameOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  return parsed.hostname ? normalizeHostname(parsed.hostname) : null;
}

/**
 * Keys to look up, most specific first: a.b.example.com, b.example.com, example.com, com, "*".
 * IP addresses are not split: 0.0.1 is not a parent of 127.0.0.1.
 */
export function hostChain(hostname: string): string[] {
  const host = normalizeHostname(hostname);
  if (host === null || host === ANY_SITE) return [ANY_SITE];
  if (IPV4.test(host) || IPV6.test(host)) return [host, ANY_SITE];
  const labels = host.split('.');
  const chain = labels.map((_, i) => labels.slice(i).join('.'));
  chain.push(ANY_SITE);
  return chain;
}
