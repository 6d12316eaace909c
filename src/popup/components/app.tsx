/** The popup: status, error, then the article with its summary, switches and export. */
import { useEffect, useState } from 'preact/hooks';
import { siteState } from '../../settings/index.ts';
import { useEdit } from '../use-edit.ts';
import { EditableArticle } from './editable-article.tsx';
import { EditPanel } from './edit-panel.tsx';
import type { PopupApi } from '../api.ts';
import { useReader } from '../use-reader.ts';
import type { Opening } from '../open-tab.ts';
import { ArticleBody } from './article-body.tsx';
import { ArticleHeader } from './article-header.tsx';
import { ExportBar } from './export-bar.tsx';
import { RemovedSummary } from './removed-summary.tsx';
import { RuleSwitches } from './rule-switches.tsx';
import { ReaderSettings } from './reader-settings.tsx';
import { applyPrefs } from '../../reader/apply-prefs.ts';

/** Marks each render of a new article, so the e2e suite can time click → article on screen. */
export const RENDERED_MARK = 'jingyue:article-rendered';

/**
 * The whole popup, driven by `api` (the browser's, or a fake in tests); `early`: its first steps, when main.tsx
 * started them from the same api before the UI loaded (src/popup/open-tab.ts).
 */
export function App({ api, early }: { api: PopupApi; early?: Promise<Opening> }) {
  const reader = useReader(api, early);
  const { state, setRule, setSite, retry, notify, setReaderPrefs, openReader } = reader;
  const { article, t } = { article: state.article, t: api.t };
  const [editing, setEditing] = useState(false);
  const edit = useEdit({
    api, active: editing, tabId: reader.tab?.id ?? null, url: reader.tab?.url ?? '', host: state.host, settings: state.settings,
    disabled: state.host ? siteState(state.settings, state.host).disabled : [], markedHtml: state.markedHtml, addRule: reader.addRule,
  });
  const toggleEditing = () => { setEditing(!editing); reader.setEditing(!editing); };
  useEffect(() => {
    if (article) performance.mark(RENDERED_MARK);
  }, [article]);
  const prefs = state.settings.reader;
  useEffect(() => applyPrefs(document.documentElement, prefs), [prefs]);
  return (
    <main class="popup" aria-busy={state.busy}>
      <p class="status" role="status" aria-live="polite">
        {state.phase === 'loading' ? t('loading') : state.busy ? t('updating') : state.status}
      </p>
      {state.error && (
        <div class="error-box">
          <p data-testid="error" role="alert">{state.error}</p>
          {state.phase === 'error' && <button type="button" onClick={retry}>{t('retry')}</button>}
        </div>
      )}
      {state.notice && <p class="notice" data-testid="settings-notice" role="status">{state.notice}</p>}
      {article && (
        <>
          <ArticleHeader article={article} t={t} lang={api.lang} />
          <ExportBar article={article} api={api} notify={notify} header={prefs.exportHeader} remoteImages={prefs.remoteImages} />
          <div class="reader-row">
            <button type="button" data-testid="open-reader" class="open-reader" onClick={openReader}>{t('openReader')}</button>
            <details class="reader-prefs">
              <summary>{t('readerSettings')}</summary>
              <ReaderSettings prefs={prefs} t={t} onChange={setReaderPrefs} />
            </details>
          </div>
          <div class="edit-bar">
            <button type="button" class="edit-toggle" data-testid="edit-mode" aria-pressed={editing} onClick={toggleEditing}>
              {editing ? t('editModeDone') : t('editMode')}
            </button>
          </div>
          {editing && <EditPanel edit={edit} t={t} />}
          <section class="cleanup">
            {state.settings.ui.showRemoved && <RemovedSummary removed={article.removed} rules={state.rules} t={t} />}
            <RuleSwitches host={state.host} settings={state.settings} rules={state.rules} t={t}
              onRule={setRule} onSite={setSite} />
          </section>
          {editing && state.markedHtml !== null
            ? <EditableArticle html={edit.html} lang={article.lang} label={t('articleLabel')} onRemove={edit.remove} remoteImages={prefs.remoteImages} t={t} />
            : <ArticleBody html={article.html} lang={article.lang} label={t('articleLabel')} remoteImages={prefs.remoteImages} t={t} />}
        </>
      )}
      <p class="rules-link">
        <button type="button" class="link" data-testid="open-rules" onClick={() => api.openRules()}>{t('openRules')}</button>
      </p>
    </main>
  );
}
