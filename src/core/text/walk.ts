/**
 * THE walk every text measure is built on, and the measures that are nothing but a walk: how much text, whether
 * any, the text a reader sees, the text nodes. Each stops as soon as its answer is known, so a bounded measure
 * costs what it reads (test/core/walk.test.ts counts the steps).
 */
import { isSpaceCode, squeezedLength } from './chars';

/**
 * Tags whose text a reader never sees, skipped by every walk that counts, previews or exports text (`noscript`
 * too: a lazy image's `<noscript><img></noscript>` is markup, not text).
 */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** Whether an element's content is never shown (see SKIPPED_TAGS). */
export const isSkipped = (el: Element): boolean => SKIPPED_TAGS.has(el.localName);

/** Text length without whitespace (script and style included: for quick size checks on clean nodes). */
export function textChars(node: Node): number {
  return squeezedLength(node.textContent ?? '');
}

/** A walk visitor's answer that leaves the node's children unread (the walk goes on after them). */
export const SKIP = 1;
/** A walk visitor's answer that ends the walk at once (a bound was passed, or the answer is known). */
export const STOP = 2;

/**
 * THE walk every text measure is built on: `root` and its descendants in document order, by pointers
 * (firstChild, nextSibling, parentNode) and never above `root`, so it costs one step per node it reads and
 * nothing for the nodes after a STOP. (A stack that takes all of an element's children before it reads the
 * first makes a bounded measure cost O(children): the label scan asks one of the parent of each of 10,000
 * sibling <span>s, N² in all; test/core/walk.test.ts counts the steps.) One node policy: text and CDATA
 * nodes are the text (textContent joins both); elements, documents and fragments have children; `visible`
 * leaves the children of SKIPPED_TAGS unread (what a reader sees), else they are read as textContent reads
 * them. `visit` sees every node, a skipped element too; `leave` sees each element, document and fragment
 * after its children (read or not). Returns false when a visitor stopped it. No recursion: pages nest deeply.
 */
export function walk(root: Node, visible: boolean, visit: (n: Node) => number | void, leave?: (n: Node) => void): boolean {
  let n: Node = root;
  for (;;) {
    const step = visit(n);
    if (step === STOP) return false;
    const t = n.nodeType;
    const container = t === 1 || t === 9 || t === 11;
    const first = container && step !== SKIP && !(visible && t === 1 && isSkipped(n as Element)) ? n.firstChild : null;
    if (first) {
      n = first;
      continue;
    }
    if (container && leave) leave(n);
    // No children to read: on to the next sibling, leaving each parent whose last child this was.
    for (;;) {
      if (n === root) return true;
      const next: Node | null = n.nextSibling;
      if (next) {
        n = next;
        break;
      }
      n = n.parentNode!; // below root, a node always has a parent
      if (leave) leave(n);
    }
  }
}

/** Whether a node is text as the walk reads it (a text or CDATA node). */
export const isText = (n: Node): boolean => n.nodeType === 3 || n.nodeType === 4;

/**
 * textChars(el) when that is at most `limit`, else a number above `limit`: the walk stops there. For the
 * checks that only compare a size with a bound (a label box's parents, a module's share of the page), where
 * textContent would build a whole page's text (inline scripts too) to answer them.
 */
export function textCharsUpTo(el: Node, limit: number): number {
  let n = 0;
  walk(el, false, x => {
    if (!isText(x)) return;
    n += squeezedLength(x.nodeValue ?? '');
    if (n > limit) return STOP;
  });
  return n;
}

/**
 * Whether textChars(el) > 0, stopping at the first character: the edge walks ask it of every child at each
 * level, and a child may be the whole article (textContent builds all of it).
 */
export function hasText(el: Node): boolean {
  return !walk(el, false, x => {
    if (!isText(x)) return;
    const v = x.nodeValue ?? '';
    for (let i = 0; i < v.length; i++) if (!isSpaceCode(v.charCodeAt(i))) return STOP;
  });
}

/**
 * The text a reader would see: SKIPPED_TAGS left out, a space after each element (a skipped one too).
 * Every removal's preview reads it.
 */
export function visibleText(node: Node): string {
  if (node.nodeType === 1 && isSkipped(node as Element)) return '';
  let out = '';
  walk(
    node,
    true,
    n => {
      if (isText(n)) out += n.nodeValue ?? '';
    },
    n => {
      if (n !== node && n.nodeType === 1) out += ' ';
    },
  );
  return out;
}

/**
 * An element's text, or null as soon as it passes `limit` characters: climbing from a candidate reaches
 * containers as large as the page, whose whole textContent would be built only to be refused. `visible`:
 * skip SKIPPED_TAGS and count characters without whitespace (furniture lines); else every text node and raw
 * length (label boxes, as LabelSet.match measures).
 */
export function textUpTo(el: Element, limit: number, visible = false): string | null {
  let out = '';
  let squeezed = 0; // squeeze(out).length, kept as text is added (squeezing all of `out` at each node was quadratic)
  const read = walk(el, visible, n => {
    if (!isText(n)) return;
    const v = n.nodeValue ?? '';
    out += v;
    if (visible) squeezed += squeezedLength(v);
    if ((visible ? squeezed : out.length) > limit) return STOP;
  });
  return read ? out : null;
}

/**
 * Text nodes under root, in document order; SKIPPED_TAGS left out. An array, not a generator: it runs over
 * every node of the page, and nothing removes nodes while it is read.
 */
export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  walk(root, true, n => {
    if (isText(n)) out.push(n as Text);
  });
  return out;
}
