/**
 * A forum post's or blog's furniture at the article's foot (issue 20; zh-cwce's 2000s board and blog pages): the
 * signature under a rule line ("------------------------------", then "我的博客 …", "〓 网易娱乐 … 发布时间 … by … 〓";
 * c2d9f85c, d519ec93) and the trackback address ("Trackback: http://…"; b828b656). By position and shape: a rule
 * line among the last blocks with only short sentence-free blocks under it, or a last block that is a trackback
 * label and an address.
 */
import { hasSentence, squeeze } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { leafBlocks } from './leaf-blocks';

/** A rule drawn with characters: dashes, equals, underscores, box-drawing lines. */
const RULE = new RegExp(`^[-=_─━—–*~]{${THRESHOLDS.signatureRuleChars},}$`, 'u');
/** A trackback or permalink address alone: the label and a URL. */
const TRACKBACK = /^(?:trackback|trackback url|引用通告|引用地址|permalink|固定链接|固定鏈接)\s*[:：]\s*\S+$/iu;
/** A signature line is at most this long: a blog's name and address, a board's post line (the longest seen is ~45). */
const SIGNATURE_LINE = 80;

const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The blocks of the foot's furniture under root, in document order. */
export function findPostFurniture(root: Element): Element[] {
  const blocks = leafBlocks(root);
  const n = blocks.length;
  if (n < 3) return [];
  const out: Element[] = [];
  let end = n;
  const last = blocks[n - 1]!;
  if (TRACKBACK.test(textOf(last))) {
    out.push(last);
    end = n - 1;
  }
  // The rule: the last one with at most signatureBlocks short blocks under it and at least one text block above.
  for (let i = end - 1; i >= Math.max(1, end - 1 - THRESHOLDS.signatureBlocks); i--) {
    if (!RULE.test(squeeze(textOf(blocks[i]!)))) continue;
    const under = blocks.slice(i + 1, end);
    if (under.every(b => textOf(b).length <= SIGNATURE_LINE && !hasSentence(textOf(b), { clauses: false })))
      out.unshift(...blocks.slice(i, end));
    break;
  }
  return out;
}
