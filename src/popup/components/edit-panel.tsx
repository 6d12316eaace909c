/**
 * The remove-blocks bar, sticky at the popup's bottom: "待移除 2 · 撤销 · 保存为我的规则", the rule's scope, and
 * above it the pending blocks by name (each with undo, and after a refused save its reason and the
 * exact-text option) and the save's result. Test ids: pending, pending-undo, rule-refused, rule-exact,
 * rule-scope, rule-save, rule-result, error.
 */
import type { Translate } from '../api.ts';
import { refusalText, type Edit } from '../use-edit.ts';
import type { Block } from '../blocks.ts';
import { UndoIcon } from '../../ui/components/icons.tsx';

/** Props of {@link EditPanel}. */
export interface EditPanelProps {
  edit: Edit;
  t: Translate;
}

/** A picked block as the bar names it: a figure by its caption and "图片", anything else by its text. */
export function blockName(block: Block, t: Translate): string {
  if (block.figure) return block.figure.caption ? t('blockImageCaption', [block.figure.caption]) : t('blockImage');
  return block.text;
}

/** The bar shown while the remove-blocks mode is on. */
export function EditPanel({ edit, t }: EditPanelProps) {
  const last = edit.pending.at(-1);
  return (
    <section class="edit-bar" aria-label={t('toolRemove')}>
      {edit.pending.length > 0 && (
        <ol class="pending-list" data-testid="pending">
          {edit.pending.map(p => (
            <li key={p.block.key} data-block={p.block.key}>
              <span class="pending-text">{blockName(p.block, t)}</span>
              {p.exact && <span class="pending-tag">{t('ruleExactChosen')}</span>}
              <button
                type="button"
                class="quiet"
                data-testid="pending-undo"
                aria-label={`${t('pendingUndo')}: ${blockName(p.block, t)}`}
                onClick={() => edit.undo(p.block.key)}
              >
                {t('pendingUndo')}
              </button>
              {p.refusal && (
                <p class="refusal" role="alert">
                  <span data-testid="rule-refused" data-code={p.refusal.code}>
                    {refusalText(p.refusal, t)}
                  </span>
                  {p.refusal.code !== 'not-found' && (
                    <button type="button" data-testid="rule-exact" onClick={() => edit.setExact(p.block.key)}>
                      {t('ruleExact')}
                    </button>
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      {edit.result && (
        <p class="rule-result" data-testid="rule-result" role="status">
          {edit.result}
        </p>
      )}
      {edit.error && (
        <p class="rule-error" data-testid="error" role="alert">
          {edit.error}
        </p>
      )}
      <div class="save-row">
        <span class="pending-count" data-testid="pending-count" data-count={edit.pending.length}>
          {t('editBarPending', [edit.pending.length])}
        </span>
        <button
          type="button"
          class="quiet"
          data-testid="pending-undo-last"
          disabled={!last}
          onClick={() => last && edit.undo(last.block.key)}
        >
          <UndoIcon /> {t('editBarUndo')}
        </button>
        {edit.scopes.length > 0 && (
          <label class="scope">
            <span class="visually-hidden">{t('ruleScope')}</span>
            <select
              data-testid="rule-scope"
              value={edit.scope}
              aria-label={t('ruleScope')}
              onChange={e => edit.setScope(e.currentTarget.value)}
            >
              {edit.scopes.map((s, i) => (
                <option key={s} value={s}>
                  {i === 0 ? t('ruleScopeSite', [s]) : t('ruleScopeHost', [s])}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="button"
          class="primary"
          data-testid="rule-save"
          disabled={!edit.pending.length || edit.saving || !edit.scope}
          onClick={() => void edit.save()}
        >
          {edit.saving ? t('ruleSaving') : t('ruleSave')}
        </button>
      </div>
    </section>
  );
}
