/**
 * The script choices of the view (issue 19): 原文 (as the page wrote it), 简体 (cn), 繁體 (tw), 繁體 with Taiwan
 * phrasing (twp: 软件 → 軟體, 鼠标 → 滑鼠) and 繁體 with Hong Kong forms (hk); opencc-js's locale names. Which
 * conversion each choice needs depends on what the article is written in (plan()).
 */

/** A choice of the script control (`data-testid="script-convert"`). */
export type ScriptTarget = 'original' | 'cn' | 'tw' | 'twp' | 'hk';

/** The choices in the control's order. */
export const SCRIPT_TARGETS: readonly ScriptTarget[] = ['original', 'cn', 'tw', 'twp', 'hk'];

/** Whether a stored value is one of the choices (settings repair anything else to 'original'). */
export const isScriptTarget = (v: unknown): v is ScriptTarget => SCRIPT_TARGETS.includes(v as ScriptTarget);

/** The region a language tag names for Traditional Chinese: Taiwan, Hong Kong (and Macau), or neither. */
export function regionOf(lang: string | null | undefined): 'tw' | 'hk' | null {
  const l = (lang ?? '').toLowerCase().replace(/_/g, '-');
  if (/^zh(?:-hant)?-(?:hk|mo)\b/.test(l)) return 'hk';
  if (/^zh(?:-hant)?-tw\b/.test(l)) return 'tw';
  return null;
}

/** The language tag of the converted text, for the view's `lang` (fonts pick glyph forms by it; voices too). */
export function targetLang(target: ScriptTarget, original: string | null): string | null {
  if (target === 'cn') return 'zh-CN';
  if (target === 'tw' || target === 'twp') return 'zh-TW';
  if (target === 'hk') return 'zh-HK';
  return original;
}

/** What the article is written in: Simplified or Traditional characters (conversion.ts measures it). */
export type SourceScript = 'hans' | 'hant';

/**
 * The conversion from an article in `source` (Traditional of `region`) to `target`, as opencc-js locales:
 * `null` when there is nothing to convert (原文, or already in that script and region).
 */
export type Plan =
  | { table: 'from-simplified'; to: 'tw' | 'twp' | 'hk' }
  | { table: 'from-traditional'; from: 'tw' | 'twp' | 'hk'; to: 'cn' }
  | { table: 'between-traditional'; from: 'tw' | 'hk' | 't'; to: 'tw' | 'twp' | 'hk' }
  | null;

/** The plan for one choice (see Plan). Taiwan phrasing is undone on the way to 简体 (軟體 → 软件) unless the text is Hong Kong's. */
export function plan(target: ScriptTarget, source: SourceScript, region: 'tw' | 'hk' | null): Plan {
  if (target === 'original') return null;
  if (source === 'hans') return target === 'cn' ? null : { table: 'from-simplified', to: target };
  if (target === 'cn') return { table: 'from-traditional', from: region === 'hk' ? 'hk' : 'twp', to: 'cn' };
  if (target === region) return null;
  return { table: 'between-traditional', from: region ?? 't', to: target };
}
