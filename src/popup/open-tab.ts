/**
 * The popup's first steps, which need no UI: find the tab, check it may be read, inject content.js while the
 * settings are read, then ask for the first clean. main.tsx starts them as the first thing the popup does,
 * before Preact and the components load (a plain Readability popup starts injecting as soon as its small
 * script runs: `npm run bench:browser`), and use-reader runs them again on a retry. No Preact here: this
 * module is part of the popup's small first module graph.
 */
import { loadFinish } from './finish-chunk.ts';
import type { CleanRequest, CleanResponse, PageRule } from '../messages.ts';
import { rulesForUrl } from '../core/rules/match.ts';
import type { RuleChoice } from '../core/rules/choose.ts';
import type { Rule } from '../core/rules/types.ts';
import type { ReadResult } from '../platform/storage.ts';
import { defaultSettings, hostnameOf, siteState, type Settings } from '../settings/index.ts';
import type { PopupApi, TabInfo } from './api.ts';
import { detailOf, injectionMessage, restrictedMessage } from './errors.ts';
import { classifyUrl } from './restricted-url.ts';

/**
 * What the first steps came to: the tab, its settings and the first clean under way; or the localized error to
 * show. `tab` is set once the tab passed the checks (a failed injection keeps it: a retry on the same tab
 * that then finds no URL knows the page navigated).
 */
export type Opening =
  | { ok: true; tab: TabInfo; host: string | null; read: ReadResult; cleaning: Promise<CleanResponse> }
  | { ok: false; error: string; tab: TabInfo | null };

/**
 * The person's own rules as they travel into the page at `url`: only those for its site (the core's own match,
 * the one the pipeline chooses by), and without `title` or `evidence`, which name what the person read
 * elsewhere and which the page half never reads. Whatever enters a page's process is the page's to see.
 */
export function pageRules(rules: readonly Rule[], url: string): PageRule[] {
  return rulesForUrl(rules, url).map(({ title: _title, evidence: _evidence, ...rule }) => rule);
}

/** The rule choice of a read of `url` under `settings` (the article stage's, in the popup: every own rule, titles kept for the switches). */
export function ruleChoice(url: string, settings: Settings, host: string | null): Required<Pick<RuleChoice, 'url' | 'disabled' | 'noRules' | 'userRules'>> {
  const site = host ? siteState(settings, host) : { enabled: true, disabled: [] as string[] };
  return { url, disabled: site.disabled, noRules: !site.enabled, userRules: settings.userRules };
}

/** The clean request for `url` under `settings`: the site's switches, the person's own rules for it (pageRules), block marks in remove-blocks mode. */
export function cleanRequest(url: string, settings: Settings, host: string | null, marks: boolean): CleanRequest {
  const { disabled, noRules } = ruleChoice(url, settings, host);
  return { url, disabled: [...disabled], noRules, userRules: pageRules(settings.userRules, url), ...(marks ? { marks: true } : {}) };
}

/**
 * Performance marks around the page's part of the first clean, read by `npm run bench:browser`: from the tab
 * found to the page's answer is the injection (compiling content.js) plus the clean, as the popup waits for it.
 */
export const TAB_MARK = 'jingyue:tab', ANSWER_MARK = 'jingyue:answer';

/** The article stage and finishing half, fetched, compiled and warmed up while the page works: the first answer needs it. */
const preloadFinish = () => void loadFinish().catch(() => {});

/**
 * Runs the first steps against `api`. `previousTabId`: the tab of the popup's last try (a retry), whose
 * withheld URL means the activeTab grant lapsed; `marks`: clean with block marks (remove-blocks mode).
 * Never rejects: every failure is an Opening with the message use-reader shows.
 */
export async function openTab(
  api: Pick<PopupApi, 't' | 'activeTab' | 'fileAccessAllowed' | 'inject' | 'readSettings' | 'clean'>,
  { previousTabId = null, marks = false }: { previousTabId?: number | null; marks?: boolean } = {},
): Promise<Opening> {
  let tab: TabInfo | null = null;
  const fail = (error: string): Opening => ({ ok: false, error, tab });
  try {
    const found = await api.activeTab();
    if (!found) return fail(api.t('errorNoTab'));
    // On a retry, a withheld URL on the same tab means the grant lapsed: it navigated since the click.
    // (On a first open it means a browser page, which activeTab never reveals: classifyUrl says so.)
    if (!found.url && previousTabId === found.id) return fail(api.t('errorPageGone'));
    const kind = classifyUrl(found.url);
    if (kind === 'file' && (await api.fileAccessAllowed())) {
      // allowed: read it like a web page
    } else if (kind !== 'ok') return fail(restrictedMessage(kind, api.t));
    tab = found;
    performance.mark(TAB_MARK);
    preloadFinish();
    const host = hostnameOf(found.url);
    // Read the settings while the content script is injected: the two don't depend on each other.
    // A read that fails shows the defaults but locks saving: never write over what could not be read.
    const reading = api.readSettings().catch((): ReadResult => ({ settings: defaultSettings(), errors: [], newer: false, unreadable: true }));
    try {
      await api.inject(found.id);
    } catch (e) {
      return fail(injectionMessage(e, found.url, api.t));
    }
    const read = await reading;
    // Asked now, not once the UI has rendered; a throw inside api.clean becomes a rejection, as it was in runClean.
    const cleaning = new Promise<CleanResponse>((resolve) => resolve(api.clean(found.id, cleanRequest(found.url, read.settings, host, marks))));
    // The rejection handler also keeps a rejection from being "unhandled" until use-reader awaits (and reports) it.
    cleaning.then(() => performance.mark(ANSWER_MARK), () => {});
    return { ok: true, tab: found, host, read, cleaning };
  } catch (e) {
    return fail(api.t('errorFailed', [detailOf(e)]));
  }
}
