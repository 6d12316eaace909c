/**
 * The reader tab (issue 11): the article the popup handed over, full width, with its header, the removed
 * list, exports and the reading settings. Keys: + and − change the text size, Esc goes back to the page.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExtensionPageApi } from '../ui/api.ts';
import { applyPrefs } from '../ui/apply-prefs.ts';
import { ArticleBody } from '../ui/components/article-body.tsx';
import { ArticleHeader } from '../ui/components/article-header.tsx';
import { ExportBar } from '../ui/components/export-bar.tsx';
import { ReaderSettings, stepFontSize } from '../ui/components/reader-settings.tsx';
import { RemovedSummary } from '../ui/components/removed-summary.tsx';
import { detailOf } from '../ui/errors.ts';
import { defaultSettings, hostnameOf, setScriptSwitch, siteScript, type Settings, type SiteScript } from '../settings/index.ts';
import { ScriptControl } from '../ui/components/script-control.tsx';
import { hasHan, useScript } from '../ui/use-script.ts';
import { parseHandoff, type Handoff } from './handoff.ts';
import type { Kept } from './keep-handoff.ts';
import { renderHtml } from './render-html.ts';
import { ReadAloudControls, type Speech } from './read-aloud-controls.tsx';

/** What the reader tab needs beyond every extension page's api: the hand-over and the way back. */
export interface ReaderApi extends ExtensionPageApi {
  /** The raw hand-over for this tab (untrusted), or undefined when there is none. */
  loadHandoff(): Promise<unknown>;
  /** Called once the article is shown: keeps it for a reload of this tab, and in the reading history when `history` (src/reader/keep-handoff.ts). */
  keepHandoff(opts?: { history?: boolean }): Promise<Kept>;
  /** The page the article came from (reader.html?u=…): the way back when the article is gone. */
  originalUrl?: string | null;
  back(sourceTabId: number | null): Promise<void>;
  /** The browser's speech synthesis for read aloud (read-aloud-controls.tsx browserSpeech), or null/absent when there is none. */
  speech?: Speech | null;
}

type View = { phase: 'loading' } | { phase: 'gone' } | { phase: 'ready'; handoff: Handoff; html: string };

/** The calm notice for an article that is in none of its places: gone from the history (deleted, or among the oldest), or never kept. */
function Gone({ url, t }: { url: string | null; t: ExtensionPageApi['t'] }) {
  // Only a web address is offered as a link: the parameter is part of a URL anyone can type.
  const link = url && /^https?:\/\//i.test(url) ? url : null;
  return (
    <div class="notice gone" data-testid="reader-gone" role="status">
      <p>{link ? t('readerGoneHistory') : t('readerGone')}</p>
      {link && (
        <p>
          <a data-testid="reader-original" href={link} rel="noopener noreferrer">
            {t('readerOpenOriginal')}
          </a>{' '}
          <span class="gone-url">{link}</span>
        </p>
      )}
    </div>
  );
}

/** The whole reader tab. */
export function ReaderApp({ api }: { api: ReaderApi }) {
  const { t } = api;
  const [view, setView] = useState<View>({ phase: 'loading' });
  const [settings, setSettings] = useState<Settings>(defaultSettings);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [kept, setKept] = useState<Kept | null>(null);
  const newer = useRef(false);
  const latest = useRef(settings);
  latest.current = settings;

  useEffect(() => {
    void (async () => {
      const [raw, read] = await Promise.all([
        api.loadHandoff().catch(() => undefined),
        api.readSettings().catch(() => ({ settings: defaultSettings(), newer: false, errors: [] })),
      ]);
      newer.current = read.newer;
      setSettings(read.settings);
      const handoff = parseHandoff(raw);
      if (!handoff) return setView({ phase: 'gone' });
      document.title = handoff.article.title || t('untitled');
      setView({ phase: 'ready', handoff, html: renderHtml(handoff.article.html, window) });
    })();
  }, [api]);

  // After the article is on screen, never before: until then the popup's stash is the only copy (issue 16).
  useEffect(() => {
    if (view.phase === 'ready')
      void api
        .keepHandoff({ history: latest.current.ui.keepHistory })
        .catch((): Kept => 'unkept')
        .then(setKept);
  }, [view.phase]);

  const prefs = settings.reader;
  // The script the person chose for this site (issue 19): the view, read aloud and the exports show `shown`.
  const original = view.phase === 'ready' ? view.handoff.article : null;
  const host = original ? hostnameOf(original.url) : null;
  const script = useScript(original, host ? siteScript(settings, host) : 'original');
  const shown = script.shown ?? original;
  const shownHtml = useMemo(
    () =>
      view.phase !== 'ready' || !shown || shown === original ? (view.phase === 'ready' ? view.html : '') : renderHtml(shown.html, window),
    [shown, view],
  );
  const setScript = (target: SiteScript) => {
    if (!host) return;
    const next = setScriptSwitch(latest.current, host, target);
    latest.current = next;
    setSettings(next);
    if (newer.current) return setError(t('errorNewerSettings'));
    api.updateSettings(s => setScriptSwitch(s, host, target)).catch((e: unknown) => setError(t('errorSave', [detailOf(e)])));
  };
  useEffect(() => applyPrefs(document.documentElement, prefs), [prefs]);

  const setPrefs = (reader: Settings['reader']) => {
    const next = { ...latest.current, reader };
    latest.current = next;
    setSettings(next);
    if (newer.current) return setError(t('errorNewerSettings'));
    // A read-modify-write like every save (src/platform/storage.ts): only the reader section changes, and a
    // store that could not be read is never written over.
    api.updateSettings(s => ({ ...s, reader })).catch((e: unknown) => setError(t('errorSave', [detailOf(e)])));
  };

  const sourceTab = view.phase === 'ready' ? view.handoff.tabId : null;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return; // Ctrl/Cmd + and − are the browser's zoom
      const el = e.target as HTMLElement | null;
      if (el && /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && e.key !== 'Escape') return;
      if (e.key === '+' || e.key === '=') setPrefs(stepFontSize(latest.current.reader, 1));
      else if (e.key === '-' || e.key === '−') setPrefs(stepFontSize(latest.current.reader, -1));
      else if (e.key === 'Escape') void api.back(sourceTab);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [sourceTab]);

  const notify = (s: string, err: string | null = null) => {
    setStatus(s);
    setError(err);
  };

  return (
    <div class="reader">
      <div class="reader-bar">
        <p class="status" role="status" aria-live="polite">
          {status}
        </p>
        {view.phase === 'ready' && hasHan(view.handoff.article) && (
          <ScriptControl
            value={host ? siteScript(settings, host) : 'original'}
            onChange={setScript}
            t={t}
            loading={script.loading}
            error={script.error}
          />
        )}
        {view.phase === 'ready' && (
          <ReadAloudControls
            article={() => document.querySelector('.reader-main > .article')}
            version={shownHtml}
            lang={shown?.lang ?? null}
            prefs={prefs.readAloud}
            onPrefs={readAloud => setPrefs({ ...latest.current.reader, readAloud })}
            t={t}
            speech={api.speech ?? null}
          />
        )}
        <details class="reader-prefs">
          <summary>{t('readerSettings')}</summary>
          <div class="prefs-panel">
            <ReaderSettings prefs={prefs} t={t} onChange={setPrefs} />
            <p class="keys">{t('readerKeys')}</p>
          </div>
        </details>
      </div>
      {error && (
        <p class="error-box" data-testid="error" role="alert">
          {error}
        </p>
      )}
      {view.phase === 'gone' && <Gone url={api.originalUrl ?? null} t={t} />}
      {kept === 'unkept' && (
        <p class="error-box" data-testid="reader-not-kept" role="status">
          {t('readerNotKept')}
        </p>
      )}
      {view.phase === 'ready' && (
        <main class="reader-main">
          <ArticleHeader article={shown ?? view.handoff.article} t={t} lang={api.lang} />
          <p class="source" data-testid="source">
            {t('sourceLine', ['']).trim()}{' '}
            <a href={view.handoff.article.url} target="_blank" rel="noopener noreferrer">
              {view.handoff.article.url}
            </a>
          </p>
          <ArticleBody html={shownHtml} lang={shown?.lang ?? null} label={t('articleLabel')} remoteImages={prefs.remoteImages} t={t} />
          <footer class="reader-foot">
            <ExportBar
              article={shown ?? view.handoff.article}
              api={api}
              notify={notify}
              header={prefs.exportHeader}
              remoteImages={prefs.remoteImages}
            />
            <RemovedSummary removed={view.handoff.article.removed} rules={view.handoff.rules} t={t} />
          </footer>
        </main>
      )}
    </div>
  );
}
