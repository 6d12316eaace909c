/**
 * The characters the heuristics read: what whitespace is and what ends a sentence. Every length the core
 * compares counts characters without whitespace (squeeze), so Chinese and English texts compare. DESIGN.md:
 * Chinese prose signals are 。！？，；, not only ASCII punctuation. Nothing outside src/core/text/ writes these
 * classes again (test/core/text-vocabulary.test.ts).
 */

/**
 * Whitespace of every kind a page uses: ASCII, the no-break space and the ideographic space (JavaScript's \s
 * holds both; they are written out because a reader of Chinese pages looks for them).
 */
export const WHITESPACE = /[\s\u00a0\u3000]+/g;

/** Text without whitespace: every length below counts characters this way. */
export const squeeze = (s: string): string => s.replace(WHITESPACE, '');

/** Text as one line reads it: each run of whitespace one space, none at either end. */
export const fold = (s: string): string => s.replace(WHITESPACE, ' ').trim();

/** Whether a UTF-16 code unit is whitespace as WHITESPACE sees it (JavaScript's \s, which holds U+00A0 and U+3000). */
export function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 0xa0) return false; // printable ASCII: nearly every character of a page
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** squeeze(s).length without building the squeezed string: the walks only count, on every text node. */
export function squeezedLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) n++;
  return n;
}

/** Marks that end a sentence: the full stop, exclamation and question marks of Chinese and Japanese, Latin ! and ?. */
export const STOP_MARKS = '。！？!?';
/** Marks that end a clause: ；and ; end a sentence in running text, not in a list of names. */
const CLAUSES = '；;';
/**
 * A Latin full stop after two lower-case letters, followed by space or the end ("…the end. Next"), so "U.S. "
 * and "3. " (abbreviations, list numbers) are not sentences. The look-behind follows the "." it guards:
 * written before it, it ran at every position of every text (4× slower).
 */
const LATIN_STOP = String.raw`\.(?<=\p{Ll}\p{Ll}\.)(?=\s|$)`;

/** A sentence ending: STOP_MARKS, CLAUSES or LATIN_STOP. Global: for counting (reset lastIndex, or use countSentences). */
export const SENTENCE_END = new RegExp(`[${STOP_MARKS}${CLAUSES}]|${LATIN_STOP}`, 'gu');

/** A sentence ending that is no clause end (hasSentence with `clauses: false`). */
const FULL_STOP = /* @__PURE__ */ new RegExp(`[${STOP_MARKS}]|${LATIN_STOP}`, 'u');

/** A sentence ending at the end of a text, whitespace after it allowed. */
const FINAL_SENTENCE_END = /* @__PURE__ */ new RegExp(`(?:[${STOP_MARKS}${CLAUSES}]|${LATIN_STOP})\\s*$`, 'u');

/** Sentence endings in a text (see SENTENCE_END). */
export function countSentences(text: string): number {
  SENTENCE_END.lastIndex = 0;
  return (text.match(SENTENCE_END) ?? []).length;
}

/**
 * Whether a text holds at least one sentence ending. `clauses: false` counts full stops only: a credit line's
 * "新华社；人民日报" lists names, and the never-worse check's prose blocks (text/shape.ts isProse 'block') are
 * read the same way (with clause ends, 41 of the 14,603 leaf blocks of the snapshot pages' articles read
 * differently: code with ";").
 */
export function hasSentence(text: string, { clauses = true }: { clauses?: boolean } = {}): boolean {
  return clauses ? countSentences(text) > 0 : FULL_STOP.test(text);
}

/** Whether a text ends with a sentence ending: a heading that does is a sentence, not a module's label. */
export function endsWithSentence(text: string): boolean {
  return FINAL_SENTENCE_END.test(text);
}
