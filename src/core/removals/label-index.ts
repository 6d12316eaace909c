/**
 * The label matchers' speed machinery, behind one question: "could this page text be (part of) one of these
 * labels, or hold one?", asked of every short text node of a page before any of them is normalized. Most
 * text nodes are prose or whitespace; an index refuses them by their characters and length alone (a table
 * of each character's verdict), and answers the rest by pairs of adjacent characters instead of comparing
 * with every label. Every answer is the one the plain scan gives (test/core/label-filter.test.ts compares
 * them on every character and on random texts).
 */

/**
 * Whether a UTF-16 code unit is normalized on its own by normalizeLabel (labels.ts): ASCII, CJK ideographs
 * and punctuation, kana without voicing marks, full-width ASCII, general punctuation. None has a case that
 * depends on its neighbours or composes with a neighbour under NFKC, so a text made only of them normalizes to
 * the concatenation of its characters' forms (test/core/label-filter.test.ts checks every one).
 */
export function isPlainChar(c: number): boolean {
  return (
    c < 0x80 ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3000 && c <= 0x301f) ||
    (c >= 0x3041 && c <= 0x3096) ||
    (c >= 0x30a1 && c <= 0x30fa) ||
    c === 0x30fc ||
    (c >= 0xff01 && c <= 0xff5e) ||
    (c >= 0x2010 && c <= 0x205e) ||
    c === 0xa0 ||
    c === 0xb7
  );
}

/** The CJK Unified Ideographs block: plain characters that are their own form. */
const IDEOGRAPHS_FROM = 0x4e00,
  IDEOGRAPHS_TO = 0x9fff;

/**
 * The normalized forms of the plain characters one clean meets, computed as they are met (a page uses a few
 * hundred) and shared by the clean's indexes. `normalize` is labels.ts normalizeLabel.
 */
export class PlainForms {
  private readonly forms: (string | undefined)[] = [];
  constructor(private readonly normalize: (s: string) => string) {}

  /** A plain character's normalized form ("Ａ" → "a", "【" → ""). */
  of(c: number): string {
    return (this.forms[c] ??= c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO ? String.fromCharCode(c) : this.normalize(String.fromCharCode(c))); // ideographs are their own form (tested)
  }
}

/** What an index reads off a raw text before it is normalized (LabelIndex.read). */
export type Reading =
  /**
   * No label part, seen before the end: the normalized text already past the limit, or (an index of parts) a
   * character no label has. A plain reading may still end past the limit: its length says so.
   */
  | { readonly refused: true }
  /** A character whose form depends on its neighbours: only normalizing tells. */
  | { readonly refused: false; readonly plain: false }
  /**
   * Plain text: its normalized length; whether every character of its form is a label character; whether one
   * is the first character of a label (a text holding a label holds its first character).
   */
  | { readonly refused: false; readonly plain: true; readonly length: number; readonly labelChars: boolean; readonly firstChar: boolean };

/** Which texts an index lets through to normalizing (LabelIndex.mayMatch). */
export type IndexKind =
  /** Texts that may be a part of a label: only label characters (labels.ts LabelSet). */
  | 'parts'
  /** Texts that may be a part of a word or hold one (label-words.ts LabelWords). */
  | 'parts-or-holders';

// One character's verdict in the index's table: computed, not plain, a label character, a first character,
// and (low four bits) its form's length. A scan packs its answer the same way: length × 4 + the two flags.
const COMPUTED = 0x80,
  NOT_PLAIN_CHAR = 0x40,
  LABEL_CHAR = 0x20,
  FIRST_CHAR = 0x10,
  FORM_LENGTH = 0x0f;
const NOT_PLAIN = -1,
  REFUSED = -2,
  ALL_LABEL_CHARS = 1,
  SOME_FIRST_CHAR = 2;
const REFUSED_READING: Reading = Object.freeze({ refused: true });
const NOT_PLAIN_READING: Reading = Object.freeze({ refused: false, plain: false });

/**
 * Two adjacent UTF-16 code units of `s` at `i`, as one small integer (V8 hashes those fastest). Distinct pairs
 * may share one (the first unit's top two bits are dropped): the index only narrows, the answers come from
 * comparing strings, so a shared number costs a comparison, never a wrong answer.
 */
const pairAt = (s: string, i: number): number => ((s.charCodeAt(i) << 16) ^ s.charCodeAt(i + 1)) & 0x3fffffff;

/** An index of normalized labels (or label words) for the questions above. */
export class LabelIndex {
  /** Each character's verdict (see COMPUTED …), filled as characters are met. */
  private readonly table = new Uint8Array(0x10000);
  /** The strings' code units, and the characters a label part may hold (those and `extraChars`). */
  private readonly units = new Set<number>();
  private readonly chars = new Set<number>();
  private readonly firsts = new Set<number>();
  private readonly pairs = new Set<number>();
  /** The strings by each pair they hold, and by their first pair; `anyShort` when one is a single code unit. */
  private readonly byPair = new Map<number, string[]>();
  private readonly byFirst = new Map<number, string[]>();
  private readonly anyShort: boolean;

  /**
   * `strings`: the normalized labels. `extraChars`: characters a label part may hold besides theirs (a "more"
   * tail's). `forms`: the clean's plain forms.
   */
  constructor(
    private readonly strings: readonly string[],
    private readonly kind: IndexKind,
    private readonly forms: PlainForms,
    extraChars = '',
  ) {
    const add = (m: Map<number, string[]>, p: number, s: string) => {
      const list = m.get(p);
      if (!list) m.set(p, [s]);
      else if (list[list.length - 1] !== s) list.push(s);
    };
    for (const s of strings) for (let i = 0; i < s.length; i++) this.units.add(s.charCodeAt(i));
    for (const c of this.units) this.chars.add(c);
    for (let i = 0; i < extraChars.length; i++) this.chars.add(extraChars.charCodeAt(i));
    if (kind === 'parts-or-holders') for (const s of strings) this.firsts.add(s.charCodeAt(0));
    for (const s of strings) {
      for (let i = 0; i + 1 < s.length; i++) {
        this.pairs.add(pairAt(s, i));
        add(this.byPair, pairAt(s, i), s);
      }
      if (s.length > 1) add(this.byFirst, pairAt(s, 0), s);
    }
    this.anyShort = strings.some(s => s.length < 2);
    // CJK ideographs are their own one-character form: their verdicts are filled in at once rather than one by
    // one as a page's text meets them (a Chinese page meets hundreds, computed one by one they are most of a
    // cold click's label scan).
    this.table.fill(COMPUTED | 1, IDEOGRAPHS_FROM, IDEOGRAPHS_TO + 1);
    for (const c of this.chars) if (c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO) this.table[c]! |= LABEL_CHAR;
    for (const c of this.firsts) if (c >= IDEOGRAPHS_FROM && c <= IDEOGRAPHS_TO) this.table[c]! |= FIRST_CHAR;
  }

  /** One character's verdict, computed from its form. */
  private verdict(c: number): number {
    let v = COMPUTED;
    const f = isPlainChar(c) ? this.forms.of(c) : null;
    if (f === null || f.length > FORM_LENGTH) v |= NOT_PLAIN_CHAR;
    else {
      v |= f.length | LABEL_CHAR;
      for (let j = 0; j < f.length; j++) {
        if (!this.chars.has(f.charCodeAt(j))) v &= ~LABEL_CHAR;
        if (this.firsts.has(f.charCodeAt(j))) v |= FIRST_CHAR;
      }
    }
    return (this.table[c] = v);
  }

  /**
   * The packed reading: NOT_PLAIN; REFUSED once the normalized text is longer than `limit` or (an index of
   * parts) holds a character that is no label's; else the normalized length × 4 plus the two flags. The forms
   * of the characters before a plain one are final whatever follows (a plain character is a starter that blocks
   * composition), so the scan may refuse there without reading the rest.
   */
  private scan(s: string, limit: number): number {
    const onlyLabelChars = this.kind === 'parts';
    let length = 0,
      flags = ALL_LABEL_CHARS;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const v = this.table[c] || this.verdict(c);
      if (v & NOT_PLAIN_CHAR) return NOT_PLAIN;
      if (length > limit || (onlyLabelChars && !(flags & ALL_LABEL_CHARS))) return REFUSED;
      length += v & FORM_LENGTH;
      if (!(v & LABEL_CHAR)) flags &= ~ALL_LABEL_CHARS;
      if (v & FIRST_CHAR) flags |= SOME_FIRST_CHAR;
    }
    return length * 4 + flags;
  }

  /** What the index reads off `s` with normalized texts longer than `limit` refused (see Reading). */
  read(s: string, limit: number): Reading {
    const p = this.scan(s, limit);
    if (p === REFUSED) return REFUSED_READING;
    if (p === NOT_PLAIN) return NOT_PLAIN_READING;
    return { refused: false, plain: true, length: p >> 2, labelChars: !!(p & ALL_LABEL_CHARS), firstChar: !!(p & SOME_FIRST_CHAR) };
  }

  /**
   * Whether `s` may match once normalized: false when its reading already says no (refused; or plain and
   * empty, longer than `limit`, or not made as the index's kind needs: only label characters for 'parts', label
   * characters or a first character for 'parts-or-holders'). True means "normalize it and ask".
   */
  mayMatch(s: string, limit: number): boolean {
    const p = this.scan(s, limit); // read()'s answer, without building it: every candidate text node asks
    if (p === REFUSED) return false;
    if (p === NOT_PLAIN) return true;
    const need = this.kind === 'parts' ? ALL_LABEL_CHARS : ALL_LABEL_CHARS | SOME_FIRST_CHAR;
    return p >= 4 && p >> 2 <= limit && (p & need) !== 0;
  }

  /** Whether the non-empty normalized `n` is a substring of one of the strings. */
  isPart(n: string): boolean {
    if (n.length < 2) return this.units.has(n.charCodeAt(0));
    for (let i = 1; i + 1 < n.length; i++) if (!this.pairs.has(pairAt(n, i))) return false;
    return this.byPair.get(pairAt(n, 0))?.some(s => s.includes(n)) ?? false;
  }

  /** Whether the normalized `n` holds one of the strings. */
  holdsOne(n: string): boolean {
    if (this.anyShort) return this.strings.some(s => n.includes(s));
    for (let i = 0; i + 1 < n.length; i++) {
      const list = this.byFirst.get(pairAt(n, i));
      if (list?.some(s => n.startsWith(s, i))) return true;
    }
    return false;
  }
}
