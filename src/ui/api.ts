/**
 * What every extension page (the popup, the reader tab, the rules page) needs from the browser, as one
 * object: ui/browser-api.ts makes the real one, tests a fake. Each page's own api extends it.
 */
import type { MessageKey } from '../platform/i18n.ts';
import type { ReadResult } from '../platform/storage.ts';
import type { Settings } from '../settings/index.ts';

export type { MessageKey };

/** Looks up a localized string, substituting $1, $2… */
export type Translate = (key: MessageKey, subs?: (string | number)[]) => string;

/** The browser as every extension page sees it: its strings, the settings, the clipboard and downloads. */
export interface ExtensionPageApi {
  t: Translate;
  /** The UI language, e.g. "zh-CN". */
  lang: string;
  readSettings(): Promise<ReadResult>;
  /** Applies `update` to the settings stored now and saves them (src/platform/storage.ts); rejects, writing nothing, when that is unsafe. */
  updateSettings(update: (s: Settings) => Settings): Promise<Settings>;
  copyText(text: string): Promise<void>;
  /** Saves `content` as a download named `fileName`. */
  download(fileName: string, content: string, mime: string): void;
}
