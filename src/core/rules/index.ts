/** The site-rule format: parse + validate, match by host (applying them is removals/'s). */
import bundledFile from '../site-rules.json';
import type { ParsedRules, Rule } from './types';

export * from './types';
export { parseRules, checkRule, formatRuleError, selectorCheck, LIMITS, type SelectorCheck, type SiteCheck } from './parse';
export { rulesForUrl, hostInSite, hostnameOf, isWellFormedSite } from './match';

/**
 * The rules shipped in site-rules.json, as they are: the file is validated by a test (parseRules finds no error
 * and changes nothing), not in the page on every click, which kept the parser out of content.js (issue: speed).
 */
export function bundledRules(): ParsedRules {
  return { rules: bundledFile.rules as Rule[], errors: [] };
}
