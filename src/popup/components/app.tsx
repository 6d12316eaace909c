/**
 * The popup, article first: one slim bar of tools (and the live status), the title with one meta line, the
 * cleanup as one line that opens to its switches, then the article; the reading settings and the
 * remove-blocks mode load when they are asked for. A page that is no article gets a calm notice and a way to
 * read the part of it the person picks.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupApi } from '../api.ts';
import { useReader } from '../use-reader.ts';
import type { Session } from '../session.ts';
import { ArticleBody } from '../../ui/components/article-body.tsx';
import { ArticleHeader } from '../../ui/components/article-header.tsx';
import { ExportBar } from '../../ui/components/export-bar.tsx';
import { applyPrefs } from '../../ui/apply-prefs.ts';
import { preloadExports } from '../../ui/exports.ts';
import { readerTabOn, setReaderTab, siteScript } from '../../settings/index.ts';
import { ScriptControl } from '../../ui/components/script-control.tsx';
import { hasHan, useScript } from '../../ui/use-script.ts';
import { MergeSwitch } from './merge-switch.tsx';
import { CleanupLine } from './cleanup-line.tsx';
import { Toolbar } from './toolbar.tsx';
import { NotArticle } from './not-article.tsx';
import type { EditModeProps } from './edit-mode.tsx';
import type { ReaderSettingsProps } from '../../ui/components/reader-settings.tsx';

/** Marks each render of a new article, so the e2e suite can time click → article on screen. */
export const RENDERED_MARK = 'jingyue:article-rendered';

/** A component loaded on first use (a chunk of its own), or null until it arrived. */
function useLazy<P>(wanted: boolean, load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> | null {
  const [component, setComponent] = useState<FunctionComponent<P> | null>(null);
  useEffect(() => {
    if (wanted && !component) void load().then(c => setComponent(() => c));
  }, [wanted]);
  return component;
}

/**
 * The whole popup, driven by `api` (the browser's, or a fake in tests); `session`: the read main.tsx started on
 * the same api before the UI loaded (src/popup/session.ts), else one starts here.
 */
export function App({ api, session }: { api: PopupApi; session?: Session }) {
  const reader = useReader(api, session);
  const { state, setRule, setSite, retry, notify, setReaderPrefs, openReader } = reader;
  const { article } = state;
  const t = api.t;
  const editing = state.editing;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const Settings = useLazy<ReaderSettingsProps>(settingsOpen, () =>
    import('../../ui/components/reader-settings.tsx').then(m => m.ReaderSettings),
  );
  const Edit = useLazy<EditModeProps>(editing, () => import('./edit-mode.tsx').then(m => m.EditMode));
  useEffect(() => {
    if (!article) return;
    performance.mark(RENDERED_MARK);
    preloadExports();
  }, [article]);
  const prefs = state.settings.reader;
  useEffect(() => applyPrefs(document.documentElement, prefs), [prefs]);

  // "Open articles in a reader tab" on for this site: the first article goes straight there (the popup closes as the tab opens).
  const handedOver = useRef(false);
  useEffect(() => {
    if (!article || handedOver.current || editing || !state.host || !readerTabOn(state.settings, state.host)) return;
    handedOver.current = true;
    openReader();
  }, [article]);

  // The script the person chose for this site (issue 19): the bar, the header, the body and every export show
  // `shown`; remove-blocks mode works on the page's own text. The reader tab gets the article as read and converts there.
  const target = state.host ? siteScript(state.settings, state.host) : 'original';
  const script = useScript(editing ? null : article, target);
  const shown = editing || !script.shown ? article : script.shown;
  const scriptControl =
    article && hasHan(article) ? (
      <ScriptControl compact value={target} onChange={reader.setScript} t={t} loading={script.loading} error={script.error} />
    ) : null;

  const status = state.phase === 'loading' ? t('loading') : state.busy ? t('updating') : state.status;
  const exportCtx = { api, notify, header: prefs.exportHeader, remoteImages: prefs.remoteImages };
  const noArticle = state.phase === 'error' && state.failure === 'no-article';
  return (
    <main class={editing ? 'popup editing' : 'popup'} aria-busy={state.busy}>
      <Toolbar
        article={shown}
        script={scriptControl}
        t={t}
        status={status}
        editing={editing}
        settingsOpen={settingsOpen}
        onSettings={() => setSettingsOpen(!settingsOpen)}
        onReader={openReader}
        onEdit={() => reader.setEditing(!editing)}
        {...exportCtx}
      />
      {settingsOpen && !editing && (
        <section class="settings-panel" id="settings-panel" aria-label={t('toolSettings')}>
          {Settings ? <Settings prefs={prefs} t={t} onChange={setReaderPrefs} /> : <p class="hint">{t('loading')}</p>}
        </section>
      )}
      {state.error && !noArticle && (
        <div class="error-box">
          <p data-testid="error" role="alert">
            {state.error}
          </p>
          {state.phase === 'error' && (
            <button type="button" onClick={retry}>
              {t('retry')}
            </button>
          )}
        </div>
      )}
      {noArticle && <NotArticle api={api} session={reader} />}
      {state.notice && (
        <p class="notice" data-testid="settings-notice" role="status">
          {state.notice}
        </p>
      )}
      {article && (
        <>
          {state.picked && (
            <p class="notice picked" data-testid="picked-note">
              {t('pickedNote')}
            </p>
          )}
          <ArticleHeader article={shown ?? article} t={t} lang={api.lang} foldCredits />
          {!editing && !state.picked && (
            <CleanupLine
              host={state.host}
              settings={state.settings}
              rules={state.rules}
              removed={article.removed}
              t={t}
              onRule={setRule}
              onSite={setSite}
              onReaderDefault={on => reader.changeSettings((s, host) => setReaderTab(s, host, on))}
            >
              {state.host && state.pager && state.pager !== 'none' && (
                <MergeSwitch host={state.host} settings={state.settings} t={t} onChange={reader.setMerge} />
              )}
            </CleanupLine>
          )}
          {editing && Edit ? (
            <Edit
              article={article}
              remoteImages={prefs.remoteImages}
              t={t}
              api={api}
              active={editing}
              url={reader.tab?.url ?? ''}
              host={state.host}
              settings={state.settings}
              markedHtml={state.markedHtml}
              addRule={reader.addRule}
              derive={reader.derive}
            />
          ) : (
            <ArticleBody
              html={(shown ?? article).html}
              lang={(shown ?? article).lang}
              label={t('articleLabel')}
              remoteImages={prefs.remoteImages}
              t={t}
              pager={state.pager}
            />
          )}
          {!editing && (
            <footer class="article-end">
              <p class="end-mark" aria-hidden="true">
                {t('articleEnd')}
              </p>
              <ExportBar article={shown ?? article} testIds={false} {...exportCtx} />
            </footer>
          )}
        </>
      )}
      {!editing && (
        <p class="rules-link">
          <button type="button" class="link" data-testid="open-rules" onClick={() => api.openRules()}>
            {t('openRules')}
          </button>
        </p>
      )}
    </main>
  );
}
