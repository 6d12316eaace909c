/**
 * Whether a class, id or attribute value names a thing durably. Generated names change with every build of
 * a site (CSS modules "Card_title__3xY7a", styled-components "sc-bdVaJa", emotion "css-1q2w3e") and numbered
 * ones change with the content ("post-12345", "item-3"); rules made from them are the brittle picker rules
 * the issue names (uBlock Origin's picker output breaking on the next deploy).
 */

/** Prefixes CSS-in-JS libraries and frameworks give generated class names. */
const GENERATED_PREFIX = /^(?:css|sc|jsx|svelte|emotion|tw|ember|ng-tns|data-v|_?ngcontent|vue)-/i;

/** Whether one dash/underscore-separated segment looks machine-made. */
function hashySegment(seg: string): boolean {
  if (seg.length >= 4 && /\d/.test(seg) && /[a-z]/i.test(seg)) return true; // 3xY7a, a1b2
  // Two or more lower→upper switches in a short segment: "bdVaJa", "eCkFxA" (camelCase words are longer).
  const switches = (seg.match(/[a-z][A-Z]/g) ?? []).length;
  return seg.length <= 10 && switches >= 2;
}

/** Whether `token` is a durable name: not generated, not numbered, short enough to be a name. */
export function isStableToken(token: string): boolean {
  if (token.length < 2 || token.length > 40) return false;
  if (/\d$/.test(token) || /\d{3,}/.test(token)) return false; // numeric suffix or an embedded number
  if (GENERATED_PREFIX.test(token)) return false;
  if (/^[a-f0-9]{6,}$/i.test(token)) return false;
  return !token.split(/[-_]+/).some(hashySegment);
}

/** Whether a token can be written in a selector without escaping (letters, digits, "-" and "_"). */
export function isPlainIdent(token: string): boolean {
  return /^-?[A-Za-z_][\w-]*$/.test(token);
}
