/**
 * A pager written as text: "第1页/共1页 << 上一页 | 下一页 >>", "上一篇 下一篇", "« Previous | Page 1 of 1 | Next »" with
 * no link in it (a one-page story's pager, whose steps lead nowhere: zh-cwce c268c1b4, 2bac7fb2; issue 20). By
 * position and shape: among the article's first or last THRESHOLDS.pagerEdgeBlocks lines, a short block whose text is
 * nothing but pager steps, page counts, numbers and arrows, with at least one step. A pager of links is an edge
 * menu's (menus.ts); this one may share its row with a credit line, which the edge walk cannot pass.
 */
import * as THRESHOLDS from '../text/thresholds';
import { textCharsUpTo } from '../text/walk';
import { leafBlocks, mediaOnly } from './leaf-blocks';

/** A pager's steps, ends and page counts. */
const PAGER_WORDS =
  /上一[页頁篇章节節]|下一[页頁篇章节節]|首[页頁]|末[页頁]|尾[页頁]|返回目录|返目录|previous|prev|next|第\s*\d+\s*[页頁]\s*[/／]?\s*共\s*\d+\s*[页頁]|page\s*\d+\s*of\s*\d+/giu;
/** A step back or on: a pager has one ("首页" alone is a menu's first item, not a pager). */
const STEP = /上一|下一|previous|prev|next/iu;
/** Between the words: arrows, brackets, bars, page numbers, spaces. */
const GAPS = /[\s<>«»‹›←→[\]【】()（）|｜/·•:：\-—\d]/gu;

/** Whether a block is a pager without links: only pager words, counts, numbers and arrows, and a step among them. */
function isPagerLine(el: Element): boolean {
  if (/^h[1-6]$/.test(el.localName) || el.querySelector('a[href]')) return false;
  if (textCharsUpTo(el, THRESHOLDS.pagerLineChars) > THRESHOLDS.pagerLineChars) return false;
  const text = el.textContent ?? '';
  return STEP.test(text) && text.replace(PAGER_WORDS, '').replace(GAPS, '') === '';
}

/** The pagers without links among root's first and last lines, with the edge each is at. */
export function findPagerLines(root: Element): { el: Element; edge: 'top' | 'bottom' }[] {
  const lines = leafBlocks(root).filter(el => !mediaOnly(el));
  const n = THRESHOLDS.pagerEdgeBlocks;
  const out: { el: Element; edge: 'top' | 'bottom' }[] = [];
  lines.forEach((el, i) => {
    const edge = i < n ? 'top' : i >= lines.length - n ? 'bottom' : null;
    if (edge && lines.length > n && isPagerLine(el)) out.push({ el, edge });
  });
  return out;
}
