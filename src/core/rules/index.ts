/** The site-rule format: parse + validate, match by host, apply. */
import bundledFile from '../site-rules.json';
import { parseRules } from './parse';
import type { ParsedRules } from './types';

export * from './types';
export { parseRules, checkRule, formatRuleError, selectorCheck, LIMITS, type SelectorCheck, type SiteCheck } from './parse';
export { rulesForUrl, hostInSite, hostnameOf, isWellFormedSite } from './match';
export { applyRules } from './apply';

let bundled: ParsedRules | null = null;

/** The rules shipped in site-rules.json (parsed once; a test keeps the file free of errors). */
export function bundledRules(): ParsedRules {
  bundled ??= parseRules(bundledFile, 'site-rules.json');
  return bundled;
}
