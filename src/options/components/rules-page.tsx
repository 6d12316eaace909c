/** The rules page: status and undo, reading (the reader tab default, the reading history), import/export, own rules by site, damaged rules, bundled rules by site. */
import { bundledRules } from '../../core/rules/index.ts';
import type { Rule } from '../../core/rules/types.ts';
import type { OptionsApi } from '../api.ts';
import { useRules } from '../use-rules.ts';
import { ImportExport } from './import-export.tsx';
import { ReadingHistory } from './reading-history.tsx';
import { Quarantine } from './quarantine.tsx';
import { SiteGroups } from './site-groups.tsx';

/** The whole page, driven by `api` (the browser's, or a fake in tests). */
export function RulesPage({ api }: { api: OptionsApi }) {
  const rules = useRules(api);
  const { state } = rules;
  const { t } = api;
  const bundled: Rule[] = bundledRules().rules;
  return (
    <main class="options" aria-busy={!state.loaded}>
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="intro">{t('optionsIntro')}</p>
      </header>
      <div class="status-bar">
        <p role="status" aria-live="polite" data-testid="options-status">
          {state.status}
        </p>
        {state.undo && (
          <button type="button" data-testid="undo" onClick={rules.runUndo}>
            {t('undo')}
          </button>
        )}
      </div>
      {state.error && (
        <p class="error" role="alert" data-testid="error">
          {state.error}
        </p>
      )}
      {state.loaded && (
        <fieldset class="page-body" disabled={state.locked}>
          <ReadingHistory api={api} rules={rules} />
          <ImportExport api={api} rules={rules} bundledIds={bundled.map(r => r.id)} />
          <section aria-labelledby="own-heading">
            <h2 id="own-heading">{t('optionsOwn')}</h2>
            {state.settings.userRules.length === 0 && <p class="hint">{t('optionsNoOwn')}</p>}
            <SiteGroups api={api} rules={rules} list={state.settings.userRules} own />
          </section>
          <Quarantine api={api} rules={rules} />
          <section aria-labelledby="bundled-heading">
            <h2 id="bundled-heading">{t('optionsBundled')}</h2>
            <SiteGroups api={api} rules={rules} list={bundled} own={false} />
          </section>
          <label class="switch">
            <input
              type="checkbox"
              data-testid="show-removed"
              checked={state.settings.ui.showRemoved}
              onChange={e => {
                const on = e.currentTarget.checked;
                void rules.save(s => ({ ...s, ui: { ...s.ui, showRemoved: on } }));
              }}
            />
            <span>{t('showRemovedSetting')}</span>
          </label>
        </fieldset>
      )}
    </main>
  );
}
