/**
 * The headline repeated as the article's first line. Readability drops a heading that repeats the title, but it
 * compares words split on \W+, which finds no word in Han text ("颱風過後的果園 農民搶收…" splits into nothing),
 * and it never looks at a paragraph: zh-cwce's portal pages open their body with the title (d02c66a2, d7605742,
 * the yahoo pages). Only the first blocks are looked at (a menu or a date line may sit above it), and only a
 * block that is the whole title: a part of it is left (5acac71b's truth drops the title's second half from the
 * body, the Readability corpus's youth keeps it).
 */
import type { Removal } from '../types';
import { textBlocks } from '../removals/credit-lines';
import { linkShare, measure } from '../text/shape';
import * as THRESHOLDS from '../text/thresholds';

/** Blocks from the top that may repeat the title (a heading, then the same line as a paragraph). */
const HEAD_BLOCKS = 3;

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether Readability's own duplicate-title test cannot read a title: most of its letters are Han or kana, which
 * \W+ splits away. Elsewhere Readability decides (its test pages keep a <p> that repeats a Latin title).
 */
export function unreadableByReadability(title: string): boolean {
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  const cjk = title.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  return letters > 0 && cjk * 2 >= letters;
}

/** Removes the first blocks of `root` that repeat one of `titles`; returns the removals under `ruleId`. */
export function takeTitleLines(root: Element, titles: readonly string[], ruleId: string): Removal[] {
  const keys = [
    ...new Set(
      titles
        .filter(unreadableByReadability)
        .map(squash)
        .filter(k => k.length >= 2),
    ),
  ];
  if (!keys.length) return [];
  const removed: Removal[] = [];
  const all = textBlocks(root);
  if (all.length < 2) return [];
  // Menus and link lines above the title (zh-cwce d02c66a2: three one-link lines, then the title) do not count
  // towards the first HEAD_BLOCKS: only blocks of text do.
  const blocks: Element[] = [];
  let textual = 0;
  for (const el of all) {
    if (textual >= HEAD_BLOCKS) break;
    blocks.push(el);
    if (linkShare(measure([el])) < THRESHOLDS.linkHeavy) textual++;
  }
  for (const el of blocks) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const k = squash(text);
    const repeats = k.length >= 2 && keys.includes(k);
    if (!repeats) continue; // a menu or a breadcrumb may come first: the edge menus are read after this
    let gone: Element = el;
    while (gone.parentElement && gone.parentElement !== root && squash(gone.parentElement.textContent ?? '') === k)
      gone = gone.parentElement;
    gone.remove();
    removed.push({
      ruleId,
      reason: "the title, repeated at the body's top",
      preview: text.length > 80 ? text.slice(0, 79) + '…' : text,
      chars: text.replace(/\s/g, '').length,
    });
  }
  return removed;
}
