/**
 * The remove-blocks panel: the pending removals (each with undo, and after a refused save its reason and
 * the exact-text option), the rule's scope, and save (data-testid="rule-save").
 */
import type { Translate } from '../api.ts';
import { refusalText, type Edit } from '../use-edit.ts';

/** Props of {@link EditPanel}. */
export interface EditPanelProps {
  edit: Edit;
  t: Translate;
}

/** The panel shown while the remove-blocks mode is on. */
export function EditPanel({ edit, t }: EditPanelProps) {
  return (
    <section class="edit-panel" aria-label={t('editMode')}>
      <p class="hint edit-hint" id="edit-hint">{t('editHint')}</p>
      {edit.pending.length > 0 && (
        <>
          <h2 class="pending-heading">{t('pendingHeading', [edit.pending.length])}</h2>
          <ol class="pending-list" data-testid="pending">
            {edit.pending.map((p) => (
              <li key={p.block.key} data-block={p.block.key}>
                <span class="pending-text">{p.block.text}</span>
                {p.exact && <span class="pending-tag">{t('ruleExactChosen')}</span>}
                <button type="button" data-testid="pending-undo" onClick={() => edit.undo(p.block.key)}>{t('pendingUndo')}</button>
                {p.refusal && (
                  <p class="refusal" role="alert">
                    <span data-testid="rule-refused" data-code={p.refusal.code}>{refusalText(p.refusal, t)}</span>
                    {p.refusal.code !== 'not-found' && (
                      <button type="button" data-testid="rule-exact" onClick={() => edit.setExact(p.block.key)}>{t('ruleExact')}</button>
                    )}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <div class="save-row">
        {edit.scopes.length > 0 && (
          <label class="scope">
            {t('ruleScope')}{' '}
            <select data-testid="rule-scope" value={edit.scope} onChange={(e) => edit.setScope(e.currentTarget.value)}>
              {edit.scopes.map((s, i) => (
                <option key={s} value={s}>{i === 0 && edit.scopes.length > 1 ? t('ruleScopeSite', [s]) : i === 0 ? t('ruleScopeSite', [s]) : t('ruleScopeHost', [s])}</option>
              ))}
            </select>
          </label>
        )}
        <button type="button" class="primary" data-testid="rule-save" disabled={!edit.pending.length || edit.saving || !edit.scope}
          onClick={() => void edit.save()}>
          {edit.saving ? t('ruleSaving') : t('ruleSave')}
        </button>
      </div>
      {edit.result && <p class="rule-result" data-testid="rule-result" role="status">{edit.result}</p>}
      {edit.error && <p class="rule-error" data-testid="error" role="alert">{edit.error}</p>}
    </section>
  );
}
