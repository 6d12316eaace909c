/**
 * Caps how deep the page's elements nest before Readability scores them. Readability's cost grows with
 * the square of the nesting (every table re-reads its whole subtree): tables nested 200 deep took 4.2 s
 * on jsdom, and a browser hands it up to 512 levels (Blink's parser cap). Real pages nest far less
 * (THRESHOLDS.maxDepth gives the measurement), so below THRESHOLDS.maxDepth nothing is touched and normal
 * pages come out identical; past it, wrappers are unwrapped in place (their children take their place),
 * which keeps every word and image in document order.
 */
import * as THRESHOLDS from '../text/thresholds';

const MAX_DEPTH = THRESHOLDS.maxDepth;
const CONTENT_LEVELS = THRESHOLDS.contentLevels;

/** Elements that carry content of their own: kept for CONTENT_LEVELS more levels; other elements are unwrapped. */
const CONTENT: ReadonlySet<string> = new Set(
  'P H1 H2 H3 H4 H5 H6 PRE A FIGURE FIGCAPTION PICTURE VIDEO AUDIO BLOCKQUOTE UL OL LI DL DT DD CODE svg math'.split(' '),
);

/** Inline elements: unwrapping them needs no space between their text and their neighbours'. */
const INLINE: ReadonlySet<string> = new Set('SPAN FONT B I EM STRONG U S SMALL BIG SUB SUP MARK ABBR CITE Q TIME LABEL CODE A'.split(' '));

/** Unwraps elements nested deeper than MAX_DEPTH below `root`; returns how many were unwrapped (0 on real pages). */
export function flattenDeepNesting(root: Element): number {
  // One read-only pass finds the elements at MAX_DEPTH that have element children (none on real pages).
  const deep: Element[] = [];
  let el = root.firstElementChild,
    depth = 1;
  while (el) {
    if (depth === MAX_DEPTH) {
      if (el.firstElementChild) deep.push(el);
    } else if (el.firstElementChild) {
      el = el.firstElementChild;
      depth++;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) {
      el = el.parentElement;
      depth--;
    }
    el = el && el !== root ? el.nextElementSibling : null;
  }
  let dissolved = 0;
  for (const d of deep) dissolved += flattenInto(d, MAX_DEPTH + 1);
  return dissolved;
}

/**
 * Replaces `parent`'s children (at `depth`) with a flat list: wrappers are dissolved, content elements kept
 * (and flattened below them in turn, up to CONTENT_LEVELS more levels). The subtree is read once and
 * `parent`'s children replaced once: unwrapping level by level costs jsdom a walk of the whole subtree per
 * level (9 s for tables nested 200 deep).
 */
function flattenInto(parent: Element, depth: number): number {
  const keepContent = depth <= MAX_DEPTH + CONTENT_LEVELS;
  const out: Node[] = [];
  const up: Element[] = [];
  let dissolved = 0;
  const space = () => {
    const last = out[out.length - 1];
    if (!last || !endsInSpace(last)) out.push(parent.ownerDocument.createTextNode(' '));
  };
  let n: Node | null = parent.firstChild;
  while (n) {
    if (n.nodeType === 1 && n.firstChild && !(keepContent && CONTENT.has((n as Element).tagName))) {
      dissolved++;
      // A block's text must not run into its neighbour's ("one</td><td>two" is not "onetwo").
      if (!INLINE.has((n as Element).tagName)) space();
      up.push(n as Element);
      n = n.firstChild;
      continue;
    }
    out.push(n);
    while (!n.nextSibling && up.length) {
      n = up.pop()!;
      if (!INLINE.has((n as Element).tagName)) space();
    }
    n = n.nextSibling;
  }
  if (dissolved) {
    // Through a fragment, not replaceChildren(...out): one argument per node overflows the call stack past
    // about 100,000 (Blink's parser cap makes 400,000 nested <div>s one level of 400,000 siblings).
    const frag = parent.ownerDocument.createDocumentFragment();
    for (const c of out) frag.appendChild(c);
    parent.replaceChildren(frag);
  }
  for (const c of out) if (c.nodeType === 1 && c.firstChild) dissolved += flattenInto(c as Element, depth + 1);
  return dissolved;
}

const endsInSpace = (n: Node | null): boolean => n?.nodeType === 3 && /\s$/.test(n.nodeValue ?? '');
