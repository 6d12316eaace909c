/** What the popup needs from the browser, as one object: main.tsx passes the real one, tests a fake. */
import type { CleanRequest, CleanResponse, DeriveRequest, DeriveResponse } from '../page/protocol.ts';
import type { MessageKey } from '../platform/i18n.ts';
import type { ReadResult } from '../platform/storage.ts';
import type { TabInfo } from '../platform/tabs.ts';
import type { Settings } from '../settings/index.ts';

export type { MessageKey, TabInfo };

/** Looks up a localized string, substituting $1, $2… */
export type Translate = (key: MessageKey, subs?: (string | number)[]) => string;

/** The popup's whole view of the browser. */
export interface PopupApi {
  t: Translate;
  /** The UI language, e.g. "zh-CN". */
  lang: string;
  activeTab(): Promise<TabInfo | null>;
  fileAccessAllowed(): Promise<boolean>;
  inject(tabId: number): Promise<void>;
  clean(tabId: number, req: CleanRequest): Promise<CleanResponse>;
  /** Derives a rule from removed blocks in the page (remove-blocks mode; injects derive.js). */
  derive(tabId: number, req: DeriveRequest): Promise<DeriveResponse>;
  readSettings(): Promise<ReadResult>;
  /** Applies `update` to the settings stored now and saves them (src/platform/storage.ts); rejects, writing nothing, when that is unsafe. */
  updateSettings(update: (s: Settings) => Settings): Promise<Settings>;
  copyText(text: string): Promise<void>;
  /** Saves `content` as a download named `fileName`. */
  download(fileName: string, content: string, mime: string): void;
  /** Opens the rules page (options.html). */
  openRules(): void;
  /** Opens the reader tab with `payload` (src/reader/handoff.ts); optional so fakes without it still render. */
  openReader?(payload: Record<string, unknown>, sourceTabId: number): Promise<void>;
}
