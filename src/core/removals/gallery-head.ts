/**
 * A photo story's head line: "原创 · author · 关注 · 1/10" (issue 20), the tiny blocks a gallery template puts
 * over the first picture. By shape and position: among the article's first blocks, a short block with no
 * sentence that holds a picture counter "n/m" as a word of its own, with the tiny blocks before it.
 */
import { countSentences, squeezedLength } from '../text/chars';
import { leafBlocks } from './leaf-blocks';

/** The head is among this many blocks from the top. */
const HEAD_BLOCKS = 3;
/** The line with the counter is at most this long: "原创林杉关注1/10" is 10; margin ×2.4. */
const HEAD_CHARS = 24;
/** A block before it is at most this long (an author name, 原创, 关注). */
const TINY_CHARS = 12;
/** A picture counter as a word of its own: "1/10", "3 / 12" (not a date 2025/10 or a fraction inside a sentence). */
const COUNTER = /(?:^|\s)(\d{1,3})\s*\/\s*(\d{1,3})(?:\s|$)/;

/** The gallery head at root's top (document order), or []. */
export function findGalleryHead(root: Element): Element[] {
  const blocks = leafBlocks(root).slice(0, HEAD_BLOCKS + 1);
  if (blocks.length <= 1) return [];
  for (let i = 0; i < Math.min(HEAD_BLOCKS, blocks.length - 1); i++) {
    const el = blocks[i]!;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const n = squeezedLength(text);
    if (n > HEAD_CHARS || countSentences(text) > 0 || /^h[1-6]$/.test(el.localName)) return [];
    const m = text.match(COUNTER);
    // The counter beside other words (原创, the author, 关注): a counter alone is a slideshow's caption line.
    if (m && +m[1]! >= 1 && +m[1]! <= +m[2]! && +m[2]! >= 2 && squeezedLength(text.replace(COUNTER, ' ')) > 0)
      return blocks.slice(0, i + 1);
    if (n > TINY_CHARS) return [];
  }
  return [];
}
