/**
 * Parsing one line of text as a credit line: label-led segments ("本文来源：新华社 责任编辑：张三",
 * "编辑 | 张三  校对 | 李四", "(原标题：…)", "Reporting by A; Editing by B", "Source: Reuters") and nothing
 * else but a date. A line with any other text (a sentence that mentions 来源 or 编辑) is not a credit line.
 */
import { hasSentence, squeeze } from '../text/chars';

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
  /** 作者：… found on the same line as another credit, or a reporter line (fills the byline when Readability found none). */
  author: string | null;
  /** The date a credit line starts with ("2025-03-08 09:41更新 来源：…"), as YYYY-MM-DDTHH:MM[:SS] in the page's own time. */
  published?: string | null;
  /** A date printed alone on a line at the body's edge: the article's date when nothing else gives one. */
  lineDate?: string | null;
  /** Where the author works ("【作者单位：…】", an organisation's line under the names; zh-cwce 77fa9435, 4fa9dfe4): shown after the byline. */
  affiliation?: string | null;
}

type Kind = Exclude<keyof Credits, 'published' | 'lineDate'>;

/**
 * Labels by field. `strong` labels name a credit and nothing else, so a standalone block holding one moves
 * wherever it sits; `weak` ones (来源, 编辑, 声明, "Source") also head chart captions and prose, so they
 * move only at the edges of the body. Labels seen on issue 9's held-out pages (163, sina, qq, ifeng,
 * thepaper, stcn, gamersky …) plus their Traditional forms and the English wire-service ones.
 */
const LABELS: { kind: Kind; strong: string[]; weak: string[] }[] = [
  {
    kind: 'originalTitle',
    strong: ['原标题', '原標題', '原文标题', '原文標題', '本文原标题', '本文原標題', '原题为', '原題為'],
    weak: ['Original title'],
  },
  {
    kind: 'source',
    strong: [
      '本文来源',
      '文章来源',
      '稿件来源',
      '新闻来源',
      '稿源',
      '本文來源',
      '文章來源',
      '新聞來源',
      '稿件來源',
      '信息来源',
      '資訊來源',
      '转自',
      '轉自',
      '摘自',
      '转载自',
      '轉載自',
    ],
    weak: ['来源', '來源', '出处', '出處', 'Source'],
  },
  {
    kind: 'editor',
    strong: ['责任编辑', '責任編輯', '责编', '責編', '值班编辑', '值班編輯', '实习编辑', '實習編輯'],
    weak: [
      '编辑',
      '編輯',
      '校对',
      '校對',
      '审核',
      '審核',
      '审校',
      '審校',
      '终审',
      '終審',
      '主编',
      '主編',
      '监制',
      '監製',
      '编审',
      '編審',
      'Edited by',
      'Editing by',
      'Editor',
      // The translator ("译： Chen Bin" under "作者：…"; zh-cwce d02c66a2) is an editing credit, shown with its label.
      '译',
      '譯',
      '译者',
      '譯者',
      '翻译',
      '翻譯',
      '编译',
      '編譯',
      'Translated by',
      'Translation by',
    ],
  },
  {
    kind: 'disclaimer',
    strong: ['免责声明', '免責聲明', '特别声明', '特別聲明', '版权声明', '版權聲明'],
    weak: ['声明', '聲明', "Editor's note", 'Editor’s note', "Editors' note", 'Editors’ note', 'Disclaimer'],
  },
  {
    // 执笔人 names who wrote a report for its authors (zh-cwce c3f7d079's last line): a credit, not a byline's label.
    kind: 'author',
    strong: ['执笔人', '執筆人', '执笔', '執筆'],
    weak: ['作者', '撰文', 'Reporting by', 'Additional reporting by', 'Writing by'],
  },
  { kind: 'affiliation', strong: ['作者单位', '作者單位'], weak: [] },
];

/** Each label, lower-cased, with its kind and strength (LABELS read at load; a later entry wins, as in LABELS' order). */
const BY_LABEL: ReadonlyMap<string, { kind: Kind; strong: boolean }> = new Map(
  LABELS.flatMap(l => [
    ...l.strong.map((s): [string, { kind: Kind; strong: boolean }] => [s.toLowerCase(), { kind: l.kind, strong: true }]),
    ...l.weak.map((s): [string, { kind: Kind; strong: boolean }] => [s.toLowerCase(), { kind: l.kind, strong: false }]),
  ]),
);
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ALL = [...BY_LABEL.keys()]
  .sort((a, b) => b.length - a.length)
  .map(esc)
  .join('|');

/**
 * A label at a segment start (line start or after a delimiter), followed by a separator: a colon, a bar,
 * or white space ("责编 李四"); "… by" labels need only the space. "编辑部" and "来源于" are no labels.
 */
const SEGMENT = new RegExp(`(?:^|(?<=[\\s|｜丨/／,，;；、·•]))(${ALL})(?:\\s*[:：|｜丨]\\s*|\\s+|(?=[《“「"]))`, 'giu');

const PAIRS: Record<string, string> = { '(': ')', '（': '）', '【': '】', '[': ']', '〔': '〕', '〖': '〗', '<': '>' };
const CLOSERS: ReadonlySet<string> = new Set(Object.values(PAIRS));

/**
 * Strips decorations around a line or value: a bracket pair around all of it ("（原标题：…）", "【责任编辑：…】"),
 * a bracket with no partner ("…王五）" once the line is split), dashes. Balanced brackets inside stay ("[亦观察]No.550").
 */
function unwrap(s: string): string {
  for (;;) {
    s = s.replace(/^[\s—–-]+|[\s—–-]+$/g, '');
    const first = s[0] ?? '',
      last = s[s.length - 1] ?? '';
    if (PAIRS[first] && last === PAIRS[first] && !s.slice(1, -1).includes(first)) {
      s = s.slice(1, -1);
      continue;
    }
    if (PAIRS[first] && !s.includes(PAIRS[first]!)) {
      s = s.slice(1);
      continue;
    }
    if (CLOSERS.has(last)) {
      const open = Object.keys(PAIRS).find(k => PAIRS[k] === last)!;
      if (!s.includes(open)) {
        s = s.slice(0, -1);
        continue;
      }
    }
    return s;
  }
}

/**
 * A date or time that may lead a credit line ("2015-06-19 07:27:06 来源：…", "发布时间：2022-02-13 04:22:18",
 * "2005-01-06 08:13更新"; zh-cwce's yahoo and yunnan pages), with its parts captured.
 */
const DATE =
  /^(?:(?:发布时间|發佈時間|发布日期|發佈日期|发表时间|發表時間|时间|時間|日期)\s*[:：]?\s*)?(?:(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*(?:(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?\s*(?:更新|发布|發佈|发表|發表)?$/;

/** The date DATE captured, as YYYY-MM-DDTHH:MM[:SS] (the page's own clock: no time zone is printed). */
export function isoOf(m: RegExpMatchArray | null): string | null {
  if (!m?.[1]) return null;
  const p2 = (x: string) => x.padStart(2, '0');
  const day = `${m[1]}-${p2(m[2]!)}-${p2(m[3]!)}`;
  return m[4] ? `${day}T${p2(m[4])}:${m[5]}${m[6] ? `:${m[6]}` : ''}` : day;
}

/** "编 辑：", "责 任 编 辑：": a label spelled with a space between its characters, as portal templates letter-space it. */
const SPACED_LABEL = /(?<=^|[\s|｜丨【（([])((?:\p{Script=Han}[^\S\n]+){1,3}\p{Script=Han})(?=\s*[:：|｜丨])/gu;

/** Sources that name no outlet: a repost, the internet, the site itself ("来源：转载", "来源：网络"): the line moves, no field is filled. */
export const GENERIC_SOURCE = /^(?:转载|轉載|转载文章|轉載文章|网络|網絡|網路|互联网|互聯網|未知|本站|本网|本網)$/u;

/** A CMS code glued to a name ("周宁_NF5512", 163's "王晓_NF1234"): the code is no part of the name. */
const CMS_CODE = /[_＿]\s*[A-Za-z]{1,4}\d{2,6}$/;

/**
 * Counters that share a line with the source on news pages ("2025-03-18 09:12 来源：长江日报 评论(126)",
 * fixture zh-aggregator-inline-blocks): furniture, dropped before the line is parsed.
 */
const COUNTERS = /(?:^|\s)(?:评论|評論|阅读|閱讀|浏览|瀏覽|点赞|點讚|收藏|分享)\s*[（(]?\s*\d+\s*[)）]?(?=\s|$)/g;
/** A blog's counters in one bracket after the post's date ("发表于 2004年12月27日 12:40 - (阅读:3727;评论:63)"; zh-cwce 54e89e4e). */
const BRACKET_COUNTERS = /[（(]\s*(?:(?:阅读|閱讀|评论|評論|浏览|瀏覽|点击|點擊|引用)\s*[:：]\s*\d+\s*[;；,，]?\s*)+[)）]/g;

/**
 * Longest value per field, in characters: names and publishers are short (the longest on the held-out
 * pages was a 20-character 报社 + 客户端 name; 40 is 2× margin), original titles are headlines (≤ 80, twice
 * a long Chinese headline), disclaimers are a few sentences (sohu/163's 特别声明 is ~90 characters; 300 margin).
 */
const MAX: Record<Kind, number> = { source: 40, editor: 40, author: 40, originalTitle: 80, disclaimer: 300, affiliation: 60 };

/** The whole line, when a credit line may be this long at all (the longest MAX plus its label). */
const MAX_LINE = 320;

/**
 * Parses `line` as a credit line; null when it is not one. `edge`: the line sits among the first or last
 * blocks of the body, where weak labels count too; elsewhere at least one strong label is needed.
 */
export function creditLine(line: string, edge: boolean): (Credits & { found: Record<string, true>; authorOnly?: true }) | null {
  if (line.length > MAX_LINE) return null;
  const t = unwrap(line.replace(COUNTERS, ' ').replace(BRACKET_COUNTERS, ' ').trim()).replace(SPACED_LABEL, squeeze);
  const hits: { label: string; start: number; valueStart: number }[] = [];
  SEGMENT.lastIndex = 0;
  for (let m; (m = SEGMENT.exec(t)); ) {
    // A Latin label needs a colon or bar ("Source: Reuters"), else "Source code" would be a credit; "… by" needs none.
    if (/^[a-z]/i.test(m[1]!) && !/ by$/i.test(m[1]!) && !/[:：|｜丨]/.test(m[0])) continue;
    hits.push({ label: m[1]!.toLowerCase(), start: m.index, valueStart: m.index + m[0].length });
  }
  if (!hits.length) return dateLine(t, edge) ?? phraseCredit(t, edge);
  const date = t.slice(0, hits[0]!.start).trim().match(DATE);
  if (!date) return null;
  const out = { ...noCredits(), published: isoOf(date) };
  // A label alone ("责任编辑：", "Editor:"): a CMS left the name out; the line is no article text.
  if (hits.length === 1 && hits[0]!.valueStart >= t.length && hits[0]!.start === 0 && /[:：|｜丨]\s*$/.test(t)) {
    const info = BY_LABEL.get(hits[0]!.label)!;
    if (info.kind === 'author' || (!edge && !info.strong)) return null;
    out.found[info.kind] = true;
    return out;
  }
  let strong = false,
    credit = false;
  const editors: string[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const info = BY_LABEL.get(h.label)!;
    // Disclaimers and original titles run to the line's end: their text may hold another label word.
    const end = info.kind === 'disclaimer' || info.kind === 'originalTitle' ? t.length : (hits[i + 1]?.start ?? t.length);
    const value = t.slice(h.valueStart, end).replace(/^[\s:：|｜丨]+|[\s|｜丨/／,，;；、·•]+$/g, '');
    let clean = unwrap(value);
    if (info.kind === 'editor' || info.kind === 'author') clean = clean.replace(CMS_CODE, '').trim();
    if (info.kind === 'originalTitle' || info.kind === 'source') clean = unwrapTitle(clean);
    // A source named in 《》 with its issue and length after it ("摘自《江城社会科学》2001年第3期，原文约12，000字"): the name.
    const issue = info.kind === 'source' ? clean.match(/^《([^》]{2,30})》(.{0,40})$/u) : null;
    if (issue && !hasSentence(issue[2]!, { clauses: false })) clean = issue[1]!;
    if (!clean || clean.length > MAX[info.kind]) return null;
    if (info.kind !== 'disclaimer' && info.kind !== 'originalTitle' && hasSentence(clean, { clauses: false })) return null; // a sentence is prose, not a name
    strong ||= info.strong;
    if (info.kind !== 'author') credit = true;
    const label = t.slice(h.start, h.valueStart).replace(/[\s:：|｜丨]+$/, '');
    if (info.kind === 'editor')
      editors.push(/ by$/i.test(label) ? `${label} ${clean}` : `${label}${/^[a-z]/i.test(label) ? ': ' : '：'}${clean}`);
    else if (info.kind === 'disclaimer') out.disclaimer ??= `${label}${/^[a-z]/i.test(label) ? ': ' : '：'}${clean}`;
    else out[info.kind] ??= clean;
    out.found[info.kind] = true;
    if (end === t.length) break;
  }
  // "作者：张三" alone is a byline, Readability's business, unless the block holds another credit ("作者：…/译：…/date").
  if (!credit && !strong) return { ...out, authorOnly: true };
  if (!edge && !strong) return null;
  if (editors.length) out.editor = editors.join(' · ');
  return out;
}

/** Month names of a Latin date line ("Saturday, September 10th, 2005 10:56 am"; zh-cwce 35687fb1), three letters each. */
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
/** A Latin date line: an optional weekday, month name, day, year and an optional time with am/pm. */
const LATIN_DATE =
  /^(?:(?:posted|published)(?: on)?:?\s+)?(?:[a-z]+day,?\s+)?([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})(?:,?\s+(\d{1,2}):(\d{2})\s*([ap])\.?m\.?)?$/i;
/** A year and month alone ("2003年5月" under a report's author; zh-cwce c3f7d079), as YYYY-MM. */
const MONTH_ONLY = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月$/u;
/** A date line's label: "发表于 …", "Posted on …" (DATE reads 发布时间/日期 itself). */
const POSTED = /^(?:发表于|發表於|发布于|發佈於|发布於)\s*[:：]?\s*/u;

/**
 * A line that is only a date: "2005年1月2日", "发表于 2005-01-02 10:56", "2003年5月", "Saturday, September 10th, 2005
 * 10:56 am" (the page's time, no zone). Only at the body's edges, where the article's date is printed.
 */
function dateLine(t: string, edge: boolean): (Credits & { found: Record<string, true> }) | null {
  if (!edge) return null;
  const s = t.replace(POSTED, '');
  let published: string | null = null;
  const d = s.match(DATE);
  if (d?.[1]) published = isoOf(d);
  const m = s.match(MONTH_ONLY);
  if (m) published = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  const l = s.match(LATIN_DATE);
  const at = l ? MONTHS.indexOf(l[1]!.toLowerCase()) : -1;
  const month = at / 3;
  if (l && at >= 0 && at % 3 === 0) {
    const day = `${l[3]}-${String(month + 1).padStart(2, '0')}-${l[2]!.padStart(2, '0')}`;
    const h = l[4] ? (+l[4] % 12) + (/p/i.test(l[6] ?? '') ? 12 : 0) : -1;
    published = h >= 0 ? `${day}T${String(h).padStart(2, '0')}:${l[5]}` : day;
  }
  if (!published) return null;
  return { ...noCredits(), lineDate: published, found: { lineDate: true } };
}

/** A parsed credit line with no field filled yet. */
export const noCredits = (): Credits & { found: Record<string, true>; authorOnly?: true } => ({
  source: null,
  originalTitle: null,
  editor: null,
  disclaimer: null,
  author: null,
  found: {},
});

/** 《…》 or quotes around a whole original title: the title is inside them. */
function unwrapTitle(s: string): string {
  const m = s.match(/^[《“"「『‘'](.+)[》”"」』’']$/u);
  return m ? m[1]!.trim() : s;
}

/**
 * Credit lines that are phrases rather than "label：value": a reporter line (本报记者 张三 通讯员 李四, 記者 何思敏／香港報導,
 * 新京报记者 彭冲 山东冠县报道), 本文来自X，更多…, X供稿, a no-repost notice (…原创文章，未经允许不得转载), "This article was
 * originally published as “…”". Each is short, holds no sentence but its own, and counts only at the body's edges.
 */
function phraseCredit(t: string, edge: boolean): (Credits & { found: Record<string, true> }) | null {
  if (!edge || t.length > PHRASE_MAX) return null;
  const out = noCredits();
  let m: RegExpMatchArray | null;
  if (REPORTER.test(t)) {
    out.author = t;
    out.found.author = true;
    return out;
  }
  if ((m = t.match(FROM_SOURCE))) {
    out.source = unwrapTitle(m[1]!.trim());
    out.found.source = true;
    return out;
  }
  if ((m = t.match(CONTRIBUTED))) {
    out.source = m[1]!.trim();
    out.found.source = true;
    return out;
  }
  if (NO_REPOST.test(t) && (t.match(/[。！!]/g)?.length ?? 0) <= 1) {
    out.disclaimer = t.replace(/[。.]$/, '');
    out.found.disclaimer = true;
    return out;
  }
  if ((m = t.match(EXCERPTED))) {
    out.source = m[1]!.trim();
    out.found.source = true;
    return out;
  }
  if ((m = t.match(ORIGINALLY) ?? t.match(FIRST_PUBLISHED))) {
    out.originalTitle = m[1]!.trim();
    out.found.originalTitle = true;
    return out;
  }
  if ((m = t.match(DATED_PAPER))) {
    out.published = isoOf(m[1]!.trim().match(DATE));
    out.source = m[2]!;
    out.found.source = true;
    return out;
  }
  return null;
}

/**
 * The longest phrase credit line: "本文来自X，更多原创资讯请下载X客户端" is ~30, a reporter line with four names ~35, an
 * English "This article was originally published as “…”" ~85; margin above each.
 */
const PHRASE_MAX = 120;
/** Names in a reporter line: two to four Han characters (or a middle-dot name), separated by spaces or 、. */
const NAMES = '[\\p{Script=Han}·]{2,5}(?:[\\s、，,]+[\\p{Script=Han}·]{2,5}){0,5}';
const ROLE =
  '(?:特约|特約|实习|實習|首席|驻[\\p{Script=Han}]{1,4}|駐[\\p{Script=Han}]{1,4})?(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影|攝影)';
/**
 * A reporter line: an optional outlet (本报, 光明日报, 新华网黑龙江频道), a role and names, more roles and names,
 * an optional "…报道 / 發自… / 摄" tail (zh-cwce 3e1af229, a0cb0242, b4c2eccd, d8d4c4ec, ab65832c).
 */
const REPORTER = new RegExp(
  `^(?:[\\p{Script=Han}·]{1,12}\\s*)??${ROLE}\\s*${NAMES}(?:\\s+${ROLE}\\s*${NAMES})*(?:\\s*[／/|]?\\s*(?:[\\p{Script=Han}]{0,8}(?:报道|報導|報道)|(?:发自|發自)[\\p{Script=Han}]{2,8}|摄|攝))?$`,
  'u',
);
/** 本文来自X，更多原创资讯请下载… / 本文轉載自X: the outlet is X. */
const FROM_SOURCE = /^(?:本文|文章|本稿)(?:来自|來自|转载自|轉載自|转自|轉自)\s*([^，,。！!：:]{2,20}?)(?:[，,].{0,40})?[。.]?$/u;
/** 图文由X供稿 / X供稿: the outlet is X ("…受访者供图" is a picture's credit, not the article's source). */
const CONTRIBUTED = /^(?:图文|圖文|文字|本文|稿件)?由?\s*([^，,。！!：:\s/／]{2,20}?)\s*供稿[。.]?$/u;
/** A no-repost or provenance notice: "滨江网原创文章，未经允许不得转载", "信息来源于网络", "版权归原作者所有". */
const NO_REPOST =
  /(?:未经[^。]{0,10}(?:允许|授权|许可|同意)[^。]{0,10}(?:转载|使用)|未經[^。]{0,10}(?:允許|授權|許可|同意)[^。]{0,10}(?:轉載|使用)|(?:不得|严禁|禁止|嚴禁)(?:转载|轉載)|(?:信息|资料|圖片|图片)来源于网络|(?:資料|圖片)來源於網路|版权归|版權歸)/u;
/** A date and a paper's name, no label ("2003-7-24 钱江晚报"; zh-cwce ab65832c): the name ends in a paper's or site's word. */
const DATED_PAPER =
  /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)\s+([\p{Script=Han}]{2,10}(?:报|報|网|網|社|台|刊|新闻|新聞|客户端|客戶端))$/u;
/**
 * "(摘自《上海社会科学院学术季刊》2000年第2期，原文约15，000字)《新华文摘》2000年第09期" (zh-cwce 77fa9435): the excerpt's
 * source is the first 《…》, with the issue and length beside it in the brackets and the reprint's 《…》 after them.
 */
const EXCERPTED =
  /^[（(]\s*(?:摘自|选自|選自|原载|原載|转自|轉自|原载于|原載於)\s*《([^》]{2,30})》[^)）]{0,40}[)）](?:\s*《[^》]{2,30}》[^，。,.]{0,20})?$/u;
/** "本文最先用英文出版，题为 Advice for …" (zh-cwce d02c66a2): the title it first had. */
const FIRST_PUBLISHED =
  /^本文(?:最先|最早|原)?(?:用|以)?\S{0,4}(?:出版|发表|發表|刊出)[，,]?\s*(?:题为|題為|原题为|原題為)\s*[“"《]?(.+?)[”"》]?[。.]?$/u;
/** "This article was originally published as “…”", "Originally titled …". */
const ORIGINALLY =
  /^(?:this (?:article|story|piece) was )?originally (?:published|titled|headlined|ran)(?: as| under the (?:title|headline))?\s*[“"‘'](.+?)[”"’'][.]?$/iu;
