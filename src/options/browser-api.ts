/** The real OptionsApi: the platform layer plus this page's DOM for selector checks and downloads. */
import { selectorCheck } from '../core/rules/parse.ts';
import { t, uiLanguage } from '../platform/i18n.ts';
import { readSettings, updateSettings } from '../platform/storage.ts';
import { download } from '../popup/download.ts';
import type { OptionsApi } from './api.ts';

/** The OptionsApi backed by the browser. */
export function browserApi(): OptionsApi {
  return { t, lang: uiLanguage(), readSettings, updateSettings, checkSelector: selectorCheck(document), download };
}
