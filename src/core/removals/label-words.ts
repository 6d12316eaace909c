/**
 * Recognising a recommendation label by a *word* in it rather than its whole text: "APP精彩推荐",
 * "延伸 · 推荐", "热门H5手游", "Read more from The Paper" (issue 9: 30 of 91 recommendation modules on
 * held-out pages were headed by such labels). A word label is short and must head a link list (shape.ts
 * isLinkListShaped), a stricter test than an exact label's, so a heading "热门阅读榜单背后的算法" over
 * prose stays (fixture zh-decoy-long-heading-with-label).
 */
import * as THRESHOLDS from '../text/thresholds';
import { LabelIndex, PlainForms } from './label-index';
import { type LabelSet, normalizeLabel, type LabelHit } from './labels';

/** What module.ts asks of a set of labels. */
export interface LabelMatcher {
  readonly size: number;
  /** The longest raw label text worth climbing for is THRESHOLDS.labelTextLimit(maxLength). */
  readonly maxLength: number;
  match(text: string): LabelHit | null;
  couldBePart(fragment: string): boolean;
}

/** A label's width: a Han or kana character counts two (it carries a word's meaning), any other character one. */
export function labelWidth(n: string): number {
  return n.length + (n.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0);
}

/** Words with their rules; a text is a word label when, decorations trimmed, it is short and holds a word. */
export class LabelWords implements LabelMatcher {
  private readonly words: { n: string; hit: LabelHit }[] = [];
  readonly maxLength = THRESHOLDS.wordLabelChars;
  /** The words, for couldBePart's "holds a word or is part of one". */
  private readonly index: LabelIndex;

  /** `forms`: the clean's plain forms (removals/context.ts), shared with its LabelSet. */
  constructor(entries: Iterable<LabelHit>, forms: PlainForms = new PlainForms(normalizeLabel)) {
    const seen = new Set<string>();
    for (const e of entries) {
      const n = normalizeLabel(e.label);
      if (!n || n.length > THRESHOLDS.labelLength || seen.has(n)) continue;
      seen.add(n);
      this.words.push({ n, hit: { label: e.label, ruleId: e.ruleId, word: true } });
    }
    // Longest first: "精彩推荐" names its rule before "推荐" does.
    this.words.sort((a, b) => b.n.length - a.n.length);
    this.index = new LabelIndex(
      this.words.map(w => w.n),
      'parts-or-holders',
      forms,
    );
  }

  get size(): number {
    return this.words.length;
  }

  match(text: string): LabelHit | null {
    if (text.length > THRESHOLDS.labelTextLimit(this.maxLength)) return null;
    const n = normalizeLabel(text);
    if (!n || labelWidth(n) > THRESHOLDS.wordLabelWidth) return null;
    return this.words.find(w => n.includes(w.n))?.hit ?? null;
  }

  couldBePart(fragment: string): boolean {
    if (fragment.length > THRESHOLDS.labelTextLimit(this.maxLength)) return false;
    // A part of a word is made of the words' characters; a text holding a word holds the word's first character.
    if (!this.index.mayMatch(fragment, this.maxLength)) return false;
    const n = normalizeLabel(fragment);
    if (!n || n.length > this.maxLength) return false;
    return this.index.holdsOne(n) || this.index.isPart(n);
  }
}

/** Exact labels first, then words: one matcher for module.ts. */
export class Labels implements LabelMatcher {
  readonly maxLength: number;
  constructor(
    private readonly exact: LabelSet,
    private readonly words: LabelWords,
  ) {
    this.maxLength = Math.max(exact.size ? exact.maxLength : 0, words.size ? words.maxLength : 0);
  }
  get size(): number {
    return this.exact.size + this.words.size;
  }
  match(text: string): LabelHit | null {
    return this.exact.match(text) ?? this.words.match(text);
  }
  couldBePart(fragment: string): boolean {
    return this.exact.couldBePart(fragment) || this.words.couldBePart(fragment);
  }
}
