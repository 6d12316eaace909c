/** The lines every export starts with: title, source, byline/date, reading time. */
import { primaryLang } from '../reading-time';
import type { Article, ReadingTime } from '../types';

/** "约 12 分钟" / "约 10–14 分钟" in Chinese, "12 min read" / "10–14 min read" otherwise. */
export function formatReadingTime(rt: ReadingTime, uiLang: string | null): string {
  const zh = primaryLang(uiLang) === 'zh';
  const span = rt.min !== rt.max ? `${rt.min}–${rt.max}` : String(rt.minutes);
  return zh ? `约 ${span} 分钟` : `${span} min read`;
}

/** A date as YYYY-MM-DD when it parses, else as given. */
export function formatDate(iso: string | null): string | null {
  if (!iso) return null;
  const m = iso.match(/^(\d{4}-\d{2}-\d{2})/);
  return m ? m[1]! : iso;
}

/** The header fields in the article's own language. */
export function headerLines(a: Article): { title: string; source: string; meta: string[]; reading: string } {
  const zh = primaryLang(a.lang) === 'zh';
  const meta = [a.siteName, a.byline, formatDate(a.publishedTime)].filter((x): x is string => !!x && !!x.trim());
  return {
    title: a.title,
    source: (zh ? '来源：' : 'Source: ') + a.url,
    meta,
    reading: (zh ? '阅读时间：' : 'Reading time: ') + formatReadingTime(a.readingTime, a.lang),
  };
}
