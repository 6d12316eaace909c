/**
 * The rule editor's form as text fields, and back to a rule checked by the core's checkRule as the person
 * types: errors are keyed by the form field they belong to ("labels[2]" belongs to the labels box).
 */
import { checkRule, LIMITS, type SelectorCheck } from '../core/rules/parse.ts';
import type { Translate } from '../ui/api.ts';
import { isRegistrableSite } from '../core/rules/psl.ts';
import type { Rule } from '../core/rules/types.ts';

/** The editable fields, one text per field; lists are one entry per line. */
export interface RuleForm {
  title: string;
  sites: string;
  labels: string;
  remove: string;
}

/** The form's fields that an error can belong to. */
export type FormField = keyof RuleForm | 'rule';

/** A rule as form text. */
export function toForm(rule: Rule): RuleForm {
  return {
    title: rule.title,
    sites: rule.sites.join('\n'),
    labels: (rule.labels ?? []).join('\n'),
    remove: (rule.remove ?? []).join('\n'),
  };
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);

/**
 * One of the validator's errors in the person's words and language ("第 2 项不是有效的选择器"): what is wrong
 * and where, never the browser's exception. The validator (src/core/rules/parse.ts) words its errors for rule
 * files and the CLI; the editor recognises them by field and by the validator's own phrasing, and falls back
 * to "this entry is not valid" rather than show a raw message.
 */
export function plainError(field: string, message: string, t: Translate): string {
  const at = /\[(\d+)\]$/.exec(field);
  const line = at ? Number(at[1]) + 1 : 0;
  const name = field.replace(/\[\d+\]$/, '');
  if (name === 'title') return t('fieldTitleBad', [LIMITS.titleLength]);
  if (name === 'sites' && !at) return t('fieldSitesNone');
  if (name === 'sites') return t('fieldSiteBad', [line, /^"([^"]*)"/.exec(message)?.[1] ?? '']);
  if (!at && /has \d+ entries; at most (\d+)/.test(message)) return t('fieldTooMany', [/at most (\d+)/.exec(message)![1]!]);
  if (at && /must not be empty/.test(message)) return t('fieldEmptyLine', [line]);
  if (at && /characters long; at most (\d+)/.test(message)) return t('fieldTooLong', [line, /at most (\d+)/.exec(message)![1]!]);
  if (at && /:has\(\) cannot be nested/.test(message)) return t('fieldSelectorNested', [line]);
  if (at && /invalid CSS selector/.test(message)) return t('fieldSelectorBad', [line]);
  if (at && /at least \d+ characters/.test(message)) return t('fieldTextShort', [line]);
  if (!field && /needs at least one of/.test(message)) return t('fieldRuleEmpty');
  return t('fieldBad');
}

/**
 * The rule the form describes (id and other fields from `base`) and its errors by field; rule is null while
 * invalid. With `t`, each error is in the person's words (plainError); without, as the validator words it.
 */
export function fromForm(
  base: Rule,
  form: RuleForm,
  check: SelectorCheck,
  t?: Translate,
): { rule: Rule | null; errors: Partial<Record<FormField, string[]>> } {
  const candidate: Rule = { ...base, title: form.title.trim(), sites: lines(form.sites) };
  delete candidate.labels;
  delete candidate.remove;
  const labels = lines(form.labels);
  const remove = lines(form.remove);
  if (labels.length) candidate.labels = labels;
  if (remove.length) candidate.remove = remove;
  const { rule, errors } = checkRule(candidate, { source: 'editor', check, siteOk: isRegistrableSite });
  const byField: Partial<Record<FormField, string[]>> = {};
  for (const e of errors) {
    const field = (e.field.replace(/\[\d+\]$/, '') || 'rule') as FormField;
    const key: FormField = field in form ? field : 'rule';
    (byField[key] ??= []).push(t ? plainError(e.field, e.message, t) : e.field ? `${e.field}: ${e.message}` : e.message);
  }
  return { rule, errors: byField };
}
