/**
 * Parsing one line of text as a credit line: label-led segments ("本文来源：新华社 责任编辑：张三",
 * "编辑 | 张三  校对 | 李四", "(原标题：…)", "Reporting by A; Editing by B", "Source: Reuters") and nothing
 * else but a date. A line with any other text (a sentence that mentions 来源 or 编辑) is not a credit line.
 */
import { hasSentence } from '../text/chars';

/** The header fields a credit line can carry. */
export interface Credits {
  /** Who published the article first (本文来源：新华社, "Source: Reuters"): the name only. */
  source: string | null;
  /** 原标题：… — the title the article had where it came from. */
  originalTitle: string | null;
  /** Editing credits as written, labels kept ("责任编辑：张三", "编辑：张三 · 校对：李四", "Edited by Jane Doe"). */
  editor: string | null;
  /** 声明 / 免责声明 / "Editor's note" text, label kept. */
  disclaimer: string | null;
  /** 作者：… found on the same line as another credit (fills the byline when Readability found none). */
  author: string | null;
}

type Kind = keyof Credits;

/**
 * Labels by field. `strong` labels name a credit and nothing else, so a standalone block holding one moves
 * wherever it sits; `weak` ones (来源, 编辑, 声明, "Source") also head chart captions and prose, so they
 * move only at the edges of the body. Labels seen on issue 9's held-out pages (163, sina, qq, ifeng,
 * thepaper, stcn, gamersky …) plus their Traditional forms and the English wire-service ones.
 */
const LABELS: { kind: Kind; strong: string[]; weak: string[] }[] = [
  { kind: 'originalTitle', strong: ['原标题', '原標題', '原文标题', '原文標題'], weak: ['Original title'] },
  { kind: 'source', strong: ['本文来源', '文章来源', '稿件来源', '新闻来源', '稿源', '本文來源', '文章來源', '新聞來源', '稿件來源'],
    weak: ['来源', '來源', '出处', '出處', 'Source'] },
  { kind: 'editor', strong: ['责任编辑', '責任編輯', '责编', '責編', '值班编辑', '值班編輯', '实习编辑', '實習編輯'],
    weak: ['编辑', '編輯', '校对', '校對', '审核', '審核', '审校', '審校', '终审', '終審', '主编', '主編', '监制', '監製', '编审', '編審',
      'Edited by', 'Editing by', 'Editor'] },
  { kind: 'disclaimer', strong: ['免责声明', '免責聲明', '特别声明', '特別聲明', '版权声明', '版權聲明'],
    weak: ['声明', '聲明', "Editor's note", 'Editor’s note', "Editors' note", 'Editors’ note', 'Disclaimer'] },
  { kind: 'author', strong: [], weak: ['作者', '撰文', 'Reporting by', 'Additional reporting by', 'Writing by'] },
];

/** Each label, lower-cased, with its kind and strength (LABELS read at load; a later entry wins, as in LABELS' order). */
const BY_LABEL: ReadonlyMap<string, { kind: Kind; strong: boolean }> = new Map(LABELS.flatMap(l => [
  ...l.strong.map((s): [string, { kind: Kind; strong: boolean }] => [s.toLowerCase(), { kind: l.kind, strong: true }]),
  ...l.weak.map((s): [string, { kind: Kind; strong: boolean }] => [s.toLowerCase(), { kind: l.kind, strong: false }]),
]));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALL = [...BY_LABEL.keys()].sort((a, b) => b.length - a.length).map(esc).join('|');

/**
 * A label at a segment start (line start or after a delimiter), followed by a separator: a colon, a bar,
 * or white space ("责编 李四"); "… by" labels need only the space. "编辑部" and "来源于" are no labels.
 */
const SEGMENT = new RegExp(`(?:^|(?<=[\\s|｜丨/／,，;；、·•]))(${ALL})(?:\\s*[:：|｜丨]\\s*|\\s+)`, 'giu');

const PAIRS: Record<string, string> = { '(': ')', '（': '）', '【': '】', '[': ']', '〔': '〕', '〖': '〗', '<': '>' };
const CLOSERS: ReadonlySet<string> = new Set(Object.values(PAIRS));

/**
 * Strips decorations around a line or value: a bracket pair around all of it ("（原标题：…）", "【责任编辑：…】"),
 * a bracket with no partner ("…王五）" once the line is split), dashes. Balanced brackets inside stay ("[亦观察]No.550").
 */
function unwrap(s: string): string {
  for (;;) {
    s = s.replace(/^[\s—–-]+|[\s—–-]+$/g, '');
    const first = s[0] ?? '', last = s[s.length - 1] ?? '';
    if (PAIRS[first] && last === PAIRS[first] && !s.slice(1, -1).includes(first)) { s = s.slice(1, -1); continue; }
    if (PAIRS[first] && !s.includes(PAIRS[first]!)) { s = s.slice(1); continue; }
    if (CLOSERS.has(last)) {
      const open = Object.keys(PAIRS).find(k => PAIRS[k] === last)!;
      if (!s.includes(open)) { s = s.slice(0, -1); continue; }
    }
    return s;
  }
}

/** A date or time that may lead a credit line ("2015-06-19 07:27:06 来源：…"). */
const DATE = /^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?$/;

/**
 * Counters that share a line with the source on news pages ("2025-03-18 09:12 来源：长江日报 评论(126)",
 * fixture zh-aggregator-inline-blocks): furniture, dropped before the line is parsed.
 */
const COUNTERS = /(?:^|\s)(?:评论|評論|阅读|閱讀|浏览|瀏覽|点赞|點讚|收藏|分享)\s*[（(]?\s*\d+\s*[)）]?(?=\s|$)/g;


/**
 * Longest value per field, in characters: names and publishers are short (the longest on the held-out
 * pages was a 20-character 报社 + 客户端 name; 40 is 2× margin), original titles are headlines (≤ 80, twice
 * a long Chinese headline), disclaimers are a few sentences (sohu/163's 特别声明 is ~90 characters; 300 margin).
 */
const MAX: Record<Kind, number> = { source: 40, editor: 40, author: 40, originalTitle: 80, disclaimer: 300 };

/** The whole line, when a credit line may be this long at all (the longest MAX plus its label). */
const MAX_LINE = 320;

/**
 * Parses `line` as a credit line; null when it is not one. `edge`: the line sits among the first or last
 * blocks of the body, where weak labels count too; elsewhere at least one strong label is needed.
 */
export function creditLine(line: string, edge: boolean): (Credits & { found: Record<string, true> }) | null {
  if (line.length > MAX_LINE) return null;
  const t = unwrap(line.replace(COUNTERS, ' ').trim());
  const hits: { label: string; start: number; valueStart: number }[] = [];
  SEGMENT.lastIndex = 0;
  for (let m; (m = SEGMENT.exec(t));) {
    // A Latin label needs a colon or bar ("Source: Reuters"), else "Source code" would be a credit; "… by" needs none.
    if (/^[a-z]/i.test(m[1]!) && !/ by$/i.test(m[1]!) && !/[:：|｜丨]/.test(m[0])) continue;
    hits.push({ label: m[1]!.toLowerCase(), start: m.index, valueStart: m.index + m[0].length });
  }
  if (!hits.length) return null;
  if (!DATE.test(t.slice(0, hits[0]!.start).trim())) return null;
  const out: Credits & { found: Record<string, true> } = { source: null, originalTitle: null, editor: null, disclaimer: null, author: null, found: {} };
  let strong = false, credit = false;
  const editors: string[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const info = BY_LABEL.get(h.label)!;
    // Disclaimers and original titles run to the line's end: their text may hold another label word.
    const end = info.kind === 'disclaimer' || info.kind === 'originalTitle' ? t.length : hits[i + 1]?.start ?? t.length;
    const value = t.slice(h.valueStart, end).replace(/^[\s:：|｜丨]+|[\s|｜丨/／,，;；、·•]+$/g, '');
    const clean = unwrap(value);
    if (!clean || clean.length > MAX[info.kind]) return null;
    if (info.kind !== 'disclaimer' && info.kind !== 'originalTitle' && hasSentence(clean, { clauses: false })) return null; // a sentence is prose, not a name
    strong ||= info.strong;
    if (info.kind !== 'author') credit = true;
    const label = t.slice(h.start, h.valueStart).replace(/[\s:：|｜丨]+$/, '');
    if (info.kind === 'editor') editors.push(/ by$/i.test(label) ? `${label} ${clean}` : `${label}${/^[a-z]/i.test(label) ? ': ' : '：'}${clean}`);
    else if (info.kind === 'disclaimer') out.disclaimer ??= `${label}${/^[a-z]/i.test(label) ? ': ' : '：'}${clean}`;
    else out[info.kind] ??= clean;
    out.found[info.kind] = true;
    if (end === t.length) break;
  }
  if (!credit) return null; // "作者：张三" alone is a byline: Readability's business
  if (!edge && !strong) return null;
  if (editors.length) out.editor = editors.join(' · ');
  return out;
}
