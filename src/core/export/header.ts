/** The lines every export starts with: title, source, byline/date, reading time. */
import { primaryLang } from '../primary-lang';
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

/**
 * The credit lines taken out of the body (removals/credit-lines.ts), labelled in the article's language: the
 * original title, the first publisher, editors, disclaimer. "来源" names an outlet on Chinese pages (来源：新华社),
 * so the page URL is "原文链接：" / "Original link:" and the publisher "本文来源：" / "Originally from:" beside it.
 */
export function creditLines(a: Pick<Article, 'lang' | 'originalTitle' | 'source' | 'editor' | 'disclaimer'>): string[] {
  const zh = primaryLang(a.lang) === 'zh';
  const out: string[] = [];
  if (a.originalTitle) out.push((zh ? '原标题：' : 'Original title: ') + a.originalTitle);
  if (a.source) out.push((zh ? '本文来源：' : 'Originally from: ') + a.source);
  if (a.editor) out.push(a.editor); // already labelled as written ("责任编辑：…", "Edited by …")
  if (a.disclaimer) out.push(a.disclaimer);
  return out;
}

/** The header fields in the article's own language. */
export function headerLines(a: Article): { title: string; source: string; meta: string[]; credits: string[]; reading: string } {
  const zh = primaryLang(a.lang) === 'zh';
  const meta = [a.siteName, a.byline, formatDate(a.publishedTime)].filter((x): x is string => !!x && !!x.trim());
  return {
    title: a.title,
    source: (zh ? '原文链接：' : 'Original link: ') + a.url,
    meta,
    credits: creditLines(a),
    reading: (zh ? '阅读时间：' : 'Reading time: ') + formatReadingTime(a.readingTime, a.lang),
  };
}
