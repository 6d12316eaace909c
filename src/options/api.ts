/** What the rules page needs from the browser, as one object: main.tsx passes the real one, tests a fake. */
import type { SelectorCheck } from '../core/rules/parse.ts';
import type { HistoryChange, HistoryEntry } from '../settings/index.ts';
import type { ExtensionPageApi, MessageKey } from '../ui/api.ts';

export type { MessageKey };

/** The rules page's whole view of the browser: every extension page's, without the clipboard, plus selector checks. */
export interface OptionsApi extends Pick<ExtensionPageApi, 't' | 'lang' | 'readSettings' | 'updateSettings' | 'download'> {
  /** Checks a CSS selector with this page's own parser (the editor and import validate as the page will run them). */
  checkSelector: SelectorCheck;
  /** The reading history's index, newest first (src/platform/storage.ts readHistory). */
  readHistory(): Promise<HistoryEntry[]>;
  /** Changes the reading history under the settings' lock (src/platform/storage.ts updateHistory); resolves with the index as stored. */
  updateHistory(change: (index: HistoryEntry[]) => HistoryChange | null): Promise<HistoryEntry[]>;
}
