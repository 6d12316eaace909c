/**
 * What one utterance may hold. Chrome stops a Google voice after about 14 s without firing `end` (Chromium
 * issues 40747712 and 679437, collected in HadrienGardeur/read-aloud-best-practices#3; phetsims/scenery#1243
 * settled on a limit per utterance), so a long sentence is spoken in pieces cut at its clauses, each well under
 * that; the highlight stays on the whole sentence.
 */
import { squeezedLength } from '../../core/text/chars';

const HAN = /\p{Script=Han}/gu;
/** Mandarin engines read about 4–5 characters a second at rate 1 (IReST's 255 read aloud per minute is 4.25). */
const HAN_PER_SECOND = 4.5;
/** English engines read about 170 words a minute at rate 1: some 14 characters a second. */
const OTHER_PER_SECOND = 14;
/** An utterance is cut to last at most this long at rate 1: 10 s, under Chrome's ~14 s cutoff with room for slow voices. */
export const UTTERANCE_SECONDS = 10;

/** How long a text takes to speak at `rate`, in ms (an estimate for the watchdog and the cuts). */
export function speakingMs(text: string, rate = 1): number {
  const han = (text.match(HAN) ?? []).length;
  const other = Math.max(0, squeezedLength(text) - han);
  return ((han / HAN_PER_SECOND + other / OTHER_PER_SECOND) * 1000) / rate;
}

/** Clause boundaries a sentence may be cut at: Chinese and Latin commas, colons, dashes. */
const CLAUSE = /[^，、,：:—]+[，、,：:—]*/gu;

/** A sentence in pieces of at most UTTERANCE_SECONDS each (at rate 1), cut at clauses, else at spaces, else anywhere. */
export function utterancePieces(sentence: string): string[] {
  const limit = UTTERANCE_SECONDS * 1000;
  if (speakingMs(sentence) <= limit) return [sentence];
  const clauses = sentence.match(CLAUSE) ?? [sentence];
  const out: string[] = [];
  let cur = '';
  const push = (piece: string) => {
    if (cur && speakingMs(cur + piece) > limit) {
      out.push(cur);
      cur = '';
    }
    cur += piece;
  };
  for (const clause of clauses) {
    if (speakingMs(clause) <= limit) {
      push(clause);
      continue;
    }
    for (const word of clause.split(/(?<= )/)) {
      if (speakingMs(word) <= limit) {
        push(word);
        continue;
      }
      const chars = Array.from(word);
      const step = Math.max(1, Math.floor(chars.length / Math.ceil(speakingMs(word) / limit)));
      for (let i = 0; i < chars.length; i += step) push(chars.slice(i, i + step).join(''));
    }
  }
  if (cur) out.push(cur);
  return out.map(p => p.trim()).filter(Boolean);
}
