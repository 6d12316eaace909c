/** Editing an own rule: name, sites, labels, selectors; checked by the core's checkRule as the person types. */
import { useState } from 'preact/hooks';
import type { Rule } from '../../core/rules/types.ts';
import { replaceUserRule } from '../../settings/index.ts';
import type { MessageKey, OptionsApi } from '../api.ts';
import { fromForm, toForm, type FormField, type RuleForm } from '../rule-form.ts';
import type { Rules } from '../use-rules.ts';

const FIELDS: { field: keyof RuleForm; label: MessageKey; multiline: boolean }[] = [
  { field: 'title', label: 'ruleTitleField', multiline: false },
  { field: 'sites', label: 'ruleSitesField', multiline: true },
  { field: 'labels', label: 'ruleLabelsField', multiline: true },
  { field: 'remove', label: 'ruleRemoveField', multiline: true },
];

/** The editor form for `rule`; saving replaces the stored rule of the same id. */
export function RuleEditor({ api, rules, rule, onDone }: { api: OptionsApi; rules: Rules; rule: Rule; onDone(): void }) {
  const { t } = api;
  const [form, setForm] = useState<RuleForm>(() => toForm(rule));
  const { rule: edited, errors } = fromForm(rule, form, api.checkSelector, t);
  const idOf = (f: FormField) => `edit-${rule.id}-${f}`;
  const save = async (e: Event) => {
    e.preventDefault();
    if (!edited) return;
    if (await rules.save(s => replaceUserRule(s, rule.id, edited))) onDone();
  };
  return (
    <form class="rule-editor" data-testid="rule-editor" onSubmit={save} onKeyDown={e => e.key === 'Escape' && onDone()}>
      {FIELDS.map(({ field, label, multiline }) => {
        const errs = errors[field] ?? [];
        const props = {
          id: idOf(field),
          'data-testid': `rule-field-${field}`,
          value: form[field],
          'aria-invalid': errs.length > 0,
          'aria-describedby': errs.length ? `${idOf(field)}-err` : undefined,
          onInput: (ev: Event) => {
            const value = (ev.currentTarget as HTMLInputElement).value;
            setForm(f => ({ ...f, [field]: value }));
          },
        };
        const box = (
          <div class="field" key={field}>
            <label for={idOf(field)}>{t(label)}</label>
            {multiline ? <textarea rows={Math.max(2, form[field].split('\n').length)} {...props} /> : <input type="text" {...props} />}
            {errs.length > 0 && (
              <ul class="field-errors" id={`${idOf(field)}-err`} data-testid="field-error" data-field={field}>
                {errs.map(m => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        );
        // Selectors are for people who write rules: behind "Advanced", open when it holds something or an error.
        return field === 'remove' ? (
          <details class="advanced" key={field} open={errs.length > 0 || form.remove.trim() !== ''}>
            <summary>{t('ruleAdvanced')}</summary>
            {box}
          </details>
        ) : (
          box
        );
      })}
      {(errors.rule ?? []).length > 0 && (
        <ul class="field-errors" data-testid="field-error" data-field="rule">
          {errors.rule!.map(m => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <div class="editor-actions">
        <button type="submit" class="primary" data-testid="rule-editor-save" disabled={!edited}>
          {t('ruleEditorSave')}
        </button>
        <button type="button" onClick={onDone}>
          {t('ruleCancel')}
        </button>
      </div>
    </form>
  );
}
