/** Recognising a recommendation *label* ("【大家都在看】", "You may also like »") by its own text. */
import { STOP_MARKS, WHITESPACE } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';

/** Decorations sites wrap labels in: brackets, dashes, arrows, bullets, sentence marks ("猜你喜欢！"), icon-font glyphs, emoji. */
const DECORATION = new RegExp(String.raw`${WHITESPACE.source}|[【】\[\]「」『』〖〗〔〕()（）<>《》〈〉—–\-_=~·•・|｜/\\:：>»›‹«»▶►▸▷→←↓↑★☆●○◆◇■□▲△▼▽♦♥❤︎️#＃*＊.…,，、${STOP_MARKS}'"“”‘’]+|\p{Extended_Pictographic}|\p{Co}`, 'gu');

/** "More" tails that sit in the same box as a label ("相关文章 更多>>", "Trending · See all"). */
const MORE_TAIL = /(查看更多|更多|换一换|换一批|換一換|換一批|查看全部|全部|seeall|viewall|viewmore|more)$/u;

/** "More" links that name where they lead: "更多精彩资讯请点击 网易股票" (cx163 page 12), "查看更多新闻". */
const MORE_HEAD = /^(查看更多|更多)/u;

/** Whether a link's text is only a "more" link ("更多>>", "See all", "更多…请点击 网易股票"), which may sit in a label's box. */
export function isMoreText(text: string): boolean {
  const n = normalizeLabel(text);
  const m = n.match(MORE_TAIL);
  return (!!m && m[0].length === n.length) || (MORE_HEAD.test(n) && n.length <= THRESHOLDS.moreLinkChars);
}

/** A label's comparable form: decorations removed, NFKC, lower case (English labels vary in case). */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(DECORATION, '');
}

/**
 * Characters that normalizeLabel maps one at a time: ASCII, CJK ideographs and punctuation, kana without
 * voicing marks, full-width ASCII, general punctuation. None has a case that depends on its neighbours or
 * composes with a neighbour under NFKC, so a text made only of them normalizes to the concatenation of
 * its characters' forms (test/core/label-filter.test.ts checks every one against normalizeLabel).
 */
export function isPlainChar(c: number): boolean {
  return c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x301f) || (c >= 0x3041 && c <= 0x3096)
    || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2010 && c <= 0x205e)
    || c === 0xa0 || c === 0xb7;
}

/** The CJK Unified Ideographs block: plain characters that are their own form. */
const IDEOGRAPHS_FROM = 0x4e00, IDEOGRAPHS_TO = 0x9fff;

/** normalizeLabel of each plain character, filled as characters are met (a page uses a few hundred). */
const plainForms: (string | undefined)[] = [];

/** A plain character's normalized form ("Ａ" → "a", "【" → ""). */
export function plainForm(c: number): string {
  return plainForms[c] ??= c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO ? String.fromCharCode(c) : normalizeLabel(String.fromCharCode(c)); // ideographs are their own form (tested)
}

/** A set of UTF-16 code units (see PlainFilter). */
export function codeSet(strings: Iterable<string>): Set<number> {
  const set = new Set<number>();
  for (const s of strings) for (let i = 0; i < s.length; i++) set.add(s.charCodeAt(i));
  return set;
}

/** What PlainFilter.scan found: the normalized length, and the two flags below, or one of the two verdicts. */
export const NOT_PLAIN = -1;
/** The text is longer than the limit, or (when asked) has a character outside `within`: it is no label part. */
export const REFUSED = -2;
/** Every character of the normalized text is in `within`. */
export const ALL_WITHIN = 1;
/** Some character of the normalized text is in `anyOf`. */
export const SOME_OF = 2;

/**
 * What normalizeLabel would make of a plain text, read off without building it: most text nodes on a page
 * are prose or whitespace, and callers refuse them by this before the NFKC/regex work of normalizeLabel.
 * Each character's verdict is kept in a table (one byte: computed, within, some-of, form length).
 */
export class PlainFilter {
  private readonly table = new Uint8Array(0x10000);
  constructor(private readonly within: ReadonlySet<number>, private readonly anyOf: ReadonlySet<number>) {
    // CJK ideographs are their own one-character form (plainForm): their verdicts are filled in at once rather
    // than one by one as a page's text meets them (a Chinese page meets hundreds; that was most of a cold click's
    // label scan). The same verdicts verdict() would compute: test/core/label-filter.test.ts.
    this.table.fill(0x80 | 1, IDEOGRAPHS_FROM, IDEOGRAPHS_TO + 1);
    for (const c of within) if (c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO) this.table[c]! |= 0x20;
    for (const c of anyOf) if (c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO) this.table[c]! |= 0x10;
  }

  /** One character's verdict: 0x80 computed, 0x40 not plain, 0x20 within, 0x10 some-of, low 4 bits its form's length. */
  private verdict(c: number): number {
    let v = 0x80;
    const f = isPlainChar(c) ? plainForm(c) : null;
    if (f === null || f.length > 15) v |= 0x40;
    else {
      v |= f.length | 0x20;
      for (let j = 0; j < f.length; j++) {
        if (!this.within.has(f.charCodeAt(j))) v &= ~0x20;
        if (this.anyOf.has(f.charCodeAt(j))) v |= 0x10;
      }
    }
    return (this.table[c] = v);
  }

  /**
   * NOT_PLAIN; REFUSED once the normalized text is longer than `limit` or (`onlyWithin`) holds a character
   * outside `within`; else the normalized length × 4 plus ALL_WITHIN and SOME_OF. The forms of the characters
   * before a plain one are final whatever follows (a plain character is a starter that blocks composition),
   * so the scan may refuse there without reading the rest.
   */
  scan(s: string, limit: number, onlyWithin: boolean): number {
    let length = 0, flags = ALL_WITHIN;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const v = this.table[c] || this.verdict(c);
      if (v & 0x40) return NOT_PLAIN;
      if (length > limit || (onlyWithin && !(flags & ALL_WITHIN))) return REFUSED;
      length += v & 0x0f;
      if (!(v & 0x20)) flags &= ~ALL_WITHIN;
      if (v & 0x10) flags |= SOME_OF;
    }
    return length * 4 + flags;
  }
}

/**
 * Two adjacent UTF-16 code units of `s` at `i`, as one small integer (V8 hashes those fastest). Distinct pairs
 * may share one (the first unit's top two bits are dropped): the index only narrows, the answers come from
 * comparing strings, so a shared number costs a comparison, never a wrong answer.
 */
const pairAt = (s: string, i: number): number => ((s.charCodeAt(i) << 16) ^ s.charCodeAt(i + 1)) & 0x3fffffff;

/**
 * "Is this text part of one of these strings, or does it hold one?", asked for many short page texts made of
 * the strings' characters (English words pass the character filter). A text of two or more code units is part
 * of a string only if each of its adjacent pairs is a pair of that string, and it holds a string only if it
 * holds that string's first pair: most texts are refused on a pair, and the rest compared with the few strings
 * that share their first pair, not with all of them (same answers as the linear scan: test/core/label-filter).
 */
export class PairIndex {
  private readonly pairs = new Set<number>();
  /** Every code unit of the strings: a one-unit text is part of one exactly when it is one of these. */
  private readonly units = new Set<number>();
  /** The strings by each pair they hold. */
  private readonly byPair = new Map<number, string[]>();
  /** The strings by their first pair; `anyShort` when one is a single code unit (no pair to index it by). */
  private readonly byFirst = new Map<number, string[]>();
  private readonly anyShort: boolean;

  constructor(private readonly strings: readonly string[]) {
    const add = (m: Map<number, string[]>, p: number, s: string) => {
      const list = m.get(p);
      if (!list) m.set(p, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    };
    for (const s of strings) {
      for (let i = 0; i < s.length; i++) this.units.add(s.charCodeAt(i));
      for (let i = 0; i + 1 < s.length; i++) { this.pairs.add(pairAt(s, i)); add(this.byPair, pairAt(s, i), s); }
      if (s.length > 1) add(this.byFirst, pairAt(s, 0), s);
    }
    this.anyShort = strings.some(s => s.length < 2);
  }

  /** Whether the non-empty `n` is a substring of one of the strings. */
  isPart(n: string): boolean {
    if (n.length < 2) return this.units.has(n.charCodeAt(0));
    for (let i = 1; i + 1 < n.length; i++) if (!this.pairs.has(pairAt(n, i))) return false;
    return this.byPair.get(pairAt(n, 0))?.some(s => s.includes(n)) ?? false;
  }

  /** Whether `n` holds one of the strings. */
  holdsOne(n: string): boolean {
    if (this.anyShort) return this.strings.some(s => n.includes(s));
    for (let i = 0; i + 1 < n.length; i++) {
      const list = this.byFirst.get(pairAt(n, i));
      if (list?.some(s => n.startsWith(s, i))) return true;
    }
    return false;
  }
}

/** The characters MORE_TAIL's tails are made of (a label part may end in one). */
const MORE_TAIL_CHARS = MORE_TAIL.source.replace(/[()|$]/g, '');

/** MORE_TAIL's alternatives, for tests that rebuild the slow path. */
export const MORE_TAIL_SOURCE = MORE_TAIL.source.slice(1, -2);

/** Which rule a label belongs to, as written in the rule. */
export interface LabelHit {
  label: string;
  ruleId: string;
  /** Set when the label is a word inside a longer heading (./label-words.ts), which must head a link list. */
  word?: boolean;
}

/** A set of normalized labels with a fast "could this text be part of a label" test. */
export class LabelSet {
  private readonly exact = new Map<string, LabelHit>();
  /**
   * The normalized labels, for "is this text part of one" (building every substring of every label instead
   * was 1–10 ms of a cold click).
   */
  private readonly parts: PairIndex;
  readonly maxLength: number;
  /** The characters of every normalized label and "more" tail: a fragment with any other is no part. */
  private readonly filter: PlainFilter;

  constructor(entries: Iterable<LabelHit>) {
    let max = 0;
    for (const e of entries) {
      const n = normalizeLabel(e.label);
      // A label longer than parse's limit (stored user rules never passed through it) is no label.
      if (!n || n.length > THRESHOLDS.labelLength || this.exact.has(n)) continue;
      this.exact.set(n, e);
      max = Math.max(max, n.length);
    }
    this.maxLength = max;
    this.parts = new PairIndex([...this.exact.keys()]);
    this.filter = new PlainFilter(codeSet([...this.exact.keys(), MORE_TAIL_CHARS]), new Set());
  }

  get size(): number { return this.exact.size; }

  /** The label a box's whole text is (optionally with a "more" tail), or null. */
  match(text: string): LabelHit | null {
    if (text.length > THRESHOLDS.labelTextLimit(this.maxLength)) return null;
    let n = normalizeLabel(text);
    if (n.length > this.maxLength + THRESHOLDS.moreTailChars) return null;
    const hit = this.exact.get(n);
    if (hit) return hit;
    const tail = n.match(MORE_TAIL);
    if (tail && tail[0].length < n.length) {
      n = n.slice(0, n.length - tail[0].length);
      return this.exact.get(n) ?? null;
    }
    return null;
  }

  /** Whether a text fragment could be (part of) a label: the cheap filter before climbing the DOM. */
  couldBePart(fragment: string): boolean {
    if (fragment.length > THRESHOLDS.labelTextLimit(this.maxLength)) return false; // paragraphs: by far the most text nodes
    // The test below passes only a non-empty text of label and tail characters.
    const p = this.filter.scan(fragment, this.maxLength + THRESHOLDS.moreTailChars, true);
    if (p === REFUSED || (p !== NOT_PLAIN && (p < 4 || p >> 2 > this.maxLength + THRESHOLDS.moreTailChars || !(p & ALL_WITHIN)))) return false;
    let n = normalizeLabel(fragment);
    if (!n || n.length > this.maxLength + THRESHOLDS.moreTailChars) return false;
    if (this.parts.isPart(n)) return true;
    const tail = n.match(MORE_TAIL);
    if (tail && tail[0].length < n.length) n = n.slice(0, n.length - tail[0].length);
    return this.parts.isPart(n);
  }
}
