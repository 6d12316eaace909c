/**
 * The popup's state machine: find the tab, check it may be read, inject, clean; then re-clean whenever a
 * switch flips (persisting it per site). Errors become localized messages and never leave the popup dead.
 */
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Article, RuleSummary } from '../core/types.ts';
import { defaultSettings, setRuleSwitch, setSiteSwitch, type Settings } from '../settings/index.ts';
import type { CleanRequest, CleanResponse } from '../messages.ts';
import { loadFinish } from './finish-chunk.ts';
import type { PopupApi, TabInfo, Translate } from './api.ts';
import type { ReadResult } from '../platform/storage.ts';
import { cleanFailureMessage, detailOf, unreachableMessage } from './errors.ts';
import { cleanRequest, openTab, ruleChoice, type Opening } from './open-tab.ts';
import type { RuleChoice } from '../core/rules/choose.ts';
import { NoArticleError } from '../core/errors.ts';
import type { Rule } from '../core/rules/types.ts';
import { addUserRules } from '../settings/own-rules.ts';

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
  /** Said once after reading settings that needed repair ("2 of your rules were damaged and were set aside"). */
  notice: string | null;
  /** Remove-blocks mode: the article HTML with block marks (never exported), or null when the mode is off. */
  markedHtml: string | null;
}

/** The state plus what the person can do. */
export interface Reader {
  state: ReaderState;
  setRule(ruleId: string, on: boolean): void;
  setSite(on: boolean): void;
  retry(): void;
  /** Announces a status (copied, downloading) or shows an error, keeping the article. */
  notify(status: string, error?: string | null): void;
  /** The tab being read (remove-blocks mode derives its rules there). */
  tab: TabInfo | null;
  /** Turns the remove-blocks mode on or off: the article is cleaned again with (or without) block marks. */
  setEditing(on: boolean): void;
  /** Adds one of the person's own rules, stores it and re-cleans; resolves (false when it could not be stored) once the new article is shown. */
  addRule(rule: Rule): Promise<boolean>;
  /** Saves new reading preferences (typography, theme, export header); no re-clean needed. */
  setReaderPrefs(prefs: Settings['reader']): void;
  /** Hands the article to a new reader tab (src/reader/); nothing is fetched again. */
  openReader(): void;
}

const initial = (): ReaderState => ({
  phase: 'loading', article: null, error: null, status: '', busy: true, host: null, settings: defaultSettings(), rules: [], notice: null, markedHtml: null,
});

/**
 * The view of a content-script answer: the article stage and the finishing half run here, in the popup,
 * because the page's process made `res.extracted` (it is post-pruned and sanitized once, here, for the view
 * and every export), or an error. `again` asks the page for a second, plain Readability run when the
 * never-worse check wants one (rarely: src/core/guard-readability.ts).
 */
async function toView(
  res: CleanResponse, req: CleanRequest, choice: RuleChoice, again: (req: CleanRequest) => Promise<CleanResponse>, t: Translate, status: string, marks = false,
): Promise<Partial<ReaderState>> {
  if (!res.ok) return { phase: 'error', error: cleanFailureMessage(res.error, res.detail, t), status: '' };
  try {
    const { prepareArticle, inertParser, finishSettled } = await loadFinish();
    // The article stage chooses from every own rule (with the titles its switches show); the page got only this site's.
    const prepared = prepareArticle(res.extracted, { ...choice, parse: inertParser(window) });
    const plain = prepared.needsPlain ? await again({ ...req, plain: true }).catch(() => null) : null;
    const settled = prepared.settle(plain?.ok ? plain.extracted : null);
    const article = finishSettled(settled, window);
    // The marks reach the remove-blocks view only; `article` (every export) is finished without them.
    const markedHtml = marks ? finishSettled(settled, window, { keepMarks: true }).html : null;
    return { phase: 'ready', article, error: null, status, rules: article.rules, markedHtml };
  } catch (e) {
    const failure = e instanceof NoArticleError ? 'no-article' : 'failed';
    return { phase: 'error', error: cleanFailureMessage(failure, detailOf(e), t), status: '' };
  }
}

/** The one-time words for a read that repaired something, or null. */
function repairNotice(read: ReadResult, api: PopupApi): string | null {
  if (read.setAside) return api.t('rulesSetAside', [read.setAside]);
  // A top-level key that is not a setting is left in storage (a newer build may own it), so it is no repair
  // and would otherwise be announced on every open.
  const repairs = read.errors.filter((e) => !/^[\w-]+: not a setting; ignored\.$/.test(e)).length;
  return repairs ? api.t('settingsRepaired', [repairs]) : null;
}

/**
 * Runs the reader against `api`; components get the state and the actions. `early`: the first steps, already
 * started from the same api by main.tsx before the UI loaded (src/popup/open-tab.ts); the first run takes
 * them instead of starting its own, a retry starts afresh.
 */
export function useReader(api: PopupApi, early?: Promise<Opening>): Reader {
  const [state, setState] = useState<ReaderState>(initial);
  const tab = useRef<TabInfo | null>(null);
  // Why the settings must not be written (a newer build's, or a read that failed), or null: see src/platform/storage.ts.
  const locked = useRef<'newer' | 'unreadable' | null>(null);
  const seq = useRef(0); // only the latest clean may update the view (switches can flip faster than a clean)
  const editing = useRef(false); // remove-blocks mode: clean with block marks
  const patch = (p: Partial<ReaderState>) => setState((s) => ({ ...s, ...p }));
  const pending = useRef(early); // taken by the first start()

  // `asked`: the clean openTab already asked for with these settings (the first one); otherwise it is asked here.
  const runClean = useCallback(async (settings: Settings, host: string | null, status: string, asked?: Promise<CleanResponse>) => {
    const current = tab.current;
    if (!current) return;
    const mine = ++seq.current;
    patch({ busy: true, settings });
    let next: Partial<ReaderState>;
    try {
      // The same request openTab asked the first clean with (cleanRequest), so `asked` answers this one.
      const req = cleanRequest(current.url, settings, host, editing.current);
      const res = await (asked ?? api.clean(current.id, req));
      next = await toView(res, req, ruleChoice(current.url, settings, host), (r) => api.clean(current.id, r), api.t, status, editing.current);
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
    const taken = pending.current;
    pending.current = undefined;
    try {
      // The steps before the first clean (find the tab, check it, inject ∥ read the settings, ask): src/popup/open-tab.ts.
      const opened = await (taken ?? openTab(api, { previousTabId: tab.current?.id ?? null, marks: editing.current }));
      if (opened.tab) tab.current = opened.tab;
      if (!opened.ok) return fail(opened.error);
      const { host, read } = opened;
      const { settings } = read;
      locked.current = read.newer ? 'newer' : read.unreadable ? 'unreadable' : null;
      patch({ host, settings, notice: repairNotice(read, api) });
      // Save the repaired form once (damaged rules move to the quarantine key, retired v0 keys go), so the
      // notice is said once; a store with nothing to repair is never rewritten on open.
      if (!locked.current && read.needsSave) void api.updateSettings((s) => s).catch(() => {});
      await runClean(settings, host, '', opened.cleaning);
    } catch (e) {
      fail(api.t('errorFailed', [detailOf(e)]));
    }
  }, [api, runClean]);

  // At mount, not after the first paint (useEffect waits a frame): the early steps' answer may be waiting already.
  useLayoutEffect(() => void start(), [start]);

  const latest = useRef(state);
  latest.current = state;
  const change = useCallback((update: (s: Settings, host: string) => Settings) => {
    const { host, settings: before } = latest.current;
    if (!host) return;
    const settings = update(before, host);
    latest.current = { ...latest.current, settings }; // a second flip before the re-render builds on this one
    patch({ status: api.t('updating') });
    // Saved as a read-modify-write of what is stored now, not of this popup's copy (another page may have saved since).
    const saving = locked.current ? Promise.reject(new Error(locked.current)) : api.updateSettings((s) => update(s, host));
    // A failed save is reported after the re-clean (which resets the error), unless the clean failed itself.
    return Promise.allSettled([saving, runClean(settings, host, api.t('updated'))]).then(([saved]) => {
      if (saved.status === 'fulfilled') return true;
      const why = locked.current ?? (saved.reason as { reason?: string })?.reason;
      const error = why === 'newer' ? api.t('errorNewerSettings') : why === 'unreadable' ? api.t('errorSettingsUnreadable') : api.t('errorSave', [detailOf(saved.reason)]);
      setState((s) => (s.error ? s : { ...s, error }));
      return false;
    });
  }, [api, runClean]);

  const setReaderPrefs = (prefs: Settings['reader']) => {
    const settings = { ...latest.current.settings, reader: prefs };
    latest.current = { ...latest.current, settings };
    patch({ settings });
    if (locked.current) return patch({ error: api.t(locked.current === 'newer' ? 'errorNewerSettings' : 'errorSettingsUnreadable') });
    // A read-modify-write like every save: only the reader section changes.
    api.updateSettings((s) => ({ ...s, reader: prefs })).catch((e) => patch({ error: api.t('errorSave', [detailOf(e)]) }));
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
    tab: tab.current,
    setEditing: (on) => {
      editing.current = on;
      if (!on) patch({ markedHtml: null });
      void runClean(latest.current.settings, latest.current.host, '');
    },
    // A clash with a rule stored since (another window) keeps both: the new one gets a fresh id.
    addRule: async (rule) => (await change((s) => addUserRules(s, [rule], { onClash: 'rename' }).settings)) ?? false,
  };
}
