/**
 * The article cut into the sentences read aloud (issue 19: sentence by sentence, a Chinese sentence ending at
 * 。 ！ ？ ； or …, never at a space), each mapped back to its place in the DOM for the highlight. The sentence
 * ends are the core's SENTENCE_END (its full stop already refuses "U.S." and "3."), plus two things speech
 * needs and counting does not: an ellipsis ends a sentence, and closing quotes or brackets after the end belong
 * to the sentence they close (“我们明天再来。” / He said "yes."). A sentence never crosses a block (a heading, a
 * paragraph, a list item, a caption is read on its own).
 */
import { isSkipped } from '../../core/text/walk';
import { isSpaceCode, SENTENCE_END, WHITESPACE } from '../../core/text/chars';

/** One place in the article's text: a text node and an offset in it. */
export interface TextPoint {
  node: Text;
  offset: number;
}

/** A sentence of the article: its text (whitespace folded), its block, and where it starts and ends. */
export interface Sentence {
  index: number;
  text: string;
  /** The block element it belongs to (a paragraph, heading, list item…): clicking it starts there. */
  block: Element;
  start: TextPoint;
  end: TextPoint;
}

/** Elements whose text is read as blocks of their own. */
const BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'blockquote',
  'figcaption',
  'caption',
  'td',
  'th',
  'dd',
  'dt',
  'pre',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'main',
  'figure',
  'details',
  'summary',
  'body',
]);

/** Closing quotes and brackets that stay with the sentence they close. */
const CLOSERS = '”’」』）)\\]》〉"\'';
/** The core's sentence ends and an ellipsis, with the closers after them. */
const END = new RegExp(`(?:${SENTENCE_END.source}|[…⋯]+)[${CLOSERS}]*`, 'gu');
/** A full stop right before closers and a space: SENTENCE_END's look-ahead wants the space next to the stop. */
const STOP_BEFORE_CLOSERS = new RegExp(`\\.(?=[${CLOSERS}]+(?:\\s|$))`, 'gu');
const SENTENCE_ONCE = new RegExp(SENTENCE_END.source, 'u');

/** Whether the full stop at `i` ends a sentence by SENTENCE_END's own test (as if a space followed it). */
function stopEnds(text: string, i: number): boolean {
  const from = Math.max(0, i - 2);
  const m = (text.slice(from, i + 1) + ' ').match(SENTENCE_ONCE);
  return !!m && m.index === i - from;
}

/** Where sentences end in `text` (exclusive offsets, ascending). */
export function sentenceEnds(text: string): number[] {
  const ends = new Set<number>();
  for (const m of text.matchAll(END)) ends.add(m.index! + m[0].length);
  for (const m of text.matchAll(STOP_BEFORE_CLOSERS)) {
    if (!stopEnds(text, m.index!)) continue;
    let j = m.index! + 1;
    while (j < text.length && CLOSERS.includes(text[j]!)) j++;
    ends.add(j);
  }
  // "？！" is one ending, not two: an end followed by another ending character is not an end.
  return [...ends].sort((a, b) => a - b).filter(e => !END_START.test(text.slice(e, e + 1) + ' '));
}

/** A sentence-ending character at the start of a string (the core's ends, tested alone, and an ellipsis). */
const END_START = new RegExp(`^(?:${SENTENCE_END.source}|[…⋯])`, 'u');

/** Text runs of one block, in document order: the nodes and where each starts in the run's joined text. */
interface Run {
  block: Element;
  nodes: Text[];
  starts: number[];
  text: string;
}

/** The nearest block ancestor of a node, up to root. */
function blockOf(node: Node, root: Element): Element {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (el === root || BLOCKS.has(el.localName)) return el;
  }
  return root;
}

/** The runs of text under root (skipped tags left out), a new run wherever the block changes. */
function runs(root: Element): Run[] {
  const out: Run[] = [];
  const stack: Node[] = [root];
  let cur: Run | null = null;
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      const block = blockOf(n, root);
      if (!cur || cur.block !== block) out.push((cur = { block, nodes: [], starts: [], text: '' }));
      cur.nodes.push(n as Text);
      cur.starts.push(cur.text.length);
      cur.text += n.nodeValue ?? '';
      continue;
    }
    if (n.nodeType !== 1 || (n !== root && isSkipped(n as Element))) continue;
    if ((n as Element).localName === 'br') {
      cur = null;
      continue;
    } // a line break ends the line's sentence
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** The text point at `offset` of a run (at a node boundary, the end of the earlier node). */
function pointAt(run: Run, offset: number, atEnd: boolean): TextPoint {
  let k = 0;
  while (k + 1 < run.nodes.length && (atEnd ? run.starts[k + 1]! < offset : run.starts[k + 1]! <= offset)) k++;
  return { node: run.nodes[k]!, offset: offset - run.starts[k]! };
}

/** The sentences of the article under root, in reading order. */
export function splitSentences(root: Element): Sentence[] {
  const out: Sentence[] = [];
  for (const run of runs(root)) {
    const t = run.text;
    let from = 0;
    for (const end of [...sentenceEnds(t), t.length]) {
      let a = from,
        b = end;
      from = Math.max(from, end);
      while (a < b && isSpaceCode(t.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(t.charCodeAt(b - 1))) b--;
      if (a >= b) continue;
      const text = t.slice(a, b).replace(WHITESPACE, ' ');
      out.push({ index: out.length, text, block: run.block, start: pointAt(run, a, false), end: pointAt(run, b, true) });
    }
  }
  return out;
}

/** A DOM Range over a sentence (for the highlight), made by the sentence's own document. */
export function sentenceRange(s: Sentence): Range {
  const r = s.start.node.ownerDocument.createRange();
  r.setStart(s.start.node, s.start.offset);
  r.setEnd(s.end.node, s.end.offset);
  return r;
}
