/**
 * The popup's one read of its tab: one object owns it from the click to the article and every change after.
 * It finds the tab and checks it may be read, injects content.js while the settings are read, builds the clean
 * request once, asks the page, runs the article stage and the finishing half here (the page's answer is
 * untrusted: it is post-pruned and sanitized once, in the popup, for the view and every export), and asks the
 * page the one more time the never-worse check may want (a plain Readability run). A switch flip, the
 * remove-blocks mode and a new own rule read the tab again the same way.
 *
 * main.tsx starts the session as the first thing the popup does, before Preact and the components load (a
 * plain Readability popup starts injecting as soon as its small script runs: `npm run bench:browser`); the UI
 * then renders the same session (use-reader.ts subscribes to its state). No Preact here: this module is part
 * of the popup's small first module graph.
 */
import type { CleanRequest, CleanResponse, DeriveRequest, DeriveResponse, PageRule } from '../page/protocol.ts';
import type { Article, Extracted, RuleSummary } from '../core/types.ts';
import type { Pick } from '../core/derive/derive.ts';
import { rulesForUrl } from '../core/rules/match.ts';
import type { CleanRequest as Request } from '../core/pipeline/request.ts';
import type { Rule } from '../core/rules/types.ts';
import { NoArticleError } from '../core/errors.ts';
import type { ReadResult } from '../platform/storage.ts';
import {
  defaultSettings,
  hostnameOf,
  setMergeSwitch,
  setRuleSwitch,
  setScriptSwitch,
  setSiteSwitch,
  siteState,
  type Settings,
  type SiteScript,
} from '../settings/index.ts';
import { addUserRules } from '../settings/own-rules.ts';
import type { PopupApi, TabInfo, Translate } from './api.ts';
import { cleanFailureMessage, injectionMessage, restrictedMessage, unreachableMessage } from './errors.ts';
import { detailOf } from '../ui/errors.ts';
import { classifyUrl } from './restricted-url.ts';
import type { MergeState } from './session-merge.ts';

/** Everything the popup renders. */
export interface SessionState {
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
  /** Remove-blocks mode is on: the tab is read with block marks. */
  editing: boolean;
  /** Remove-blocks mode: the article HTML with block marks (never exported), or null when the mode is off. */
  markedHtml: string | null;
  /** Why the read found no article, when that is the reason: the popup says so calmly and offers to read a picked part. */
  failure: 'no-article' | null;
  /** The article is the part the person picked on the page (readPart), not the page's own article. */
  picked: boolean;
  /** The article's own pager (issue 19): null while pager.js looks, 'none', or how many pages are merged into `article`. */
  pager: MergeState | null;
}

/** The read, and what the person can do with it. */
export interface Session {
  /** What the popup shows now. */
  readonly state: SessionState;
  /** Calls `listener` with every new state; returns the way to stop. */
  subscribe(listener: (state: SessionState) => void): () => void;
  /** The tab being read, once it passed the checks (remove-blocks mode derives its rules there). */
  readonly tab: TabInfo | null;
  /** Reads the tab again from the start (the error box's retry). */
  retry(): void;
  setRule(ruleId: string, on: boolean): void;
  setSite(on: boolean): void;
  /** Turns the remove-blocks mode on or off: the tab is read again with (or without) block marks. */
  setEditing(on: boolean): void;
  /** Adds one of the person's own rules, stores it and reads the tab again; resolves (false when it could not be stored) once the new article is shown. */
  addRule(rule: Rule): Promise<boolean>;
  /** Derives a rule from the picked blocks in the page, whose pipeline runs as the shown view was made (its request). */
  derive(picks: Pick[], head: DeriveRequest['head']): Promise<DeriveResponse>;
  /** Saves new reading preferences (typography, theme, export header); no new read needed. */
  setReaderPrefs(prefs: Settings['reader']): void;
  /** Hands the article to a new reader tab (src/reader/); nothing is fetched again. */
  openReader(): void;
  /** Announces a status (copied, downloading) or shows an error, keeping the article. */
  notify(status: string, error?: string | null): void;
  /** Changes the settings for this site and saves them (a switch that needs no new read shows at once, the read is the same). */
  changeSettings(update: (s: Settings, host: string) => Settings): void;
  /** Reads the part of the page the person selected (or clicked into) as the article of this view: 'picked', or why not. */
  readPart(): Promise<'picked' | 'nothing' | 'too-short'>;
  /** Switches merging multi-page articles on or off for this site; the tab is read again (and merged, if on). */
  setMerge(on: boolean): void;
  /** Remembers the script the article is shown in for this site (the view converts; no new read). */
  setScript(target: SiteScript): void;
}

/**
 * The person's own rules as they travel into the page at `url`: only those for its site (the core's own match,
 * the one the pipeline chooses by), and without `title` or `evidence`, which name what the person read
 * elsewhere and which the page half never reads. Whatever enters a page's process is the page's to see.
 */
export function pageRules(rules: readonly Rule[], url: string): PageRule[] {
  return rulesForUrl(rules, url).map(({ title: _title, evidence: _evidence, ...rule }) => rule);
}

/**
 * The one request of a read of `url` under `settings` (the site's switches, the person's own rules, block marks
 * in remove-blocks mode), built once: settle runs here on it, titles kept for the switches.
 */
function requestOf(url: string, settings: Settings, host: string | null, marks: boolean): Request {
  const site = host ? siteState(settings, host) : { enabled: true, disabled: [] as string[] };
  return { url, disabled: site.disabled, noRules: !site.enabled, userRules: settings.userRules, ...(marks ? { marks: true } : {}) };
}

/** The request as it enters the page: the same, with only the site's own rules as pageRules sends them. */
function pageRequest(request: Request): CleanRequest {
  return {
    url: request.url,
    disabled: [...(request.disabled ?? [])],
    noRules: !!request.noRules,
    userRules: pageRules(request.userRules ?? [], request.url),
    ...(request.marks ? { marks: true } : {}),
    ...(request.plain ? { plain: true } : {}),
  };
}

/**
 * Performance marks around the page's part of each open, read by `npm run bench:browser`: from the tab found to
 * the page's answer is the injection (compiling content.js) plus the clean, as the popup waits for it.
 */
export const TAB_MARK = 'jingyue:tab',
  ANSWER_MARK = 'jingyue:answer';

let finishing: Promise<typeof import('./finish.ts')> | null = null;

/** The article stage and finishing half (finish.ts), loaded once; on load it is warmed up on a built-in sample (warmUp). */
const loadFinish = () =>
  (finishing ??= import('./finish.ts').then(m => {
    // At once, not on a timer: a timer could fire after the real answer and delay its frame. The popup is a
    // fresh document per click, so without this the answer's own run would pay for compiling the code.
    m.warmUp(window);
    return m;
  }));

/** The article stage and finishing half, fetched, compiled and warmed up while the page works: the first answer needs it. */
const preloadFinish = () => void loadFinish().catch(() => {});

/**
 * The view of the page's answer: steps 4–9 on `request`, or an error. `askPlain` is the one re-ask of the page,
 * for a plain Readability run of the same request, when the never-worse check wants one (rarely:
 * src/core/pipeline/settle.ts, step 5).
 */
async function toView(
  res: CleanResponse,
  request: Request,
  askPlain: () => Promise<CleanResponse>,
  t: Translate,
  status: string,
): Promise<Partial<SessionState>> {
  if (!res.ok)
    return {
      phase: 'error',
      error: cleanFailureMessage(res.error, res.detail, t),
      status: '',
      failure: res.error === 'no-article' ? 'no-article' : null,
    };
  try {
    const { settle, finish } = await loadFinish();
    const settled = await settle(res.extracted, request, {
      window,
      askPlain: () =>
        askPlain().then(
          plain => (plain.ok ? { extracted: plain.extracted } : null),
          () => null,
        ),
    });
    const article = finish(settled, window);
    // The marks reach the remove-blocks view only; `article` (every export) is finished without them.
    const markedHtml = request.marks ? finish(settled, window, { keepMarks: true }).html : null;
    return { phase: 'ready', article, error: null, status, rules: article.rules, markedHtml, failure: null, picked: false };
  } catch (e) {
    const failure = e instanceof NoArticleError ? 'no-article' : 'failed';
    return {
      phase: 'error',
      error: cleanFailureMessage(failure, detailOf(e), t),
      status: '',
      failure: failure === 'no-article' ? 'no-article' : null,
    };
  }
}

/** The one-time words for a read of the settings that repaired something, or null. */
function repairNotice(read: ReadResult, t: Translate): string | null {
  if (read.setAside) return t('rulesSetAside', [read.setAside]);
  // A top-level key that is not a setting is left in storage (a newer build may own it), so it is no repair
  // and would otherwise be announced on every open.
  const repairs = read.errors.filter(e => !/^[\w-]+: not a setting; ignored\.$/.test(e)).length;
  return repairs ? t('settingsRepaired', [repairs]) : null;
}

const initial = (editing: boolean): SessionState => ({
  phase: 'loading',
  article: null,
  error: null,
  status: '',
  busy: true,
  host: null,
  settings: defaultSettings(),
  rules: [],
  notice: null,
  editing,
  markedHtml: null,
  failure: null,
  picked: false,
  pager: null,
});

/** Starts reading the active tab through `api` at once and returns the session. Errors become localized messages; none leaves the popup dead. */
export function startSession(api: PopupApi): Session {
  const { t } = api;
  let state = initial(false);
  const listeners = new Set<(s: SessionState) => void>();
  const set = (next: SessionState) => {
    state = next;
    for (const l of listeners) l(state);
  };
  const patch = (p: Partial<SessionState>) => set({ ...state, ...p });
  let tab: TabInfo | null = null;
  // Why the settings must not be written (a newer build's, or a read that failed), or null: see src/platform/storage.ts.
  let locked: 'newer' | 'unreadable' | null = null;
  let seq = 0; // only the latest read may update the view (switches can flip faster than a clean)
  let shown: CleanRequest | null = null; // the request of the article on screen

  /** Reads the tab under `settings`: the request built once, the page's answer, the article stage. */
  async function read(settings: Settings, host: string | null, status: string, first = false): Promise<void> {
    const current = tab;
    if (!current) return;
    const mine = ++seq;
    patch({ busy: true, settings });
    const request = requestOf(current.url, settings, host, state.editing);
    const page = pageRequest(request);
    let next: Partial<SessionState>;
    try {
      const res = await api.clean(current.id, page);
      if (first) performance.mark(ANSWER_MARK);
      next = await toView(res, request, () => api.clean(current.id, { ...page, plain: true }), t, status);
    } catch {
      next = { phase: 'error', error: unreachableMessage(t), status: '' };
    }
    if (mine !== seq) return;
    if (next.phase === 'ready') shown = page;
    // Keep the last rule list when the core reports none (site switched off): the switches must stay reachable.
    patch({ ...next, busy: false, rules: next.rules?.length ? next.rules : state.rules, pager: null });
    // Page 1 is on screen: now its pager, and the following pages as they land (not in remove-blocks mode: marks
    // exist for page 1 only). Loaded here, after the first paint: the popup's first module graph stays small.
    const article = next.phase === 'ready' && !request.marks ? next.article : null;
    if (article) {
      void import('./session-merge.ts')
        .then(m =>
          m.mergeAfterRead({
            port: api.pager,
            t,
            tabId: current.id,
            url: current.url,
            host,
            settings,
            article,
            choice: request,
            current: () => mine === seq,
            update: p => patch({ ...p, ...(p.article ? { rules: p.article.rules.length ? p.article.rules : state.rules } : {}) }),
          }),
        )
        .catch(() => {
          if (mine === seq) patch({ pager: 'none' });
        });
    }
  }

  /** The first steps: find the tab, check it may be read, inject ∥ read the settings, then read the tab. */
  async function open(): Promise<void> {
    // On a retry, the tab of the last try: its withheld URL means the activeTab grant lapsed.
    const previousTabId = tab?.id ?? null;
    seq++;
    set(initial(state.editing));
    const fail = (error: string) => patch({ phase: 'error', error, busy: false });
    try {
      const found = await api.activeTab();
      if (!found) return fail(t('errorNoTab'));
      // On a retry, a withheld URL on the same tab means the grant lapsed: it navigated since the click.
      // (On a first open it means a browser page, which activeTab never reveals: classifyUrl says so.)
      if (!found.url && previousTabId === found.id) return fail(t('errorPageGone'));
      const kind = classifyUrl(found.url);
      if (kind === 'file' && (await api.fileAccessAllowed())) {
        // allowed: read it like a web page
      } else if (kind !== 'ok') return fail(restrictedMessage(kind, t));
      // Set before injecting: a retry on the same tab that then finds no URL knows the page navigated.
      tab = found;
      performance.mark(TAB_MARK);
      preloadFinish();
      const host = hostnameOf(found.url);
      // Read the settings while the content script is injected: the two don't depend on each other.
      // A read that fails shows the defaults but locks saving: never write over what could not be read.
      const reading = api
        .readSettings()
        .catch((): ReadResult => ({ settings: defaultSettings(), errors: [], newer: false, unreadable: true }));
      try {
        await api.inject(found.id);
      } catch (e) {
        return fail(injectionMessage(e, found.url, t));
      }
      const settings = await reading;
      locked = settings.newer ? 'newer' : settings.unreadable ? 'unreadable' : null;
      patch({ host, settings: settings.settings, notice: repairNotice(settings, t) });
      // Save the repaired form once (damaged rules move to the quarantine key, retired v0 keys go), so the
      // notice is said once; a store with nothing to repair is never rewritten on open.
      if (!locked && settings.needsSave) void api.updateSettings(s => s).catch(() => {});
      await read(settings.settings, host, '', true);
    } catch (e) {
      fail(t('errorFailed', [detailOf(e)]));
    }
  }

  /** Changes the settings for this site, saves the change and reads the tab again; resolves whether it was saved. */
  function change(update: (s: Settings, host: string) => Settings): Promise<boolean> | undefined {
    const { host, settings: before } = state;
    if (!host) return;
    const settings = update(before, host);
    patch({ settings, status: t('updating') }); // a second flip before this read lands builds on this one
    // Saved as a read-modify-write of what is stored now, not of this popup's copy (another page may have saved since).
    const saving = locked ? Promise.reject(new Error(locked)) : api.updateSettings(s => update(s, host));
    // A failed save is reported after the read (which resets the error), unless the read failed itself.
    return Promise.allSettled([saving, read(settings, host, t('updated'))]).then(([saved]) => {
      if (saved.status === 'fulfilled') return true;
      const why = locked ?? (saved.reason as { reason?: string })?.reason;
      const error =
        why === 'newer'
          ? t('errorNewerSettings')
          : why === 'unreadable'
            ? t('errorSettingsUnreadable')
            : t('errorSave', [detailOf(saved.reason)]);
      if (!state.error) patch({ error });
      return false;
    });
  }

  void open();

  return {
    get state() {
      return state;
    },
    get tab() {
      return tab;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    retry: () => void open(),
    setRule: (ruleId, on) => void change((s, host) => setRuleSwitch(s, host, ruleId, on)),
    setSite: on => void change((s, host) => setSiteSwitch(s, host, on)),
    setEditing(on) {
      patch(on ? { editing: true } : { editing: false, markedHtml: null });
      void read(state.settings, state.host, '');
    },
    // A clash with a rule stored since (another window) keeps both: the new one gets a fresh id.
    addRule: async rule => (await change(s => addUserRules(s, [rule], { onClash: 'rename' }).settings)) ?? false,
    async derive(picks, head) {
      if (!tab || !shown) throw new Error(t('errorPageGone'));
      const { url, disabled, userRules } = shown;
      return api.derive(tab.id, { url, disabled, userRules, picks, head });
    },
    setReaderPrefs(prefs) {
      patch({ settings: { ...state.settings, reader: prefs } });
      if (locked) return patch({ error: t(locked === 'newer' ? 'errorNewerSettings' : 'errorSettingsUnreadable') });
      // A read-modify-write like every save: only the reader section changes.
      api.updateSettings(s => ({ ...s, reader: prefs })).catch(e => patch({ error: t('errorSave', [detailOf(e)]) }));
    },
    openReader() {
      const { article, rules } = state;
      if (!article || !tab || !api.openReader) return;
      api.openReader({ article, rules, tabId: tab.id }, tab.id).catch(e => patch({ error: t('errorOpenReader', [detailOf(e)]) }));
    },
    notify: (status, error = null) => patch({ status, error }),
    changeSettings: update => void change(update),
    async readPart() {
      const current = tab;
      if (!current || !api.pickPart) return 'nothing';
      const part = await api.pickPart(current.id).catch(() => null);
      if (!part) return 'nothing';
      try {
        const { settle, finish } = await loadFinish();
        // The person's pick is the article as it stands, settled and sanitized like every answer.
        const picked: Extracted = {
          title: part.title,
          byline: null,
          siteName: null,
          declaredLang: part.lang,
          publishedTime: null,
          url: current.url,
          excerpt: null,
          html: part.html,
          base: current.url,
          readerable: true,
          guard: null,
          removed: [],
          titleEvidence: { headlines: part.title ? [part.title] : [], h1s: [], siteNames: [] },
        };
        const article = finish(await settle(picked, { url: current.url }, { window }), window);
        patch({ phase: 'ready', article, error: null, failure: null, picked: true, rules: [], busy: false, status: '' });
        return 'picked';
      } catch {
        return 'too-short'; // the finishing half's one refusal of a pick: too little text to read
      }
    },
    setMerge: on => void change((s, host) => setMergeSwitch(s, host, on)),
    setScript(target) {
      const { host } = state;
      if (!host) return;
      patch({ settings: setScriptSwitch(state.settings, host, target) });
      if (locked) return patch({ error: t(locked === 'newer' ? 'errorNewerSettings' : 'errorSettingsUnreadable') });
      // A read-modify-write like every save: only this site's script changes.
      api.updateSettings(s => setScriptSwitch(s, host, target)).catch(e => patch({ error: t('errorSave', [detailOf(e)]) }));
    },
  };
}
