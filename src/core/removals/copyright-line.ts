/**
 * A site's copyright line as the article's last block: "Copyright © 2000-2006 X. All rights reserved.", "版权所有 ©
 * 2003-2026 江城在线" (zh-cwce 0df12126; issue 20). The furniture phrases cannot hold it (the line says more than a
 * phrase: furniture.ts refuses a sentence longer than its phrase). By position and shape first: the last block,
 * short, no sentence mark of STOP_MARKS; then a copyright mark with a year after it, or 版权所有 / "All rights
 * reserved" with a year anywhere, so "Copyright law changed in 1998…" and "这套书的版权所有者在2003年…" stay.
 */
import { fold, STOP_MARKS, squeezedLength } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { leafBlocks, mediaOnly } from './leaf-blocks';

/** A mark with its year: "© 2006", "Copyright © 2000-2006", "(c) 2019", "Copyright 2024". */
const MARK_YEAR = /(?:©|ⓒ|\(c\)|copyright)\s*(?:©\s*)?(?:19|20)\d\d/iu;
/** The reserved-rights words, with a year anywhere in the line. */
const RESERVED = /版权所有|版權所有|保留所有权利|保留所有權利|all rights reserved/iu;
const YEAR = /(?:^|\D)(?:19|20)\d\d(?:\D|$)/u;
/** A full stop, exclamation or question mark of STOP_MARKS: a copyright line has none (its Latin full stops are "X. All rights reserved."). */
const STOP = /* @__PURE__ */ new RegExp(`[${STOP_MARKS}]`, 'u');

/** The copyright line that is root's last block, or null. */
export function findCopyrightLine(root: Element): Element | null {
  const blocks = leafBlocks(root);
  let i = blocks.length - 1;
  while (i >= 0 && mediaOnly(blocks[i]!)) i--;
  const el = blocks[i];
  if (!el || i === 0) return null;
  const text = fold(el.textContent ?? '');
  if (squeezedLength(text) > THRESHOLDS.copyrightChars || STOP.test(text)) return null;
  return MARK_YEAR.test(text) || (RESERVED.test(text) && YEAR.test(text)) ? el : null;
}
