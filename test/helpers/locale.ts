/** UI strings as the extension shows them, looked up in src/_locales/<locale>/messages.json (no literal UI text in tests). */
import fs from 'node:fs';
import path from 'node:path';

/** A _locales folder name. */
export type Locale = 'zh_CN' | 'en';

const LOCALES = path.resolve(import.meta.dirname, '../../src/_locales');
const cache = new Map<string, Record<string, { message: string }>>();

/** All messages of a locale. */
export function messages(locale: Locale): Record<string, { message: string }> {
  let m = cache.get(locale);
  if (!m) cache.set(locale, (m = JSON.parse(fs.readFileSync(path.join(LOCALES, locale, 'messages.json'), 'utf8'))));
  return m!;
}

/** The UI string `key` in `locale`, with $1, $2… filled in (as chrome.i18n.getMessage does with substitutions). */
export function msg(locale: Locale, key: string, ...subs: (string | number)[]): string {
  const m = messages(locale)[key];
  if (!m) throw new Error(`no message ${key} in ${locale}`);
  return subs.reduce<string>((s, v, i) => s.replace(`$${i + 1}`, String(v)), m.message);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A whole-string pattern for any of `keys` whose $1… are numbers (e.g. readingTime "约 $1 分钟" → /^(?:约 \d+ 分钟)$/). */
export function msgPattern(locale: Locale, ...keys: string[]): RegExp {
  const alts = keys.map(k => escapeRegExp(msg(locale, k)).replace(/\\\$\d/g, '\\d+'));
  return new RegExp(`^(?:${alts.join('|')})$`);
}

/** The Chromium --lang / BCP 47 tag for a locale. */
export const langTag = (locale: Locale): string => (locale === 'zh_CN' ? 'zh-CN' : 'en-US');

const HAN = /\p{Script=Han}/u;

/**
 * What a control label mixes, or null: in en any Chinese; in zh_CN a Latin word beside Chinese (web addresses
 * and host names, file extensions and the one format name "Markdown" are the same in every language). Words
 * in “quotes” are an article's or the person's own (“Delete “<article title>” from the reading history”).
 */
export function mixedLanguage(label: string, locale: Locale): string | null {
  const ours = label.replace(/“[^”]*”/g, ' ');
  if (locale === 'en') return HAN.test(ours) ? label : null;
  const rest = ours
    .replace(/\S+\.\S+/g, ' ')
    .replace(/\.(txt|md|html)\b/g, ' ')
    .replace(/\bMarkdown\b/g, ' ');
  return HAN.test(rest) && /[A-Za-z]{2,}/.test(rest) ? label : null;
}
