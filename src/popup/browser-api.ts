/** The real PopupApi: the platform layer plus the popup document's clipboard and downloads. */
import { t, uiLanguage } from '../platform/i18n.ts';
import { readSettings, writeSettings } from '../platform/storage.ts';
import { activeTab, callContent, fileAccessAllowed, injectContentScript } from '../platform/tabs.ts';
import { openReaderTab, stashForReader } from '../platform/reader-tab.ts';
import type { PopupApi } from './api.ts';

/** Downloads through a Blob URL and <a download>: no `downloads` permission needed. */
function download(fileName: string, content: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; revoke late because the popup may close first anyway.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The PopupApi backed by the browser. */
export function browserApi(): PopupApi {
  return {
    t,
    lang: uiLanguage(),
    activeTab,
    fileAccessAllowed,
    inject: injectContentScript,
    clean: (tabId, req) => callContent(tabId, 'clean', req),
    readSettings,
    writeSettings,
    copyText: (text) => navigator.clipboard.writeText(text),
    download,
    openReader: async (payload, sourceTabId) => openReaderTab(await stashForReader(payload), sourceTabId),
  };
}
