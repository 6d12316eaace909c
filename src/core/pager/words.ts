/**
 * The words pagers are written in: a link to the next or previous *page* of this article, and the links that
 * look alike but lead elsewhere (the next *article*, a comment thread). Matched against a link's text with
 * whitespace squeezed out and lower-cased, so "下一页 >", "Next page »" and "[下一頁]" all read alike.
 */

/** Arrows and brackets a pager puts around its words: "下一页>>", "« Previous", "[2]". */
const DECOR = /^[[\]【】()（）<>《》«»‹›←→⇐⇒⟨⟩·|:：.…-]+|[[\]【】()（）<>《》«»‹›←→⇐⇒⟨⟩·|:：.…-]+$/gu;

/** A link's text as the tests below read it: squeezed, lower-cased, decorations at both ends cut. */
export function linkWords(squeezed: string): string {
  return squeezed.toLowerCase().replace(DECOR, '');
}

/** "下一页", "下頁", "后页", "next page": the next page of this text, said outright (any URL form will do). */
const NEXT_PAGE = /^(?:下一?[页頁]|[后後]一?[页頁]|nextpage)$/;
/** "next", "older", "continue": the next page only when the URL says so too (it is often the next post). */
const NEXT_WEAK = /^(?:next|nextpart|older|olderposts|olderentries)$/;
/** "上一页", "前页", "previous page", "prev": the page before. */
const PREV_PAGE = /^(?:上一?[页頁]|前一?[页頁]|prev(?:ious)?(?:page)?|newer)$/;
/** The link is only an arrow ("»", "›", ">>"): next or previous by direction, confirmed by the URL. */
const NEXT_ARROW = /^(?:»|›|>>?|→|⇒|＞+)$/u;
const PREV_ARROW = /^(?:«|‹|<<?|←|⇐|＜+)$/u;
/**
 * The next or previous *article*: "下一篇", "上一篇", "下一条", "下篇", "next article", "previous story", "read next".
 * A link reading so is never a page of this article, whatever its URL looks like.
 */
const OTHER_ARTICLE =
  /(?:[上下前后後]一?[篇条條则則章]|nextarticle|previousarticle|prevarticle|nextstory|previousstory|prevstory|nextpost|previouspost|prevpost|readnext|upnext|nextnews|previousnews)/;
/** "第2页", "第 3 頁", "page 2", "p. 2", "2": a page number. */
const PAGE_NUMBER = /^(?:第(\d{1,3})[页頁]|(?:page|p\.?)(\d{1,3})|(\d{1,3}))$/;

/** What a link's words say it leads to; `sure`: the words alone name a page of this text (下一页, "Next page"). */
export type LinkRole =
  | { role: 'next'; sure: boolean }
  | { role: 'prev' }
  | { role: 'number'; n: number }
  | { role: 'other-article' }
  | { role: 'none' };

/** The role of a link from its squeezed text (arrows count only when that is all the link says). */
export function linkRole(squeezed: string): LinkRole {
  const raw = squeezed.toLowerCase();
  if (OTHER_ARTICLE.test(raw)) return { role: 'other-article' };
  if (NEXT_ARROW.test(raw)) return { role: 'next', sure: false };
  if (PREV_ARROW.test(raw)) return { role: 'prev' };
  const w = linkWords(squeezed);
  if (NEXT_PAGE.test(w)) return { role: 'next', sure: true };
  if (NEXT_WEAK.test(w)) return { role: 'next', sure: false };
  if (PREV_PAGE.test(w)) return { role: 'prev' };
  const m = w.match(PAGE_NUMBER);
  if (m) return { role: 'number', n: Number(m[1] ?? m[2] ?? m[3]) };
  return { role: 'none' };
}

/**
 * Names of a comment section in ids, classes and URLs: a comment thread's pager ("评论 1 2 3 下一页", `?cp=2`,
 * `#comments`) pages the comments, not the article.
 */
export const COMMENT_NAME = /comment|reply|replies|discuss|disqus|cmt|评论|評論|留言|跟帖|回复|回覆/i;

/** Query keys of a comment thread's page ("?cp=2", "?comment_page=2", "?cpage=2"). */
export const COMMENT_QUERY = /^(?:cp|cpage|comment[-_]?page|commentpage|replypage|rp)$/i;
