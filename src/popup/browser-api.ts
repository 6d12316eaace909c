/** The real PopupApi: every extension page's (src/ui/browser-api.ts) plus the tab, its page scripts and the other pages. */
import { activeTab, cleanInTab, deriveInTab, fileAccessAllowed, injectContentScript, openRulesPage, pickPart } from '../platform/tabs.ts';
import { openReaderTab, stashForReader } from '../platform/reader-tab.ts';
import { detectPagerInTab, fetchPageInTab } from '../platform/pager-tab.ts';
import { extensionPageApi } from '../ui/browser-api.ts';
import type { PopupApi } from './api.ts';

/** The PopupApi backed by the browser. */
export function browserApi(): PopupApi {
  return {
    ...extensionPageApi(),
    activeTab,
    fileAccessAllowed,
    inject: injectContentScript,
    clean: cleanInTab,
    derive: deriveInTab,
    openRules: openRulesPage,
    pager: { detectPager: detectPagerInTab, fetchPage: fetchPageInTab },
    pickPart,
    openReader: async (payload, sourceTabId) =>
      openReaderTab(await stashForReader(payload), sourceTabId, (payload.article as { url?: string } | undefined)?.url ?? ''),
  };
}
