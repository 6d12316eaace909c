/** Honest reading time: Han and kana counted by character, other scripts by word (Intl.Segmenter). */
import type { ReadingTime } from './types';
import { primaryLang } from './primary-lang';

/**
 * Silent-reading rates. Sources:
 * - English: Brysbaert (2019), "How many words do we read per minute? A review and meta-analysis of
 *   reading rate", J. Memory and Language 109: silent non-fiction 238 wpm, most adults 175–300 wpm.
 *   Used for every script that is read by words.
 * - Chinese and Japanese: IReST (Trauzettel-Klosinski & Dietz 2012, IOVS 53:5452), read aloud:
 *   Chinese 255 ± 29 characters/min, Japanese 357 ± 56 characters/min, scaled by Brysbaert's
 *   silent/oral ratio for English (238 / 183 ≈ 1.30): Chinese ≈ 330 (292–368), Japanese ≈ 465 (390–540).
 * The range (min–max minutes) is the fast and slow end of each rate.
 */
export const RATES = {
  wordsPerMinute: { mean: 238, fast: 300, slow: 175 },
  zhCharsPerMinute: { mean: 330, fast: 368, slow: 292 },
  jaCharsPerMinute: { mean: 465, fast: 540, slow: 390 },
} as const;

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\s]+/gu; // → one space: pieces split at spaces
const KANA_ALL = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const NOT_CJK = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu;
const NOT_KANA = /[^\p{Script=Hiragana}\p{Script=Katakana}]+/gu;

/** Code points in a string of whole code points (a pair of surrogates is one). */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/** What the text holds, counted once: CJK characters, kana among them, words of other scripts. */
export interface TextCounts {
  cjkChars: number;
  kanaChars: number;
  words: number;
}

/** Counts CJK characters and (via Intl.Segmenter) the words of every other script. */
export function countText(text: string): TextCounts {
  // Counted by what is left once the rest is cut out: a match array holds one string per character (1.5 M on
  // the big Chinese page, test/hostile/pages-gen.ts zhHugePage: 0.6 s and its garbage in the CLI's profile).
  const cjk = text.replace(NOT_CJK, '');
  const cjkChars = codePoints(cjk);
  const kanaChars = codePoints(cjk.replace(NOT_KANA, ''));
  const rest = text.replace(CJK_RUNS, ' '); // one space per CJK run: the segmenter then walks only the other scripts
  return { cjkChars, kanaChars, words: wordsIn(rest) };
}

/**
 * The word-like segments of `rest` (no whitespace but single spaces), each space-separated piece segmented
 * once however often it occurs: no word-break rule joins across a space (UAX #29), so a piece counts the same
 * alone as in its text. Chinese prose leaves a piece of punctuation ("，", "。") between every two Han runs:
 * 400,000 of them on the big page (test/hostile/pages-gen.ts zhHugePage). Short pieces also keep V8's
 * word iterator fast: it slows down sharply on long strings (200,000 characters took minutes here).
 */
function wordsIn(rest: string): number {
  const seen = new Map<string, number>();
  const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
  let words = 0;
  for (let i = 0; i < rest.length; ) {
    let end = rest.indexOf(' ', i);
    if (end < 0) end = rest.length;
    if (end > i) {
      const piece = rest.slice(i, end);
      let n = seen.get(piece);
      if (n === undefined) {
        n = segmentWords(segmenter, piece);
        seen.set(piece, n);
      }
      words += n;
    }
    i = end + 1;
  }
  return words;
}

/** Word-like segments of one piece. */
function segmentWords(segmenter: Intl.Segmenter, piece: string): number {
  let n = 0;
  for (const s of segmenter.segment(piece)) if (s.isWordLike) n++;
  return n;
}

/** Re-exported for the callers that read the language here (pager/merge.ts). */
export { primaryLang } from './primary-lang';

/** The article's language: the declared one (article or <html lang>), else guessed from the script. */
export function detectLang(declared: string | null | undefined, text: string): string | null {
  const p = primaryLang(declared);
  if (p) return p;
  const sample = text.slice(0, 4000);
  const kana = (sample.match(KANA_ALL) ?? []).length;
  const cjk = (sample.match(CJK_ALL) ?? []).length;
  if (kana > 20 || (kana > 0 && kana >= cjk * 0.1)) return 'ja';
  if (cjk > 0 && cjk * 2 >= sample.replace(/\s/g, '').length * 0.5) return 'zh';
  return null;
}

/** Reading time of a text: CJK characters at the Chinese (or, for Japanese, Japanese) rate plus words at the word rate. */
export function readingTime(text: string, lang?: string | null): ReadingTime {
  const c = countText(text);
  const ja = primaryLang(lang) === 'ja' || (c.kanaChars > 0 && c.kanaChars >= c.cjkChars * 0.1);
  const cr = ja ? RATES.jaCharsPerMinute : RATES.zhCharsPerMinute;
  const wr = RATES.wordsPerMinute;
  const at = (chars: number, words: number) => c.cjkChars / chars + c.words / words;
  if (c.cjkChars + c.words === 0) return { minutes: 0, min: 0, max: 0 };
  const minutes = Math.max(1, Math.round(at(cr.mean, wr.mean)));
  const min = Math.max(1, Math.min(minutes, Math.round(at(cr.fast, wr.fast))));
  const max = Math.max(minutes, Math.round(at(cr.slow, wr.slow)));
  return { minutes, min, max };
}

/** Whether a string contains Han or kana (used by tests and the UI). */
export const hasCjk = (s: string): boolean => HAN.test(s) || KANA.test(s);
