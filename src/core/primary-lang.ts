/**
 * The primary language subtag of a language tag. Its own module: the export headers need it before the
 * popup's first paint, and importing it from reading-time.ts put the whole reading-time module in the popup's
 * first-paint chunks (build.mjs's firstPaintSizes).
 */

/** The primary language subtag ("zh-CN" → "zh"), or null. */
export function primaryLang(lang: string | null | undefined): string | null {
  const m = (lang ?? '')
    .trim()
    .toLowerCase()
    .match(/^([a-z]{2,3})(?:[-_]|$)/);
  return m ? m[1]! : null;
}
