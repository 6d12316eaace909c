/** Recognising a recommendation *label* ("【大家都在看】", "You may also like »") by its own text. */

/** Decorations sites wrap labels in: brackets, dashes, arrows, bullets, icon-font glyphs, emoji. */
const DECORATION = /[\s\u00a0\u3000【】\[\]「」『』〖〗〔〕()（）<>《》〈〉—–\-_=~·•・|｜/\\:：>»›‹«»▶►▸▷→←↓↑★☆●○◆◇■□▲△▼▽♦♥❤︎️#＃*＊.。…!！?？,，、'"“”‘’]+|\p{Extended_Pictographic}|\p{Co}/gu;

/** "More" tails that sit in the same box as a label ("相关文章 更多>>", "Trending · See all"). */
const MORE_TAIL = /(查看更多|更多|换一换|换一批|換一換|換一批|查看全部|全部|seeall|viewall|viewmore|more)$/u;

/** A label's comparable form: decorations removed, NFKC, lower case (English labels vary in case). */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(DECORATION, '');
}

/** Which rule a label belongs to, as written in the rule. */
export interface LabelHit {
  label: string;
  ruleId: string;
}

/** A set of normalized labels with a fast "could this text be part of a label" test. */
export class LabelSet {
  private readonly exact = new Map<string, LabelHit>();
  readonly maxLength: number;

  constructor(entries: Iterable<LabelHit>) {
    let max = 0;
    for (const e of entries) {
      const n = normalizeLabel(e.label);
      if (!n || this.exact.has(n)) continue;
      this.exact.set(n, e);
      max = Math.max(max, n.length);
    }
    this.maxLength = max;
  }

  get size(): number { return this.exact.size; }

  /** The label a box's whole text is (optionally with a "more" tail), or null. */
  match(text: string): LabelHit | null {
    if (text.length > this.maxLength * 3 + 40) return null;
    let n = normalizeLabel(text);
    if (n.length > this.maxLength + 8) return null;
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
    const n = normalizeLabel(fragment);
    if (!n || n.length > this.maxLength + 8) return false;
    for (const key of this.exact.keys()) if (key.includes(n) || n.startsWith(key)) return true;
    return false;
  }
}
