/** Small text formatting for the popup and the reader tab: reading time and the article's date in the UI's language. */
import type { ReadingTime } from '../core/types.ts';
import type { Translate } from './api.ts';

/** "约 12 分钟" / "12 min read", or the range "约 10–14 分钟" when the estimate has one. */
export function readingTimeText(rt: ReadingTime, t: Translate): string {
  const min = Math.max(1, rt.min);
  const max = Math.max(min, rt.max);
  return min === max ? t('readingTime', [Math.max(1, rt.minutes)]) : t('readingTimeRange', [min, max]);
}

/** A published date as the UI's language writes it; the page's own text when it is not a date. */
export function dateText(published: string | null, lang: string): string | null {
  if (!published) return null;
  const d = new Date(published);
  if (Number.isNaN(d.getTime())) return published;
  try {
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}
