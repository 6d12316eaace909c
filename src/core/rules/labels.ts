/** Recognising a recommendation *label* ("【大家都在看】", "You may also like »") by its own text. */
import { T } from '../measures';

/** Decorations sites wrap labels in: brackets, dashes, arrows, bullets, icon-font glyphs, emoji. */
const DECORATION = /[\s\u00a0\u3000【】\[\]「」『』〖〗〔〕()（）<>《》〈〉—–\-_=~·•・|｜/\\:：>»›‹«»▶►▸▷→←↓↑★☆●○◆◇■□▲△▼▽♦♥❤︎️#＃*＊.。…!！?？,，、'"“”‘’]+|\p{Extended_Pictographic}|\p{Co}/gu;

/** "More" tails that sit in the same box as a label ("相关文章 更多>>", "Trending · See all"). */
const MORE_TAIL = /(查看更多|更多|换一换|换一批|換一換|換一批|查看全部|全部|seeall|viewall|viewmore|more)$/u;

/** "More" links that name where they lead: "更多精彩资讯请点击 网易股票" (cx163 page 12), "查看更多新闻". */
const MORE_HEAD = /^(查看更多|更多)/u;

/** Whether a link's text is only a "more" link ("更多>>", "See all", "更多…请点击 网易股票"), which may sit in a label's box. */
export function isMoreText(text: string): boolean {
  const n = normalizeLabel(text);
  const m = n.match(MORE_TAIL);
  return (!!m && m[0].length === n.length) || (MORE_HEAD.test(n) && n.length <= T.moreLinkChars);
}

/** A label's comparable form: decorations removed, NFKC, lower case (English labels vary in case). */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(DECORATION, '');
}

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
  /** Every substring of every normalized label, so a text fragment is tested in O(1). */
  private readonly parts = new Set<string>();
  readonly maxLength: number;

  constructor(entries: Iterable<LabelHit>) {
    let max = 0;
    for (const e of entries) {
      const n = normalizeLabel(e.label);
      // Every substring is indexed (quadratic in length): a label longer than parse's limit, which stored user
      // rules never passed through, would stall the page (a 3,000-character label: millions of substrings).
      if (!n || n.length > T.labelLength || this.exact.has(n)) continue;
      this.exact.set(n, e);
      for (let i = 0; i < n.length; i++) for (let j = i + 1; j <= n.length; j++) this.parts.add(n.slice(i, j));
      max = Math.max(max, n.length);
    }
    this.maxLength = max;
  }

  get size(): number { return this.exact.size; }

  /** The label a box's whole text is (optionally with a "more" tail), or null. */
  match(text: string): LabelHit | null {
    if (text.length > T.labelTextLimit(this.maxLength)) return null;
    let n = normalizeLabel(text);
    if (n.length > this.maxLength + T.moreTailChars) return null;
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
    if (fragment.length > T.labelTextLimit(this.maxLength)) return false; // paragraphs: by far the most text nodes
    let n = normalizeLabel(fragment);
    if (!n || n.length > this.maxLength + T.moreTailChars) return false;
    if (this.parts.has(n)) return true;
    const tail = n.match(MORE_TAIL);
    if (tail && tail[0].length < n.length) n = n.slice(0, n.length - tail[0].length);
    return this.parts.has(n);
  }
}
