/**
 * Source and editor lines (原标题：…, 本文来源：…, 责任编辑：…, 编辑 | 责编 | 来源 | 校对, 声明：…, "Editor's
 * note: …", "Source: …", "Edited by …") taken out of the article body and handed to the header as fields.
 * Issue 9: on held-out Chinese news pages 61 of 88 such lines stayed in the body. Only a whole block that
 * parses into label-led segments moves; an article sentence that merely mentions 来源 or 编辑 stays.
 */
import type { Removal } from '../types';
import { creditLine, noCredits, type Credits } from './credit-line';
import { fold, hasSentence, squeeze } from '../text/chars';
import { namesOnly } from '../meta/names-line';
import { isSkipped } from '../text/walk';
import { LINE_BLOCK_TAGS as BLOCK } from '../dom/block-tags';

/** The rule id that switches this off per site (site-rules.json). */
export const HEADER_LINES_RULE = 'header-lines';

/** What moved out of the body: the header's new fields and the removed list's entries. */
export interface HeaderLines {
  fields: Credits;
  removed: Removal[];
}

/**
 * How many text blocks from each edge count as the start or end of the body. Real pages put the credit
 * lines in the first one or two blocks (sina and ifeng's 原标题, a "date 来源：" line) or the last three
 * or four (163's "(原标题：…)" then "本文来源：… 责任编辑：…"; chinanews "【编辑：…】" after "(完)").
 * 4 and 6 leave room for one skipped decoration line (a date, "(完)") on each side; margin, not fitted.
 */
const HEAD_BLOCKS = 4;
const TAIL_BLOCKS = 6;

/**
 * Whether a block sits in a data table: two or more of its rows hold text in two or more cells. A layout table's
 * one text cell per row is the page's column (zh-cwce 0d931936's "来源: 尹娟" in the middle cell of a spacer-text-
 * spacer row), and a single row of "date 来源：… | 发表评论" cells is a template's meta line (the yahoo pages).
 */
function inDataTable(el: Element, root: Element): boolean {
  for (let t = el.closest('table'); t && root.contains(t); t = t.parentElement?.closest('table') ?? null) {
    let rows = 0;
    for (const row of t.querySelectorAll('tr')) {
      let cells = 0;
      for (let c = row.firstElementChild; c; c = c.nextElementSibling)
        if ((c.localName === 'td' || c.localName === 'th') && /\S/.test(c.textContent ?? '')) cells++;
      if (cells > 1 && ++rows > 1) return true;
    }
  }
  return false;
}

/** "Back to … / see more" links that close a credit line ("【编辑:刘欢】 返回搜狐，查看更多"; zh-cwce d8d4c4ec). */
const BACK_LINK = /^(?:返回|回到|查看更多|看更多|更多|back to|see more|more from)/i;

/** The links of a block that are only a way back or a "more": left out of the block's text as the credit line is read. */
function backLinks(el: Element): Set<Element> {
  const out = new Set<Element>();
  for (const a of el.querySelectorAll('a[href]'))
    if (BACK_LINK.test((a.textContent ?? '').trim()) && (a.textContent ?? '').trim().length <= 16) out.add(a);
  return out;
}

/** A block's text with <br> and nested inline structure kept as line breaks where they separate lines. */
function blockText(el: Element, skip: ReadonlySet<Element> = new Set()): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === 3) {
      out += n.nodeValue ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const e = n as Element;
    if (isSkipped(e) || skip.has(e)) return;
    if (e.localName === 'br') {
      out += '\n';
      return;
    }
    for (let c = e.firstChild; c; c = c.nextSibling) walk(c);
    out += ' '; // "<span>来源：新华社</span><span>编辑：张三</span>" are two segments, not one
  };
  walk(el);
  return out;
}

/**
 * The leaf blocks under root that hold text, in document order: one iterative pass (hostile pages nest
 * thousands deep and hold 5 MB; a per-element subtree query was quadratic there, test/hostile/huge.test.ts).
 */
export function textBlocks(root: Element): Element[] {
  const blocks: Element[] = [];
  const inner = new Set<Element>();
  const stack: [Element, Element | null][] = [];
  for (let c = root.lastElementChild; c; c = c.previousElementSibling) stack.push([c, null]);
  while (stack.length) {
    const [el, block] = stack.pop()!;
    if (isSkipped(el)) continue;
    let near = block;
    if (BLOCK.has(el.localName)) {
      if (block) inner.add(block);
      blocks.push(el);
      near = el;
    }
    for (let c = el.lastElementChild; c; c = c.previousElementSibling) stack.push([c, near]);
  }
  return blocks.filter(b => !inner.has(b) && /\S/.test(b.textContent ?? ''));
}

/**
 * Takes credit lines out of `root` (Readability's article, after post-pruning) and returns them as header
 * fields. Edge blocks may carry any label; a block elsewhere moves only when every line of it is a credit
 * line with an unambiguous label (原标题, 责任编辑, 免责声明 …): "来源：国家统计局" under a chart mid-article stays.
 */
export function takeHeaderLines(root: Element, ruleId = HEADER_LINES_RULE, titles: readonly string[] = []): HeaderLines {
  const heads = titles.map(squashed).filter(t => t.length >= 2);
  const fields: Credits = { ...noCredits(), published: null };
  const removed: Removal[] = [];
  const blocks = textBlocks(root);
  const n = blocks.length;
  // A run of credit lines at the top may pass the first HEAD_BLOCKS (a subtitle, then 本报实习生…, 本报记者…, a
  // date and paper; zh-cwce ab65832c): each line moved from the head lets the head reach one block further.
  let headReach = HEAD_BLOCKS;
  // The block before this one as it stays in the body ('' at the top), and whether the last block moved was names.
  let above = '',
    namesMoved = false;
  blocks.forEach((el, i) => {
    const edge = i < headReach || i >= n - TAIL_BLOCKS;
    if (el.closest('figure, figcaption') || inDataTable(el, root)) return; // "来源：国家统计局" under a chart is the chart's caption
    const lines = blockText(el, backLinks(el)).split('\n').map(fold).filter(Boolean);
    if (!lines.length) return;
    const prev = above,
      afterNames = namesMoved;
    above = lines.join(' ');
    namesMoved = false;
    let parsed = lines.map(l => creditLine(l, edge));
    if (parsed.some(p => !p)) {
      // Under the headline: at the body's top, or under the title repeated (whole, or its start: zh-cwce 77fa9435's
      // <title> adds "(页 1) - 学术前沿 - …" to the headline its body repeats).
      const p = squashed(prev);
      const underTitle = !prev || (p.length >= 2 && heads.some(t => t === p || (p.length >= 6 && t.startsWith(p))));
      const byPlace =
        lines.length === 1
          ? creditByPlace(lines[0]!, el, { head: i < headReach && underTitle, tail: i >= n - TAIL_BLOCKS, prev, afterNames })
          : null;
      if (!byPlace) return;
      parsed = [byPlace];
    }
    // "作者：张三" alone stays (a byline Readability may read); beside another credit in one block it moves with it.
    if (parsed.every(p => p!.authorOnly)) return;
    // A date alone moves only from the body's first two blocks or its last two under prose: deeper in it may head a
    // part of the text, and under a signer's line it closes a letter or notice (zh-cwce e8847578's "吉林省人民政府 /
    // 2022年1月27日" is the notice's own text).
    if (parsed.every(p => Object.keys(p!.found).join() === 'lineDate') && i >= 2 && (i < n - 2 || !hasSentence(prev, { clauses: false })))
      return;
    // Never empty a body: a one-block "article" that is only a credit line is something else.
    if (n === 1) return;
    namesMoved = parsed.some(p => p!.found.author && !p!.found.affiliation);
    above = prev;
    const text = fold(lines.join(' '));
    for (const p of parsed) merge(fields, p!);
    let gone: Element = el;
    // Remove the wrappers the line leaves empty (a <div> around a lone <p>), never root.
    while (gone.parentElement && gone.parentElement !== root && fold(gone.parentElement.textContent ?? '') === fold(gone.textContent ?? ''))
      gone = gone.parentElement;
    gone.remove();
    if (i < headReach) headReach++;
    removed.push({
      ruleId,
      reason: `moved to the header: ${Object.keys(parsed[0]!.found).join(', ').replace('lineDate', 'published')}`,
      preview: text.length > 80 ? text.slice(0, 79) + '…' : text,
      chars: text.replace(/ /g, '').length,
    });
  });
  return { fields, removed };
}

/** Letters and digits only, lower-cased: a title compared with the line that repeats it. */
const squashed = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** An organisation's name alone: a research group, a newsroom, a university's department ("北京大学医学部新闻中心"). */
const ORG =
  /^[\p{Script=Han}（）()·、]{2,28}(?:中心|大学|大學|学院|學院|学系|學系|研究所|研究院|委员会|委員會|课题组|課題組|报社|報社|杂志社|雜誌社|出版社|编辑部|編輯部|协会|協會|学会|學會)$/u;

/**
 * Credit lines that carry no label and are known by where they stand (issue 20; zh-cwce 77fa9435, 4fa9dfe4,
 * c3f7d079): names alone right under the headline (the body's top, or under a short line with no sentence,
 * the headline repeated), names in brackets among the last blocks ("（袁源）", a newspaper's closing credit),
 * an organisation's line under names just moved (their affiliation) or as the body's first line (a report's author).
 */
function creditByPlace(
  line: string,
  el: Element,
  at: { head: boolean; tail: boolean; prev: string; afterNames: boolean },
): (Credits & { found: Record<string, true>; authorOnly?: true }) | null {
  const names = namesOnly(line, el);
  if (names && (at.head || (at.tail && /^[（(].*[)）]$/u.test(line)))) return { ...noCredits(), author: names, found: { author: true } };
  const org = ORG.test(squeeze(line));
  if (org && at.afterNames) return { ...noCredits(), affiliation: line, found: { affiliation: true } };
  if (org && at.head && !at.prev) return { ...noCredits(), author: line, found: { author: true } };
  return null;
}

/** Adds a parsed line's fields to what was found so far (several editors are kept, joined). */
function merge(into: Credits, line: Credits & { found: Record<string, true> }): void {
  for (const k of ['source', 'originalTitle', 'disclaimer', 'author', 'published', 'affiliation', 'lineDate'] as const)
    if (line[k] && !into[k]) into[k] = line[k];
  if (line.editor)
    into.editor = into.editor && !into.editor.includes(line.editor) ? `${into.editor} · ${line.editor}` : (into.editor ?? line.editor);
}
