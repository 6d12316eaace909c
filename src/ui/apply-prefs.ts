/** Applies the reading preferences to a document: a theme attribute and CSS variables that typography.css reads. */
import type { ReaderPrefs } from '../settings/index.ts';

/**
 * Font stacks with the system CJK fonts first (macOS, Windows, Linux/Android), so Chinese text never falls to
 * a Latin font's fallback glyphs; Latin faces follow for systems without them.
 */
export const FONT_STACKS = {
  sans: '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, -apple-system, "Segoe UI", sans-serif',
  serif: '"Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", Georgia, "Times New Roman", serif',
} as const;

/** Sets data-theme and the --jy-* variables on `root` (the document element of the popup or the reader tab). */
export function applyPrefs(root: HTMLElement, prefs: ReaderPrefs): void {
  root.dataset.theme = prefs.theme;
  root.style.setProperty('--jy-size', `${prefs.fontSize}px`);
  root.style.setProperty('--jy-leading', String(prefs.lineHeight));
  // In px (width em × text size), so the header, source line and body share one column whatever their own size.
  root.style.setProperty('--jy-width', `${Math.round(prefs.width * prefs.fontSize)}px`);
  root.style.setProperty('--jy-font', FONT_STACKS[prefs.font]);
}
