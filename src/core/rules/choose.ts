/** Which rules run on a page: the bundled (or given) rules and the person's own, matched by site, minus the switched-off ones. */
import { bundledRules } from './index';
import { rulesForUrl } from './match';
import type { Rule } from './types';

/** The rule choices a clean is made with: the same for the page half and the article stage. */
export interface RuleChoice {
  /** The page's URL: picks the site rules and resolves relative links. */
  url: string;
  /** Rule ids switched off for this site. */
  disabled?: readonly string[];
  /** Plain Readability through the same code (the "clean this site" switch off; the CLI's --no-rules). */
  noRules?: boolean;
  /** The person's own rules, added to the bundled ones. */
  userRules?: readonly Rule[];
  /** Replaces the bundled rules (tests, the CLI's --rules without bundled ones). */
  rules?: readonly Rule[];
}

/** The rules for `url`: every one that matches its site, and those of them that are switched on. */
export function chooseRules(opts: RuleChoice, url: string): { matching: Rule[]; active: Rule[]; off: Set<string> } {
  const all = [...(opts.rules ?? bundledRules().rules), ...(opts.userRules ?? [])];
  const matching = rulesForUrl(all, url);
  const off = new Set(opts.disabled ?? []);
  return { matching, active: opts.noRules ? [] : matching.filter(r => !off.has(r.id)), off };
}
