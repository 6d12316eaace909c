/** Recognising a recommendation *label* ("【大家都在看】", "You may also like »") by its own text. */
import { STOP_MARKS, WHITESPACE } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { LabelIndex, PlainForms } from './label-index';

/** Decorations sites wrap labels in: brackets, dashes, arrows, bullets, sentence marks ("猜你喜欢！"), icon-font glyphs, emoji. */
const DECORATION = new RegExp(
  String.raw`${WHITESPACE.source}|[【】\[\]「」『』〖〗〔〕()（）<>《》〈〉—–\-_=~·•・|｜/\\:：>»›‹«»▶►▸▷→←↓↑★☆●○◆◇■□▲△▼▽♦♥❤︎️#＃*＊.…,，、${STOP_MARKS}'"“”‘’]+|\p{Extended_Pictographic}|\p{Co}`,
  'gu',
);

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
  /** The normalized labels, with a "more" tail's characters allowed in a part. */
  private readonly index: LabelIndex;
  readonly maxLength: number;

  /** `forms`: the clean's plain forms (removals/context.ts), shared with its LabelWords. */
  constructor(entries: Iterable<LabelHit>, forms: PlainForms = new PlainForms(normalizeLabel)) {
    let max = 0;
    for (const e of entries) {
      const n = normalizeLabel(e.label);
      // A label longer than parse's limit (stored user rules never passed through it) is no label.
      if (!n || n.length > THRESHOLDS.labelLength || this.exact.has(n)) continue;
      this.exact.set(n, e);
      max = Math.max(max, n.length);
    }
    this.maxLength = max;
    this.index = new LabelIndex([...this.exact.keys()], 'parts', forms, MORE_TAIL_CHARS);
  }

  get size(): number {
    return this.exact.size;
  }

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
    const limit = this.maxLength + THRESHOLDS.moreTailChars;
    if (!this.index.mayMatch(fragment, limit)) return false;
    let n = normalizeLabel(fragment);
    if (!n || n.length > limit) return false;
    if (this.index.isPart(n)) return true;
    const tail = n.match(MORE_TAIL);
    if (tail && tail[0].length < n.length) n = n.slice(0, n.length - tail[0].length);
    return this.index.isPart(n);
  }
}
