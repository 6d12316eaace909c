/** The settings module's public API: pure functions over plain JSON; the platform layer does the storage I/O. */

/** The schema (DEFAULTS), its type, its version, and a fresh mutable copy of the defaults. */
export {
  DEFAULTS,
  SCHEMA_VERSION,
  defaultSettings,
  type Settings,
  type SiteSwitches,
  type SiteScript,
  type QuarantinedRule,
} from './defaults.ts';
/** Read anything storage returned into valid Settings plus the list of repairs made. */
export { loadSettings, type LoadResult } from './validate.ts';
/** The ordered migrations (MIGRATIONS[n]: version n -> n+1) and the runner loadSettings uses. */
export { MIGRATIONS, RETIRED_KEYS, migrate, v0ToV1, type Migration, type MigrationStep } from './migrate.ts';
/** Storage form: only what differs from DEFAULTS plus schemaVersion, and back. */
export { toStored, fromStored, writePlan, isEmptyPlan, type WritePlan } from './store.ts';
/** Per-site switches: resolve most-specific-host-first, and immutable setters on the exact hostname. */
export { siteState, isRuleOn, setRuleSwitch, setSiteSwitch, type SiteState } from './site-switches.ts';
/** Hostname helpers: a page URL's hostname, normalization, and the lookup chain. */
export { hostnameOf, normalizeHostname, hostChain, ANY_SITE } from './hostname.ts';
/** Stored own rules through the core's checkRule; damaged ones go to the quarantine. */
export { validateUserRules, type RuleCheckOptions } from './user-rules.ts';
/** Pure edits of the person's own rules (add with id clashes resolved, replace, delete, reset a site). */
export {
  addUserRules,
  replaceUserRule,
  removeUserRule,
  restoreUserRule,
  dropQuarantined,
  resetSite,
  ownRuleFile,
  type AddResult,
  type OnClash,
  type RestoreResult,
} from './own-rules.ts';
/** Reader preferences (typography, theme, export header): ranges, choices and repair. */
export { validateReader, clampPref, READER_RANGES, READER_CHOICES, READER_SWITCHES, type ReaderPrefs } from './reader-prefs.ts';
/** "Open articles in a reader tab", per site and for all sites ("*"). */
export { readerTabOn, setReaderTab } from './reader-default.ts';
/** Reading history: the index, its bounds, adding and deleting (the I/O is src/platform/storage.ts). */
export {
  HISTORY_INDEX,
  HISTORY_LIMITS,
  historyKey,
  isHistoryId,
  readHistoryIndex,
  addToHistory,
  deleteFromHistory,
  utf8Bytes,
  type HistoryEntry,
  type HistoryChange,
} from './history.ts';
/** Per-site reading switches (issue 19): merge an article's pages, the script it is shown in. */
export { siteMerge, siteScript, setMergeSwitch, setScriptSwitch, isSiteScript, SITE_SCRIPTS } from './site-reading.ts';
/** Read-aloud preferences (issue 19): the speech rate's steps and the voice per language, and their repair. */
export { validateReadAloud, nearestRate, READ_ALOUD_RATES, type ReadAloudPrefs } from './read-aloud-prefs.ts';
