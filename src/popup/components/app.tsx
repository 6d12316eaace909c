/** The popup: status, error, then the article with its summary, switches and export. */
import { useEffect } from 'preact/hooks';
import { useEdit } from '../use-edit.ts';
import { EditableArticle } from './editable-article.tsx';
import { EditPanel } from './edit-panel.tsx';
import type { PopupApi } from '../api.ts';
import { useReader } from '../use-reader.ts';
import type { Session } from '../session.ts';
import { ArticleBody } from '../../ui/components/article-body.tsx';
import { ArticleHeader } from '../../ui/components/article-header.tsx';
import { ExportBar } from '../../ui/components/export-bar.tsx';
import { RemovedSummary } from '../../ui/components/removed-summary.tsx';
import { ReaderSettings } from '../../ui/components/reader-settings.tsx';
import { applyPrefs } from '../../ui/apply-prefs.ts';
import { RuleSwitches } from './rule-switches.tsx';

/** Marks each render of a new article, so the e2e suite can time click → article on screen. */
export const RENDERED_MARK = 'jingyue:article-rendered';

/**
 * The whole popup, driven by `api` (the browser's, or a fake in tests); `session`: the read main.tsx started on
 * the same api before the UI loaded (src/popup/session.ts), else one starts here.
 */
export function App({ api, session }: { api: PopupApi; session?: Session }) {
  const reader = useReader(api, session);
  const { state, setRule, setSite, retry, notify, setReaderPrefs, openReader } = reader;
  const { article, t } = { article: state.article, t: api.t };
  const editing = state.editing;
  const edit = useEdit({
    api, active: editing, url: reader.tab?.url ?? '', host: state.host, settings: state.settings, markedHtml: state.markedHtml,
    addRule: reader.addRule, derive: reader.derive,
  });
  const toggleEditing = () => reader.setEditing(!editing);
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
