/** The real PopupApi: the platform layer plus the popup document's clipboard and downloads. */
import { t, uiLanguage } from '../platform/i18n.ts';
import { readSettings, updateSettings } from '../platform/storage.ts';
import { activeTab, cleanInTab, deriveInTab, fileAccessAllowed, injectContentScript } from '../platform/tabs.ts';
import { openReaderTab, stashForReader } from '../platform/reader-tab.ts';
import type { PopupApi } from './api.ts';
import { download } from './download.ts';
import { openRulesPage } from '../platform/tabs.ts';

/** The PopupApi backed by the browser. */
export function browserApi(): PopupApi {
  return {
    t,
    lang: uiLanguage(),
    activeTab,
    fileAccessAllowed,
    inject: injectContentScript,
    clean: cleanInTab,
    derive: deriveInTab,
    readSettings,
    updateSettings,
    copyText: (text) => navigator.clipboard.writeText(text),
    download,
    openRules: openRulesPage,
    openReader: async (payload, sourceTabId) => openReaderTab(await stashForReader(payload), sourceTabId),
  };
}
