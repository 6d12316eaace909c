/** Small text formatting for the popup and the reader tab: reading time and the article's date in the UI's language. */
import type { ReadingTime } from '../core/types.ts';
import type { Translate } from './api.ts';

/** "约 12 分钟" / "12 min read", or the range "约 10–14 分钟" when the estimate has one. */
export function readingTimeText(rt: ReadingTime, t: Translate): string {
  const min = Math.max(1, rt.min);
  const max = Math.max(min, rt.max);
  return min === max ? t('readingTime', [Math.max(1, rt.minutes)]) : t('readingTimeRange', [min, max]);
}

/**
 * A published date as the UI's language writes it, on the day the publisher printed: a value that starts
 * YYYY-MM-DD is that day whatever its time or offset (a 04:22 Beijing story is not the day before in
 * California), as the exports' formatDate prints it; other parseable dates as parsed; else the page's text.
 */
export function dateText(published: string | null, lang: string): string | null {
  if (!published) return null;
  const day = published.match(/^(\d{4})-(\d{2})-(\d{2})/);
  const d = day ? new Date(Date.UTC(+day[1]!, +day[2]! - 1, +day[3]!)) : new Date(published);
  if (Number.isNaN(d.getTime())) return published;
  try {
    return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: day ? 'UTC' : undefined }).format(d);
  } catch {
    return d.toISOString().slice(0, 10);
  }
}
