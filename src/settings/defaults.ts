/** The settings schema: DEFAULTS is the single source of truth (refined-github options-storage style). */
import type { Rule } from '../core/rules/types.ts';

/** Switches stored for one hostname; an absent field means "inherit from the parent host, else default". */
export interface SiteSwitches {
  /** false: don't clean this site at all (plain Readability); true: clean even if a parent host is off. */
  enabled?: boolean;
  /** ruleId -> false (rule off here) or true (rule on here even if a parent host or its default is off). */
  rules?: Record<string, boolean>;
  /** true: the toolbar click opens this site's articles straight in a reader tab; false: in the popup even if a parent host says otherwise. */
  reader?: boolean;
  /** false: don't follow this site's pagers (下一页) to merge an article's pages; absent: merge (src/settings/site-reading.ts). */
  merge?: boolean;
  /** The script the article is shown in on this site (原文 / 简体 / 繁體…); absent: as the page wrote it. */
  script?: SiteScript;
}

/** A script choice as stored per site (src/settings/site-reading.ts SITE_SCRIPTS; the view's control offers the same). */
export type SiteScript = 'original' | 'cn' | 'tw' | 'twp' | 'hk';

/** A damaged own rule set aside instead of deleted: what storage held and why it could not be used. */
export interface QuarantinedRule {
  rule: unknown;
  errors: string[];
}

/** The schema version this build writes; loadSettings migrates anything older up to it. */
export const SCHEMA_VERSION = 1;

/** Freezes a JSON tree so that code which mutates DEFAULTS fails loudly instead of corrupting every load. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Every setting with its default value; its type is the Settings type. Frozen: copy with defaultSettings(). */
export const DEFAULTS = deepFreeze({
  schemaVersion: SCHEMA_VERSION as number,
  /** Per-site switches keyed by hostname ("news.sina.com.cn", "sina.com.cn", or "*" for everywhere). */
  sites: {} as Record<string, SiteSwitches>,
  /** The person's own rules, in the same format as src/core/site-rules.json. */
  userRules: [] as Rule[],
  /** Own rules found damaged in storage: kept here, never deleted, so the rules page can show and repair them. */
  quarantine: [] as QuarantinedRule[],
  /** Small popup preferences. */
  ui: {
    /** Show the list of removed blocks under the article. */
    showRemoved: true as boolean,
    /**
     * Keep the articles opened in a reader tab in storage.local (the last ones, bounded: src/settings/history.ts),
     * so a reader tab's own URL still shows its article after a restart. Off: nothing is kept, and turning it
     * off deletes what was kept.
     */
    keepHistory: true as boolean,
  },
  /** How the article reads, in the reader tab and the popup; set once (issue 11). Ranges: src/settings/reader-prefs.ts. */
  reader: {
    /** Body text size in CSS px (Firefox Reader View's default is 20px; 18 fits the 480px popup too). */
    fontSize: 18 as number,
    /** Unitless line height; CJK text reads best around 1.8 (W3C clreq, "line spacing"). */
    lineHeight: 1.8 as number,
    /** Maximum width of the text column in em (about 36 CJK characters per line, clreq's comfortable range). */
    width: 36 as number,
    font: 'sans' as 'sans' | 'serif',
    theme: 'system' as 'light' | 'sepia' | 'dark' | 'system',
    /** Where exports put the title/source/reading-time header: the top (as before), the end, or nowhere. */
    exportHeader: 'top' as 'top' | 'end' | 'none',
    /**
     * Show the article's images from their sites. Off: the popup, the reader tab and the exports fetch no
     * image and show a placeholder with its description instead (no tracking pixels); data: images stay.
     */
    remoteImages: true as boolean,
    /** Read aloud in the reader tab (issue 19): the speech rate, and the voice chosen per language tag (voiceURI). Ranges: read-aloud-prefs.ts. */
    readAloud: { rate: 1 as number, voices: {} as Record<string, string> },
  },
});

/** All settings; the shape is exactly that of DEFAULTS. */
export type Settings = typeof DEFAULTS;

/** A fresh, mutable deep copy of DEFAULTS (settings are plain JSON, so a JSON round-trip is a full copy). */
export function defaultSettings(): Settings {
  return JSON.parse(JSON.stringify(DEFAULTS)) as Settings;
}
