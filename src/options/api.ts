/** What the rules page needs from the browser, as one object: main.tsx passes the real one, tests a fake. */
import type { SelectorCheck } from '../core/rules/parse.ts';
import type { ReadResult } from '../platform/storage.ts';
import type { MessageKey, Translate } from '../popup/api.ts';

export type { MessageKey };
import type { Settings } from '../settings/index.ts';

/** The rules page's whole view of the browser (same pattern as src/popup/api.ts). */
export interface OptionsApi {
  t: Translate;
  /** The UI language, e.g. "zh-CN". */
  lang: string;
  readSettings(): Promise<ReadResult>;
  /** Read-modify-write of the stored settings; rejects, writing nothing, when that is unsafe. */
  updateSettings(update: (s: Settings) => Settings): Promise<Settings>;
  /** Checks a CSS selector with this page's own parser (the editor and import validate as the page will run them). */
  checkSelector: SelectorCheck;
  /** Saves `content` as a download named `fileName`. */
  download(fileName: string, content: string, mime: string): void;
}
