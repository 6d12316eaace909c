/**
 * The headline a page prints as its body's first line when its `<title>` names no article: "显示", "1", an empty
 * title, a greeting ("谢谢您访问〖关注中国中心〗"), only the site ("北医新闻网_(新闻)"). Old portal and archive pages
 * (zh-cwce 05e98007, 5dc3fa2d, caee0a34, fddcb19c, 455de1c0, 4fa9dfe4, ab65832c) head the text with the headline
 * and a line of the author's names, above or under it, in plain paragraphs that Readability keeps as text. By
 * position and shape: the first block of text, short, with no sentence inside; the names line next to it. Both
 * move to the header (title, byline), reported as removals.
 */
import type { Removal, TitleEvidence } from '../types';
import { textBlocks } from '../removals/credit-lines';
import { linkShare, measure } from '../text/shape';
import { fold, hasSentence, squeeze } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { namesOnly } from './names-line';
import { namesOnlySite } from './title';
import { preview } from '../removals/preview';

/** What the body's head gave the header. */
export interface BodyHeadline {
  /** The headline, when the `<title>` named no article. */
  title: string | null;
  /** The names line beside it. */
  byline: string | null;
  removed: Removal[];
}

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** A headline's decorations: dashes before a subtitle-like headline ("——当代中国的精神危机"), "- -" after it (ab65832c). */
const trimDashes = (s: string) => s.replace(/^[\s—–－-]+|[\s—–－-]+$/gu, '');

/** Whether a line reads as a headline: short, letters in it, no sentence but a closing ？ or ！ ("谁来为无序拆房“埋单”？"). */
function headlineShaped(text: string): boolean {
  const t = trimDashes(text);
  if (!t || squeeze(t).length > THRESHOLDS.bodyHeadlineChars || (t.match(/\p{L}/gu)?.length ?? 0) < 2) return false;
  return !hasSentence(t.replace(/[？！?!]+$/u, ''), { clauses: false });
}

/** A column tag alone on the body's first line, over a headline the page gives elsewhere ("【新春走基层】"; zh-cwce 3e1af229). */
const COLUMN_TAG = /^[【〖]([^【】〖〗]{2,8})[】〗]$/u;
/** Tags that head the text under them rather than name a column. */
const NOTE_TAG = /^(?:编者按|編者按|按语|按語|导读|導讀|提示|编者的话|編者的話)$/u;

const removal = (ruleId: string, reason: string, el: Element): Removal => ({ ruleId, reason, ...preview([el]) });

/** Removes an element and the wrappers it alone fills (never root). */
function removeBlock(el: Element, root: Element): void {
  let gone = el;
  const k = squeeze(el.textContent ?? '');
  while (gone.parentElement && gone.parentElement !== root && squeeze(gone.parentElement.textContent ?? '') === k)
    gone = gone.parentElement;
  gone.remove();
}

/**
 * Whether `title` names no article: at most THRESHOLDS.genericTitleChars, only the site's names, or (with a
 * names line to confirm, `confirmed`) found in no headline of the page and nowhere in the article's text.
 */
function genericTitle(title: string, ev: TitleEvidence, articleText: string, confirmed: boolean): boolean {
  if (squeeze(title).length <= THRESHOLDS.genericTitleChars) return true;
  if (namesOnlySite(title, ev)) return true;
  if (!confirmed) return false;
  const k = squash(title);
  if (squash(articleText).includes(k)) return false;
  return !ev.headlines.some(h => {
    const q = squash(h);
    return q.length > 1 && (q.includes(k) || k.includes(q));
  });
}

/**
 * Takes the headline (and the names line beside it) from the top of `root` when `title` names no article, or a
 * column tag over the headline when it does. `title` is the cleaned title (meta/title.ts).
 */
export function takeBodyHeadline(root: Element, title: string, ev: TitleEvidence, ruleId: string): BodyHeadline {
  const none: BodyHeadline = { title: null, byline: null, removed: [] };
  // Link lines above (a breadcrumb, a channel menu) are not the text's head: the first two text blocks are.
  const blocks = textBlocks(root).filter(el => linkShare(measure([el])) < THRESHOLDS.linkHeavy && !el.closest('figure'));
  if (blocks.length < 3) return none; // never the whole text
  const [a, b] = [blocks[0]!, blocks[1]!];
  const ta = fold(a.textContent ?? ''),
    tb = fold(b.textContent ?? '');
  const tag = ta.match(COLUMN_TAG);
  if (tag && !NOTE_TAG.test(tag[1]!.trim()) && !genericTitle(title, ev, root.textContent ?? '', false)) {
    const removed = [removal(ruleId, 'column tag over the headline', a)];
    removeBlock(a, root);
    return { ...none, removed };
  }
  // The names line over the headline ("胡平", then "——当代中国的精神危机 (上)") or under it ("我是怎样卷入八九民运的", "茉莉").
  const namesFirst = namesOnly(ta, a);
  const [head, names, headText, namesText] = namesFirst ? [b, a, tb, namesFirst] : [a, b, ta, namesOnly(tb, b)];
  if (!headlineShaped(headText) || namesOnly(headText, head)) return none;
  if (!genericTitle(title, ev, root.textContent ?? '', !!namesText)) return none;
  const headline = trimDashes(headText);
  const removed = [removal(ruleId, 'the headline, moved to the header: title', head)];
  removeBlock(head, root);
  if (namesText) {
    removed.push(removal(ruleId, 'moved to the header: author', names));
    removeBlock(names, root);
  }
  return { title: headline, byline: namesText, removed };
}
