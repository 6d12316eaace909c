/**
 * The date, source, author and account a page prints rather than declares, parsed from what the page half read
 * (meta/printed-text.ts): the line under the headline ("2019年11月25日 16:04:30　来源：江城晚报　作者：沈一舟"), a
 * date meta tag Readability does not read (publishdate, pubdate), and a WeChat article's account name and time
 * (og:site_name is the platform, 微信公众平台). zh-cwce: 15 of its 20 modern pages print a date that no meta tag
 * Readability reads holds, and 9 print a 来源 beside it.
 */
import type { PrintedFacts, PrintedText } from '../types';
import { hasSentence } from '../text/chars';
import { GENERIC_SOURCE } from '../removals/credit-line';

export type { PrintedFacts };

/** A printed date and time: 2019年11月25日 16:04:30, 2022-02-13 04:22, 2022.01.20 16:31, 2021-1-29 13:18. */
const DATE = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?/u;
/**
 * "来源：江城晚报", "來源｜X", "稿源:X": the outlet is the name up to the next space, separator or bracket. A picture's
 * credit ("（图片来源：Unsplash）", seed pages) is no source of the article.
 */
const SOURCE = /(?<![图圖片照像视視频頻（(【[])(?:来源|來源|稿源|出处|出處)\s*[:：|｜丨]\s*([^\s|｜丨，,。()（）【】[\]]{2,20})/u;
/**
 * "作者：沈一舟", "撰文｜沈一舟", "记者：张三": a label and its separator ("联系作者 聚合 登录" in a blog's menu is none; zh-cwce
 * b828b656); a second name is no label of the next field ("作者:孙仲旻 分享：" is one name; d96c76b7) and, being
 * 2–4 characters, no link beside the name ("郭励弘 我来说两句" is one name; ebe9df29).
 */
const AUTHOR =
  /(?:作者|撰文|记者|記者)\s*[:：|｜丨]\s*([\p{Script=Han}·]{2,5}(?:(?:\s*[、，,]\s*|\s+)[\p{Script=Han}·]{2,4}(?![\p{Script=Han}·]|\s*[:：])){0,3})(?![\p{Script=Han}])/u;
/** WeChat's own name, which its pages give as og:site_name. */
const WECHAT = '微信公众平台';

/** A date match as YYYY-MM-DDTHH:MM[:SS] in the page's own clock (no zone is printed), or YYYY-MM-DD. */
function isoDate(m: RegExpMatchArray): string {
  const p2 = (x: string) => x.padStart(2, '0');
  const day = `${m[1]}-${p2(m[2]!)}-${p2(m[3]!)}`;
  return m[4] ? `${day}T${p2(m[4])}:${m[5]}${m[6] ? `:${m[6]}` : ''}` : day;
}

/** A page-half string, bounded (the page's process wrote it). */
const str = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');

/** Date meta tags Readability 0.6 does not read (it reads article:published_time, parsely-pub-date, JSON-LD). */
const DATE_META =
  /^(?:publish_?date|pubdate|publication_date|publishtime|datepublished|og:release_date|dc\.date(?:\.issued)?|weibo:article:create_at) (.+)$/im;
/** A text of this length with a sentence end is the article: the date line is above it. */
const PROSE_CHARS = 60;

/** What the page prints about its date, source, author and account (null where it prints nothing). */
export function printedFacts(text: Partial<PrintedText> | undefined, siteName: string | null): PrintedFacts {
  const lines = str(text?.near, 2000).split('\n');
  const prose = lines.findIndex(l => l.length >= PROSE_CHARS && hasSentence(l, { clauses: false }));
  const near = (prose < 0 ? lines : lines.slice(0, prose)).filter(Boolean).join(' ');
  const meta = str(text?.metas, 5000).match(DATE_META)?.[1]?.trim() ?? '';
  const wechat = siteName?.trim() === WECHAT;
  // An ISO time is kept as written, its offset with it (the publisher's clock); other forms are read by DATE.
  // WeChat prints its time (#publish_time) in the line under the headline, before any meta tag's.
  const d = (wechat && near.match(DATE)) || null;
  const m = meta.match(DATE);
  const n = near.match(DATE);
  const src = near.match(SOURCE)?.[1] ?? null;
  return {
    date: d ? isoDate(d) : m ? (/^\d{4}-\d{2}-\d{2}T\d/.test(meta) ? meta.slice(0, 40) : isoDate(m)) : n ? isoDate(n) : null,
    source: src && !GENERIC_SOURCE.test(src) ? src : null,
    author: near.match(AUTHOR)?.[1]?.trim() ?? null,
    account: (wechat && str(text?.account, 80)) || null,
  };
}
