/**
 * The popup's state machine: find the tab, check it may be read, inject, clean; then re-clean whenever a
 * switch flips (persisting it per site). Errors become localized messages and never leave the popup dead.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Article, RuleSummary } from '../core/types.ts';
import { defaultSettings, hostnameOf, setRuleSwitch, setSiteSwitch, siteState, type Settings } from '../settings/index.ts';
import type { CleanResponse } from '../messages.ts';
import type { PopupApi, TabInfo, Translate } from './api.ts';
import { cleanFailureMessage, detailOf, injectionMessage, restrictedMessage, unreachableMessage } from './errors.ts';
import { classifyUrl } from './restricted-url.ts';
import { NoArticleError } from '../core/errors.ts';

/** Everything the components render. */
export interface ReaderState {
  phase: 'loading' | 'ready' | 'error';
  article: Article | null;
  /** Localized error shown in [data-testid=error]; null when all is well. */
  error: string | null;
  /** Localized status for the aria-live region. */
  status: string;
  busy: boolean;
  /** The tab's hostname: the key of the per-site switches (null on file:// and the like). */
  host: string | null;
  settings: Settings;
  /** The rules that match this site; kept while "clean this site" is off and the core reports none. */
  rules: RuleSummary[];
}

/** The state plus what the person can do. */
export interface Reader {
  state: ReaderState;
  setRule(ruleId: string, on: boolean): void;
  setSite(on: boolean): void;
  retry(): void;
  /** Announces a status (copied, downloading) or shows an error, keeping the article. */
  notify(status: string, error?: string | null): void;
  /** Saves new reading preferences (typography, theme, export header); no re-clean needed. */
  setReaderPrefs(prefs: Settings['reader']): void;
  /** Hands the article to a new reader tab (src/reader/); nothing is fetched again. */
  openReader(): void;
}

const initial = (): ReaderState => ({
  phase: 'loading', article: null, error: null, status: '', busy: true, host: null, settings: defaultSettings(), rules: [],
});

/**
 * The finishing half (DOMPurify, text, reading time), loaded while the content script is injected and runs:
 * it is needed only when the page answers, so it is not part of the popup's first paint.
 */
let finishing: Promise<typeof import('../core/finish.ts')> | null = null;
const loadFinish = () => (finishing ??= import('../core/finish.ts'));

/**
 * The view of a content-script answer: the finishing half runs here, in the popup, because the page's
 * process made `res.extracted` (it is sanitized once, here, for the view and every export), or an error.
 */
async function toView(res: CleanResponse, t: Translate, status: string): Promise<Partial<ReaderState>> {
  if (!res.ok) return { phase: 'error', error: cleanFailureMessage(res.error, res.detail, t), status: '' };
  try {
    const { finishArticle } = await loadFinish();
    const article = finishArticle(res.extracted, window);
    return { phase: 'ready', article, error: null, status, rules: article.rules };
  } catch (e) {
    const failure = e instanceof NoArticleError ? 'no-article' : 'failed';
    return { phase: 'error', error: cleanFailureMessage(failure, detailOf(e), t), status: '' };
  }
}

/** Runs the reader against `api`; components get the state and the actions. */
export function useReader(api: PopupApi): Reader {
  const [state, setState] = useState<ReaderState>(initial);
  const tab = useRef<TabInfo | null>(null);
  const newer = useRef(false); // settings from a newer build: never overwrite them
  const seq = useRef(0); // only the latest clean may update the view (switches can flip faster than a clean)
  const patch = (p: Partial<ReaderState>) => setState((s) => ({ ...s, ...p }));

  const runClean = useCallback(async (settings: Settings, host: string | null, status: string) => {
    const current = tab.current;
    if (!current) return;
    const mine = ++seq.current;
    const site = host ? siteState(settings, host) : { enabled: true, disabled: [] as string[] };
    patch({ busy: true, settings });
    let next: Partial<ReaderState>;
    try {
      const res = await api.clean(current.id, {
        url: current.url, disabled: site.disabled, noRules: !site.enabled, userRules: settings.userRules,
      });
      next = await toView(res, api.t, status);
    } catch {
      next = { phase: 'error', error: unreachableMessage(api.t), status: '' };
    }
    if (mine !== seq.current) return;
    // Keep the last rule list when the core reports none (site switched off): the switches must stay reachable.
    setState((s) => ({ ...s, ...next, busy: false, rules: next.rules?.length ? next.rules : s.rules }));
  }, [api]);

  const start = useCallback(async () => {
    setState(initial());
    const fail = (error: string) => patch({ phase: 'error', error, busy: false });
    try {
      const found = await api.activeTab();
      if (!found) return fail(api.t('errorNoTab'));
      // On a retry, a withheld URL on the same tab means the grant lapsed: it navigated since the click.
      // (On a first open it means a browser page, which activeTab never reveals: classifyUrl says so.)
      if (!found.url && tab.current?.id === found.id) return fail(api.t('errorPageGone'));
      const kind = classifyUrl(found.url);
      if (kind === 'file' && (await api.fileAccessAllowed())) {
        // allowed: read it like a web page
      } else if (kind !== 'ok') return fail(restrictedMessage(kind, api.t));
      tab.current = found;
      void loadFinish();
      const host = hostnameOf(found.url);
      // Read the settings while the content script is injected: the two don't depend on each other.
      const reading = api.readSettings().catch(() => ({ settings: defaultSettings(), newer: false }));
      try {
        await api.inject(found.id);
      } catch (e) {
        return fail(injectionMessage(e, found.url, api.t));
      }
      const { settings, newer: fromNewer } = await reading;
      newer.current = fromNewer;
      patch({ host, settings });
      await runClean(settings, host, '');
    } catch (e) {
      fail(api.t('errorFailed', [detailOf(e)]));
    }
  }, [api, runClean]);

  useEffect(() => void start(), [start]);

  const latest = useRef(state);
  latest.current = state;
  const change = useCallback((update: (s: Settings, host: string) => Settings) => {
    const { host, settings: before } = latest.current;
    if (!host) return;
    const settings = update(before, host);
    latest.current = { ...latest.current, settings }; // a second flip before the re-render builds on this one
    patch({ status: api.t('updating') });
    const saving = newer.current ? Promise.reject(new Error('newer settings')) : api.writeSettings(settings);
    // A failed save is reported after the re-clean (which resets the error), unless the clean failed itself.
    void Promise.allSettled([saving, runClean(settings, host, api.t('updated'))]).then(([saved]) => {
      if (saved.status === 'fulfilled') return;
      const error = newer.current ? api.t('errorNewerSettings') : api.t('errorSave', [detailOf(saved.reason)]);
      setState((s) => (s.error ? s : { ...s, error }));
    });
  }, [api, runClean]);

  const setReaderPrefs = (prefs: Settings['reader']) => {
    const settings = { ...latest.current.settings, reader: prefs };
    latest.current = { ...latest.current, settings };
    patch({ settings });
    if (newer.current) return patch({ error: api.t('errorNewerSettings') });
    api.writeSettings(settings).catch((e) => patch({ error: api.t('errorSave', [detailOf(e)]) }));
  };
  const openReader = () => {
    const { article, rules } = latest.current;
    if (!article || !tab.current || !api.openReader) return;
    api.openReader({ article, rules, tabId: tab.current.id }, tab.current.id)
      .catch((e) => patch({ error: api.t('errorOpenReader', [detailOf(e)]) }));
  };

  return {
    state,
    setReaderPrefs,
    openReader,
    setRule: (ruleId, on) => change((s, host) => setRuleSwitch(s, host, ruleId, on)),
    setSite: (on) => change((s, host) => setSiteSwitch(s, host, on)),
    retry: () => void start(),
    notify: (status, error = null) => patch({ status, error }),
  };
}
