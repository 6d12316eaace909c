/**
 * A site's notice at the article's foot: a short heading ending in 公告/声明/須知/Notice/Disclaimer ("反侵权公告：",
 * "郑 重 声 明", "版权声明", "Legal notice") over numbered clauses and contact lines, to the article's end (zh-cwce
 * 3e1af229, 9b1e5dcb; issue 20). Decided by position and shape first: the heading is a leaf block among the last
 * THRESHOLDS.noticeBlocks, narrow (letter-spacing folded), and what it heads runs to the end of the article and is
 * less than half of it; then by its last word. A subheading "声明" mid-article heads article text, and a notice whose
 * whole body is the 公告 (its heading is the title) is the article.
 */
import { countSentences, fold, squeeze, squeezedLength } from '../text/chars';
import { hasText } from '../text/walk';
import * as THRESHOLDS from '../text/thresholds';
import { leafBlocks } from './leaf-blocks';
import { labelWidth } from './label-words';

/** The heading's last word, decorations and a closing colon trimmed. */
const NOTICE_WORD = /(?:公告|声明|聲明|须知|須知|notice|disclaimer)$/u;
/** Decorations around a heading: brackets, colons, dots, stars ("【版权声明】", "反侵权公告：", "— Notice —"). */
const DECOR = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** Whether a block's text is a notice heading: narrow once its spaces (letter-spacing) are folded, ending in a notice word. */
function isNoticeHeading(text: string): boolean {
  const n = squeeze(text.normalize('NFKC').toLowerCase()).replace(DECOR, '');
  return n.length > 0 && labelWidth(n) <= THRESHOLDS.noticeHeadingWidth && NOTICE_WORD.test(n) && countSentences(text) === 0;
}

/** Whether a node shows anything: text or media. */
const shows = (n: Node): boolean =>
  n.nodeType === 3
    ? !!(n.nodeValue ?? '').trim()
    : n.nodeType === 1 && (hasText(n) || !!(n as Element).querySelector('img, picture, video'));

/** The notice section at root's foot as nodes in document order (its heading's outermost box, then everything after it), or null. */
export function findNoticeSection(root: Element): { nodes: Node[]; heading: string } | null {
  const blocks = leafBlocks(root);
  const from = Math.max(1, blocks.length - THRESHOLDS.noticeBlocks);
  for (let i = from; i < blocks.length - 1; i++) {
    const text = fold(blocks[i]!.textContent ?? '');
    if (!isNoticeHeading(text)) continue;
    // The heading's outermost box with nothing shown before it (the table whose first row is the heading).
    let top: Element = blocks[i]!;
    for (;;) {
      const p = top.parentElement;
      if (!p || p === root) break;
      let before = false;
      for (let s = top.previousSibling; s && !before; s = s.previousSibling) before = shows(s);
      if (before) break;
      top = p;
    }
    const nodes: Node[] = [top];
    for (let n: Element | null = top; n && n !== root; n = n.parentElement) for (let s = n.nextSibling; s; s = s.nextSibling) nodes.push(s);
    const chars = nodes.reduce((sum, n) => sum + squeezedLength(n.textContent ?? ''), 0);
    // Half the article or more is the article itself (a notice whose body is the 公告).
    if (chars > squeezedLength(root.textContent ?? '') * THRESHOLDS.moduleMaxShare) return null;
    return { nodes, heading: text };
  }
  return null;
}
