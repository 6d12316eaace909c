/**
 * Page furniture: short lines and boxes that are not the article — share bars ("分享到："), app and QR
 * prompts (WeChat footers: 扫描下方二维码, 回复【…】, 点【在看】), video-player fallbacks, counters,
 * 返回顶部, 上一篇/下一篇, "Report an error" (issue 9: 69 of 80 annotated furniture items stayed). A rule
 * lists the phrases; a phrase counts only inside a box of at most THRESHOLDS.furnitureChars characters with at
 * most one sentence, so an article paragraph that mentions one is never taken.
 */
import { countSentences, squeeze } from '../text/chars';
import { measure } from '../text/shape';
import * as THRESHOLDS from '../text/thresholds';
import { textNodes, textUpTo } from '../text/walk';

/** A phrase with its rule, as written in the rule. */
export interface LineEntry {
  line: string;
  ruleId: string;
}

/** A furniture box found under root. */
export interface Furniture {
  hit: LineEntry;
  /** The box, or the fallback text nodes inside a player (the player itself stays). */
  nodes: Node[];
}

/** The comparable form of a line: NFKC (full-width "：" is ":"), lower case, no whitespace. */
export const normalizeLine = (s: string): string => squeeze(s.normalize('NFKC').toLowerCase());

/** Tags a furniture box never grows into: the article's own frame, and headings (a title is not furniture). */
const BOUNDARY: ReadonlySet<string> = new Set(['body', 'html', 'article', 'main', 'h1']);
/**
 * A line that names the source, reporter or editor is not furniture even with a counter or share link in
 * it ("2025-03-18 来源：长江日报 记者 … 评论(126)"): such lines go to the header (issue 9's other half).
 */
const CREDIT = ['来源', '來源', '记者', '記者', '作者', '责任编辑', '責任編輯', 'source:', 'by '];

/** Media that a phrase may sit inside as fallback text: only the text goes, the player stays. */
const PLAYER: ReadonlySet<string> = new Set(['video', 'audio', 'object']);

/** Characters of text outside links (share icons and "微信 微博" links are part of a bar; a line of text is not). */
function nonLinkChars(el: Element): number {
  const s = measure([el]);
  return s.chars - s.linkChars;
}

/** CREDIT in comparable form (pure: content.js, which imports normalizeLine through removals/context.ts, drops it). */
const CREDIT_FORMS = /* @__PURE__ */ CREDIT.map(normalizeLine);

/** Whether a line names the source, reporter or editor (see CREDIT). */
function isCredit(text: string): boolean {
  const n = normalizeLine(text);
  return CREDIT_FORMS.some(c => n.includes(c));
}

/** A rule's phrase in comparable form (`n`, normalizeLine's), with the rule it is from. */
export interface Phrase {
  n: string;
  hit: LineEntry;
}

/**
 * The first phrase (in rule order) that a line holds, as `phrases.find(p => n.includes(p.n))` finds it, but
 * trying only the phrases whose first character occurs in the line: every candidate element asks.
 */
export function phraseFinder(phrases: readonly Phrase[]): (text: string) => LineEntry | null {
  const byFirst = new Map<string, number[]>(); // a phrase's first code unit → the indexes of phrases starting with it, ascending
  phrases.forEach((p, i) => {
    const list = byFirst.get(p.n[0]!);
    if (list) list.push(i);
    else byFirst.set(p.n[0]!, [i]);
  });
  return text => {
    const n = normalizeLine(text);
    let best = phrases.length;
    for (let i = 0; i < n.length; i++) {
      const list = byFirst.get(n[i]!);
      if (!list) continue;
      for (const j of list) {
        if (j >= best) break;
        if (n.includes(phrases[j]!.n)) best = j;
      }
    }
    return best < phrases.length ? phrases[best]!.hit : null;
  };
}

/** Finds the furniture boxes under root (never root itself) that hold one of the phrases (removals/context.ts phrases). */
export function findFurniture(root: Element, phrases: readonly Phrase[]): Furniture[] {
  if (!phrases.length) return [];
  const find = phraseFinder(phrases);
  const formOf = new Map(phrases.map(p => [p.hit, p.n])); // a hit's phrase in comparable form
  // An element's short text and the phrase in it, once per element: the text nodes of one line climb through
  // the same parents (nothing changes the DOM during this call).
  const lines = new Map<Element, { s: string | null; hit: LineEntry | null }>();
  const lineOf = (el: Element) => {
    let l = lines.get(el);
    if (!l) {
      const s = textUpTo(el, THRESHOLDS.furnitureChars, true);
      lines.set(el, (l = { s, hit: s === null ? null : find(s) }));
    }
    return l;
  };
  const out: Furniture[] = [];
  const taken = new Set<Node>(); // every box and player taken, for an ancestor look-up (a page may hold thousands)
  const under = (n: Node, set: ReadonlySet<Node>): boolean => {
    for (let a = n.parentNode; a && a !== root; a = a.parentNode) if (set.has(a)) return true;
    return false;
  };
  for (const t of textNodes(root)) {
    const raw = t.nodeValue ?? '';
    if (!raw.trim() || raw.length > THRESHOLDS.furnitureRawChars) continue;
    // The smallest element whose text holds a phrase ("点<b>【在看】</b>" is split over two text nodes).
    let box: Element | null = null,
      hit: LineEntry | null = null,
      text = '';
    let depth = 0;
    for (
      let el = t.parentElement;
      el && el !== root && !BOUNDARY.has(el.localName) && depth++ < THRESHOLDS.furnitureDepth;
      el = el.parentElement
    ) {
      const { s, hit: h } = lineOf(el);
      if (s === null) break;
      hit = h;
      if (hit) {
        box = el;
        text = s;
        break;
      }
    }
    if (!box || !hit || taken.has(box) || under(box, taken)) continue;
    if (isCredit(text)) continue;
    // A sentence is furniture only when it is little more than the phrase ("扫描下方二维码，关注我们。"); an
    // article sentence that names the feature ("…把截图分享到朋友圈，这一功能上线后…。") says more.
    const sentences = countSentences(text);
    if (sentences > 1 || (sentences === 1 && nonLinkChars(box) - formOf.get(hit)!.length > THRESHOLDS.furnitureGrowChars)) continue;
    if (PLAYER.has(box.localName)) {
      // "您的浏览器暂时无法播放此视频" inside <video>: the text goes, the player stays
      taken.add(box);
      out.push({ hit, nodes: [...textNodes(box)].filter(n => (n.nodeValue ?? '').trim()) });
      continue;
    }
    // Grow to the whole bar or box (icons, the QR image, the other half of 上一篇/下一篇) while it stays short
    // and what it adds is not a sentence.
    depth = 0;
    for (
      let p = box.parentElement;
      p && p !== root && !BOUNDARY.has(p.localName) && depth++ < THRESHOLDS.furnitureDepth;
      p = p.parentElement
    ) {
      const s = textUpTo(p, THRESHOLDS.furnitureChars, true);
      if (s === null) break;
      if (countSentences(s) > countSentences(text)) break; // the parent adds a sentence: an article line beside the bar
      if (isCredit(s)) break;
      if (nonLinkChars(p) - nonLinkChars(box) > THRESHOLDS.furnitureGrowChars) break; // the parent adds a line of its own, not icons or links
      if (p.querySelector('h1, h2, h3, h4, figure, blockquote, pre, video, audio')) break;
      text = s;
      box = p;
    }
    taken.add(box);
    out.push({ hit, nodes: [box] });
  }
  // A box inside another one found later (a bar grown over an earlier line) goes with the outer one.
  const all = new Set<Node>(out.flatMap(f => f.nodes));
  return out.filter(f => !f.nodes.some(m => under(m, all)));
}
