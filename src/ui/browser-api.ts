/** The real ExtensionPageApi: the platform layer plus the page's own clipboard and downloads. */
import { t, uiLanguage } from '../platform/i18n.ts';
import { readSettings, updateSettings } from '../platform/storage.ts';
import type { ExtensionPageApi } from './api.ts';
import { download } from './download.ts';

/** The ExtensionPageApi backed by the browser, for the page it runs in. */
export function extensionPageApi(): ExtensionPageApi {
  return {
    t,
    lang: uiLanguage(),
    readSettings,
    updateSettings,
    copyText: text => navigator.clipboard.writeText(text),
    download,
  };
}
