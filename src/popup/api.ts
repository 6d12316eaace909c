/** What the popup needs from the browser, as one object: main.tsx passes the real one, tests a fake. */
import type { CleanRequest, CleanResponse, DeriveRequest, DeriveResponse } from '../page/protocol.ts';
import type { PickedPart, TabInfo } from '../platform/tabs.ts';
import type { PagerPort } from './session-merge.ts';
import type { ExtensionPageApi, MessageKey, Translate } from '../ui/api.ts';

export type { MessageKey, PickedPart, TabInfo, Translate };

/** The popup's whole view of the browser: every extension page's, plus its tab and the scripts in it. */
export interface PopupApi extends ExtensionPageApi {
  activeTab(): Promise<TabInfo | null>;
  fileAccessAllowed(): Promise<boolean>;
  inject(tabId: number): Promise<void>;
  clean(tabId: number, req: CleanRequest): Promise<CleanResponse>;
  /** Derives a rule from removed blocks in the page (remove-blocks mode; injects derive.js). */
  derive(tabId: number, req: DeriveRequest): Promise<DeriveResponse>;
  /** Opens the rules page (options.html). */
  openRules(): void;
  /** The part of the page the person selected or clicked into (platform/tabs.ts pickPart), or null; optional so fakes without it still render. */
  pickPart?(tabId: number): Promise<PickedPart | null>;
  /** pager.js in the tab (multi-page articles); optional so fakes without it read one page. */
  pager?: PagerPort;
  /** Opens the reader tab with `payload` (src/reader/handoff.ts); optional so fakes without it still render. */
  openReader?(payload: Record<string, unknown>, sourceTabId: number): Promise<void>;
}
