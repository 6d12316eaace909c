/** The UI's strings and language, from _locales through the browser's i18n API. */
import browser from 'webextension-polyfill';

/** Every key of the default locale's messages.json (the zh_CN file has the same keys; a test checks it). */
export type MessageKey = keyof typeof import('../_locales/en/messages.json');

/** The localized string for `key`, with $1, $2… replaced by `subs`; the key itself if it is missing. */
export function t(key: MessageKey, subs: (string | number)[] = []): string {
  return browser.i18n.getMessage(key, subs.map(String)) || key;
}

/** The browser UI's language ("zh-CN", "en-US"), for dates and the popup's lang attribute. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
