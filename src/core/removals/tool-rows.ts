/**
 * A row of page tools or counters at the article's edge: "【纠错】 【打印】 【关闭】", "字体：大 中 小 打印本页 关闭窗口",
 * "阅读 12345 · 点赞 56 · 收藏 12", "阅读 (3256)", "Print | Email | Share" (issue 20's furniture that real
 * templates put inside the article column: government and portal pages print the tools row, 公众号-style pages
 * the counters). By shape and position first: one of the first or last text blocks, short, no sentence, links
 * only to scripts or anchors, and every piece between brackets and separators a tool word or a count, at least
 * two of them; the words only confirm (a heading "阅读" alone, or a sentence that names a tool, stays).
 */
import { countSentences, fold, squeezedLength } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { leafBlocks } from './leaf-blocks';

/** The rows are among the first or last blocks, as credit lines are (removals/credit-lines.ts: 4 and 6). */
const HEAD_BLOCKS = 4;
const TAIL_BLOCKS = 6;
/** Brackets, separators and label colons between the tools: 【】[]（）() | · • / 丨 ： and the space fold() leaves. */
const BETWEEN = /[ 【】[\]（）()<>〈〉《》|｜丨·•・/\\:：,，、;；]+/u;
/**
 * The tools and counters templates print, Simplified, Traditional and English, each a whole piece or several
 * run together ("打印本页关闭窗口", "大中小"); a count is digits with 万/千/k/w/+, or 次/人/条 after it.
 */
const WORDS = [
  '纠错',
  '糾錯',
  '我要纠错',
  '打印',
  '列印',
  '打印本页',
  '打印此页',
  '关闭',
  '關閉',
  '关闭窗口',
  '關閉視窗',
  '关闭本页',
  '收藏',
  '分享',
  '转发',
  '轉發',
  '点赞',
  '點讚',
  '点赞数',
  '赞',
  '讚',
  '踩',
  '评论',
  '評論',
  '阅读',
  '閱讀',
  '阅读量',
  '閱讀量',
  '阅读数',
  '浏览',
  '瀏覽',
  '浏览量',
  '瀏覽量',
  '浏览次数',
  '在看',
  '喜欢',
  '喜歡',
  '举报',
  '檢舉',
  '字体',
  '字體',
  '字号',
  '字級',
  '字型',
  '大',
  '中',
  '小',
  '默认',
  '標準',
  '放大',
  '缩小',
  '縮小',
  '复制链接',
  '複製連結',
  'print',
  'email',
  'e-mail',
  'share',
  'save',
  'like',
  'likes',
  'comment',
  'comments',
  'views',
  'reads',
  'fontsize',
  'textsize',
  'close',
  'tweet',
  'copylink',
  'a+',
  'a-',
];
const ESCAPED = [...WORDS].sort((a, b) => b.length - a.length).map(w => w.replace('+', '\\+'));
const COUNT = '\\d+(?:\\.\\d+)?[万萬千kw+]?[次人条條]?';
const PIECE = new RegExp(`^(?:${ESCAPED.join('|')}|${COUNT})+$`, 'iu');
const ONE = new RegExp(`${ESCAPED.join('|')}|${COUNT}`, 'giu');

/** Whether every link of el goes to a script or an anchor on this page (tools), not to another page. */
const toolLinksOnly = (el: Element): boolean =>
  [...el.querySelectorAll('a[href]')].every(a => /^\s*(?:#|javascript:)/i.test(a.getAttribute('href') ?? ''));

/** Whether a block's text is a tools or counters row. */
export function isToolRow(text: string): boolean {
  const t = fold(text);
  if (!t || squeezedLength(t) > THRESHOLDS.furnitureChars || countSentences(t) > 0) return false;
  const pieces = t.split(BETWEEN).filter(Boolean);
  if (!pieces.length || !pieces.every(p => PIECE.test(p))) return false;
  // Two or more tools or counts, a tool word for each count: "阅读 (3256)", "纠错 打印"; one word alone is a
  // heading or a button label, and counts alone are a date or a slideshow's "1 / 5" (readability corpus yahoo-2).
  let words = 0;
  let counts = 0;
  for (const p of pieces) for (const m of p.match(ONE) ?? []) /^\d/.test(m) ? counts++ : words++;
  return words >= 1 && words + counts >= 2 && counts <= words;
}

/** The tools and counter rows among root's first and last blocks, in document order. */
export function findToolRows(root: Element): Element[] {
  const blocks = leafBlocks(root);
  const edge = blocks.length <= HEAD_BLOCKS + TAIL_BLOCKS ? blocks : [...blocks.slice(0, HEAD_BLOCKS), ...blocks.slice(-TAIL_BLOCKS)];
  return edge.filter(el => !/^h[1-6]$/.test(el.localName) && toolLinksOnly(el) && isToolRow(el.textContent ?? ''));
}
