/**
 * Stored own rules go through the core's one definition of a valid rule (src/core/rules/parse.ts checkRule),
 * the same one the CLI, import and the rules page's editor use. A rule it rejects is set aside in the
 * quarantine with its errors, never deleted.
 */
import { checkRule, formatRuleError, type SelectorCheck, type SiteCheck } from '../core/rules/parse.ts';
import type { Rule } from '../core/rules/types.ts';
import type { QuarantinedRule } from './defaults.ts';
import { describe, isRecord } from './shape.ts';

/** How stored rules are checked: a SelectorCheck where a DOM exists (extension pages), and a site check. */
export interface RuleCheckOptions {
  check?: SelectorCheck;
  siteOk?: SiteCheck;
}

/** Keeps the valid rules of `raw`; each rejected one goes to `quarantine` with its errors (also pushed to `errors`). */
export function validateUserRules(raw: unknown, errors: string[], quarantine: QuarantinedRule[] = [], opts: RuleCheckOptions = {}): Rule[] {
  if (!Array.isArray(raw)) {
    const why = `userRules: expected a list of rules, got ${describe(raw)}; it was set aside, not deleted.`;
    errors.push(why);
    quarantine.push({ rule: raw, errors: [why] });
    return [];
  }
  const seen = new Set<string>();
  const rules: Rule[] = [];
  raw.forEach((item, index) => {
    const checked = checkRule(item, { index, source: 'userRules', ...opts });
    const why = checked.errors.map(formatRuleError);
    if (checked.rule && seen.has(checked.rule.id))
      why.push(`userRules: rule ${checked.rule.id}, field id: another of your rules already has this id`);
    if (why.length) {
      errors.push(...why.map(w => `${w}; this rule was set aside, not deleted.`));
      quarantine.push({ rule: item, errors: why });
      return;
    }
    seen.add(checked.rule!.id);
    rules.push(JSON.parse(JSON.stringify(checked.rule)) as Rule); // a copy: storage's object may be frozen or shared
  });
  return rules;
}

/** Reads the stored quarantine; nothing in it is ever dropped (a value of the wrong shape is kept as one entry). */
export function readQuarantine(raw: unknown, errors: string[]): QuarantinedRule[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    errors.push(`quarantine: expected a list, got ${describe(raw)}; kept as one entry.`);
    return [{ rule: raw, errors: ['quarantine was not a list'] }];
  }
  return raw.map(q =>
    isRecord(q) && 'rule' in q
      ? { rule: q.rule, errors: Array.isArray(q.errors) ? q.errors.filter((e): e is string => typeof e === 'string') : [] }
      : { rule: q, errors: [] },
  );
}
