/** The popup: status, error, then the article with its summary, switches and export. */
import { useEffect } from 'preact/hooks';
import type { PopupApi } from '../api.ts';
import { useReader } from '../use-reader.ts';
import { ArticleBody } from './article-body.tsx';
import { ArticleHeader } from './article-header.tsx';
import { ExportBar } from './export-bar.tsx';
import { RemovedSummary } from './removed-summary.tsx';
import { RuleSwitches } from './rule-switches.tsx';
import { ReaderSettings } from './reader-settings.tsx';
import { applyPrefs } from '../../reader/apply-prefs.ts';

/** Marks each render of a new article, so the e2e suite can time click → article on screen. */
export const RENDERED_MARK = 'jingyue:article-rendered';

/** The whole popup, driven by `api` (the browser's, or a fake in tests). */
export function App({ api }: { api: PopupApi }) {
  const { state, setRule, setSite, retry, notify, setReaderPrefs, openReader } = useReader(api);
  const { article, t } = { article: state.article, t: api.t };
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
      {article && (
        <>
          <ArticleHeader article={article} t={t} lang={api.lang} />
          <ExportBar article={article} api={api} notify={notify} header={prefs.exportHeader} />
          <div class="reader-row">
            <button type="button" data-testid="open-reader" class="open-reader" onClick={openReader}>{t('openReader')}</button>
            <details class="reader-prefs">
              <summary>{t('readerSettings')}</summary>
              <ReaderSettings prefs={prefs} t={t} onChange={setReaderPrefs} />
            </details>
          </div>
          <section class="cleanup">
            <RemovedSummary removed={article.removed} rules={state.rules} t={t} />
            <RuleSwitches host={state.host} settings={state.settings} rules={state.rules} t={t}
              onRule={setRule} onSite={setSite} />
          </section>
          <ArticleBody html={article.html} lang={article.lang} label={t('articleLabel')} />
        </>
      )}
    </main>
  );
}
