/** The article's leaf blocks in document order: the lines a reader sees, for the tests that read the body's edges. */
import { LINE_BLOCK_TAGS } from '../dom/block-tags';
import { hasText, isSkipped } from '../text/walk';

/** The line blocks, and <center> (old templates' article column). */
const BLOCK: ReadonlySet<string> = new Set([...LINE_BLOCK_TAGS, 'center']);
const MEDIA = 'img, picture, video, svg';

/** Whether a block holds only media (a QR code, a banner image) and no text. */
export const mediaOnly = (el: Element): boolean => !hasText(el) && !!el.querySelector(MEDIA);

/**
 * The block elements under root with no block inside them that hold text or media, in document order, in one
 * iterative pass (pages nest thousands deep: test/hostile). A block with a bare text beside a block child is
 * not a leaf; its block children are.
 */
export function leafBlocks(root: Element): Element[] {
  const out: Element[] = [];
  const hasBlock = new Set<Element>();
  const order: Element[] = [];
  const stack: Element[] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  while (stack.length) {
    const el = stack.pop()!;
    if (isSkipped(el)) continue;
    order.push(el);
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    if (!BLOCK.has(el.localName)) continue;
    for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
      if (hasBlock.has(p)) break;
      hasBlock.add(p);
    }
  }
  for (const el of order) if (BLOCK.has(el.localName) && !hasBlock.has(el) && (hasText(el) || el.querySelector(MEDIA))) out.push(el);
  return out;
}
