/**
 * The rule editor's form as text fields, and back to a rule checked by the core's checkRule as the person
 * types: errors are keyed by the form field they belong to ("labels[2]" belongs to the labels box).
 */
import { checkRule, type SelectorCheck } from '../core/rules/parse.ts';
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
  return { title: rule.title, sites: rule.sites.join('\n'), labels: (rule.labels ?? []).join('\n'), remove: (rule.remove ?? []).join('\n') };
}

const lines = (text: string): string[] => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The rule the form describes (id and other fields from `base`) and its errors by field; rule is null while invalid. */
export function fromForm(base: Rule, form: RuleForm, check: SelectorCheck): { rule: Rule | null; errors: Partial<Record<FormField, string[]>> } {
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
    (byField[key] ??= []).push(e.field ? `${e.field}: ${e.message}` : e.message);
  }
  return { rule, errors: byField };
}
