/**
 * A 公众号 repost ending: the article closes on a run of short imperative lines — "扫描下方二维码", "回复【…】",
 * "点击菜单栏…", "点【在看】", "长按识别二维码", "阅读原文", a QR image, "—END—", "▼", the account's 微信号 — of which
 * only some hold a furniture phrase (issue 20). Decided by position and shape first: the run is the article's
 * last blocks, each short and at most one sentence; it starts at its first phrase, end marker or image, so a
 * short closing line of the article before it stays; and it goes only with at least TAIL_HITS phrases in it and
 * some line without one (when every line holds a phrase, furniture.ts takes each by its own name).
 */
import { countSentences, squeezedLength } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { leafBlocks, mediaOnly } from './leaf-blocks';
import type { LineEntry } from './furniture';

/**
 * A line of such a run is at most this long: the longest in the list is a footer line "长按识别下方二维码，
 * 关注…公众号" (~25); an article's closing paragraph is longer than two lines (80). Margin ×1.6 over 25.
 */
const TAIL_LINE_CHARS = 40;
/** At least this many phrase lines in the run: one phrase alone is a furniture line (furniture.ts), not a run. */
const TAIL_HITS = 2;
/** The run is looked for among this many blocks from the end (the longest ending in the issue had ~12 lines). */
const TAIL_BLOCKS = 20;
/** An end marker: dashes, stars, arrows around END/完/终 or nothing ("—END—", "—完—", "▼", "- THE END -"). */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each character of the class counts alone; an emoji's variation selector among them is a marker too
const MARKER = /^[\s\-—–_=~·.。…*＊#▼▲↓⬇︎️]*(?:the\s*end|end|完|终|終|全文完)?[\s\-—–_=~·.。…*＊#▼▲↓⬇︎️]*$/iu;

/** The ending run at the foot of root (document order), with the phrase that names it, or null. */
export function findTailRun(root: Element, find: (text: string) => LineEntry | null): { nodes: Element[]; hit: LineEntry } | null {
  const blocks = leafBlocks(root).slice(-TAIL_BLOCKS);
  const run: { el: Element; hit: LineEntry | null; starts: boolean }[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const el = blocks[i]!;
    if (mediaOnly(el)) {
      run.unshift({ el, hit: null, starts: true });
      continue;
    }
    const text = el.textContent ?? '';
    // A row of two or more links is a menu (menus.ts), not a line of the ending.
    if (
      squeezedLength(text) > TAIL_LINE_CHARS ||
      countSentences(text) > 1 ||
      /^h[1-6]$/.test(el.localName) ||
      el.querySelectorAll('a[href]').length > 1
    )
      break;
    let hit = find(text);
    // A sentence holds a phrase as furniture only when it is little more than the phrase, as in furniture.ts:
    // "不少居民在社区公众号上发表评论，希望…。" is the article's closing line (fixture zh-page-tools-rows).
    if (hit && countSentences(text) === 1 && squeezedLength(text) - squeezedLength(hit.line) > THRESHOLDS.furnitureGrowChars) hit = null;
    run.unshift({ el, hit, starts: !!hit || MARKER.test(text) });
  }
  const first = run.findIndex(r => r.starts);
  if (first < 0) return null;
  const taken = run.slice(first);
  const hits = taken.filter(r => r.hit);
  // Every line a phrase: furniture.ts takes them one by one, each named by its phrase.
  if (hits.length < TAIL_HITS || hits.length === taken.length) return null;
  return { nodes: taken.map(r => r.el), hit: hits[0]!.hit! };
}
