/**
 * Every threshold the heuristics compare against, in one place, each with where its number came from;
 * read as `THRESHOLDS.name` (`import * as THRESHOLDS`), so a bundle keeps only the numbers its code reads.
 * Models: Readability's commented constants (Readability.js, `DEFAULT_CHAR_THRESHOLD`, the 0.2/0.5 link
 * densities of `_cleanConditionally`) and defuddle's src/constants.ts. Numbers marked "margin" were not
 * fitted to a corpus: they sit well outside what the named pages and fixtures show on both sides.
 */

// ---- labels ---------------------------------------------------------------------------------------
/** A rule label's maximum length (rules/parse.ts LIMITS.labelLength): "Further reading on this site", the longest bundled one, is 28. */
export const labelLength = 40;
/**
 * Raw text longer than this is never a label, given the longest normalized label `max`: decorations
 * ("【 大家都在看 】 更多>>") at most double a label and add a "more" tail (margin; zh-label-decorations).
 */
export const labelTextLimit = (max: number): number => max * 3 + 40;
/** A "more" tail after a label ("查看全部", "viewmore": removals/labels.ts MORE_TAIL's longest) adds at most this many characters. */
export const moreTailChars = 8;
/** A "more" link that names its target ("更多精彩资讯请点击网易股票" is 13, cx163 page 12) is at most this long. */
export const moreLinkChars = 16;
/** Text beside a label that is still part of its box: "Sponsored", "更多>>", "广告", a count (en-sponsored-widgets-see-all). */
export const badgeChars = 12;
/**
 * A heading that *contains* a label word ("APP精彩推荐", "热门H5手游", "More News from Harbor Times") is a label
 * only while it is this narrow, decorations trimmed, a Han/kana character counting two (removals/label-words.ts
 * labelWidth): the examples are 8–11 wide in Chinese ("APP精彩推荐" 11), and "morenewsfrom" + a
 * site name is ~24; "为什么算法推荐总让我们看到同样的新闻" (36) is a sentence, not a label.
 */
export const wordLabelWidth = 24;
/** Raw text of a word label is at most this many normalized characters (a width of 24 in Latin letters). */
export const wordLabelChars = 24;

// ---- module shape (text/shape.ts) ------------------------------------------------------------------
/** One link is a module only beside at most this much prose: a 相关专题 box's caption is 4 (zh-mid-article-teaser-cards). Margin ×5. */
export const singleLinkProse = 20;
/**
 * Link share at or above which a block is links, not prose: Readability's _cleanConditionally removes a
 * block of weight ≥ 25 with linkDensity > 0.5; every module in the fixtures and seed is ≥ 0.6 except teaser cards.
 */
export const linkHeavy = 0.5;
/** Cards: prose per link at most this; the most in our pages is 18.7 (zh-mid-article-teaser-cards' teasers). Margin ×3. */
export const prosePerLink = 60;
/** Cards: no run of prose longer than this; the longest teaser seen is 16 (en-sponsored-widgets-see-all). Margin ×10, under one paragraph. */
export const cardProse = 160;
/** A card a script makes a link (dom/link-cards.ts) holds a headline and a teaser: at most headlineMax + cardProse characters. */
export const cardTextMax = 120 + 160;
/** Prose ('paragraph', text/shape.ts isProse): at least this much non-link text, about two lines of a Chinese column (40 characters a line at 16px in 640px). */
export const proseChars = 80;
/** Prose ('paragraph'): one run this long is a paragraph even without sentence endings (three lines of Chinese). */
export const proseRun = 120;
/**
 * Prose ('block', the never-worse check's blocks): at least this long in Latin text, whitespace folded: a
 * paragraph of two sentences (Readability appends a sibling paragraph at > 80 characters).
 */
export const blockProseChars = 120;
/** Prose ('block'): or at least this many Han characters (a Chinese sentence carries about three times the content per character). */
export const blockProseHan = 40;
/** Prose ('block'): link text below this share (teaser lines are mostly links). */
export const blockProseLinkShare = 0.3;

// ---- a stricter shape for word labels and edge menus -------------------------------------------------
/** A module under a word label must be at least this link-heavy: every module the bundled labels find is ≥ 0.6 (the table above) but teaser cards. */
export const wordModuleShare = 0.6;
/** …and have at least this many links: a two-item "list" under "编辑推荐" is too little to tell from a heading over a link. */
export const wordModuleLinks = 2;
/** A menu or breadcrumb item: a link of at most this many characters (首页, 资讯, 国际新闻, "Business"). Chinese channel names are 2–4. */
export const menuItemChars = 10;
/**
 * A run of menu items is a menu from this many links on: channel menus carry five or more (首页 资讯 游戏
 * 视频 …); three short links under a heading are a short recommendation list (test/core/rules.test.ts, おすすめ記事).
 */
export const menuLinks = 4;
/** A breadcrumb ("首页 > 财经 > 正文": separators between links) is a menu from two links on. */
export const breadcrumbLinks = 2;
/**
 * A breadcrumb's label before its first link is at most this long: 当前位置 4 (zh-cwce 455de1c0), 您现在的位置 6,
 * "Youarehere" 10; a sentence before links is longer. Margin ×1.2 over the English.
 */
export const crumbLabelChars = 12;
/** A menu's text is at least this much links (separators "|", ">" and spaces are the rest). Readability's 0.5 is for prose blocks; menus are ≈ 1. */
export const menuShare = 0.8;
/**
 * The menu and headline-list searches descend at most this many levels into the article's first or last
 * block (a menu inside a wrapper inside the article's column). Margin: the wrappers real pages put around
 * the article's edge blocks are a few levels deep (maxDepth: the deepest real page nests 38 in all). Inline
 * wrappers (span, b, font, u …) are no such level: old templates wrap the whole column in `<font><b><span>`
 * layers (zh-cwce d7605742: the foot pager 返目录 下一页 sits nine levels down, five of them inline); the walk
 * through them stops at maxDepth levels in all.
 */
export const edgeDepth = 8;
/**
 * A pager without links (removals/pager-line.ts) is at most this long: "第1页/共1页<<上一页|下一页>>" is 19
 * (zh-cwce c268c1b4), "«Previous|Page2of9|Next»" 22. Margin ×2.
 */
export const pagerLineChars = 40;
/**
 * …and is among this many lines (leaf blocks with text) from the article's top or end: zh-cwce c268c1b4's top
 * pager is the 2nd (the row's other cell is the credit line), its foot pager the 4th from the end (under it, three
 * emptied module headings 热点专题 精彩回顾 消费热点).
 */
export const pagerEdgeBlocks = 4;

// ---- a site's headline list at the article's foot (removals/edge-lists.ts) -----------------------------
/** A headline is at least this long: "沪指3周重挫近30%" is 10 (cx163 page 12); menu items (首页, 资讯) are 2–4. */
export const headlineMin = 6;
/** …and at most this long: an English headline of ~20 words squeezed; a link longer than that is a sentence or a URL. */
export const headlineMax = 120;
/** A headline list has at least this many links; fewer under a short heading is a "see also" pair the article may mean. */
export const headlineListLinks = 3;
/**
 * A headline list with no heading at all ends the article with at least this many links: one more than a headed
 * list needs, since nothing names it (margin; a site's unlabelled "more news" list under its articles shows 5–10).
 */
export const headlessListLinks = 4;
/** …at least this share of them to the page's own site (relative links count): a list of sources points elsewhere. */
export const headlineSameSite = 2 / 3;

// ---- furniture lines -------------------------------------------------------------------------------
/**
 * A furniture line or box is at most this many characters: the longest furniture line in the list
 * is a WeChat footer "长按识别下方二维码，关注…公众号，回复【…】获取…" (~40); an article paragraph is longer
 * than two lines (proseChars). English boxes ("Sign up for our newsletter … inbox") reach 70.
 */
export const furnitureChars = 80;
/** A text node longer than this (whitespace included) is never read for a phrase: four furniture boxes' worth. */
export const furnitureRawChars = 80 * 4;
/** A furniture box grows over its parent only while the parent adds at most this much non-link text: a caption beside a QR code ("关注我们，获取更多资讯" is 11). Margin ×2. */
export const furnitureGrowChars = 24;
/**
 * A phrase is looked for, and its box grown, at most this many levels up: a share bar is a label, an icon
 * list and a wrapper or two (cx163's 163.com bars: 3); without a cap, tables nested 2,000 deep with a few
 * characters per level made every text node climb the whole page (test/hostile/huge.test.ts).
 */
export const furnitureDepth = 6;

// ---- the article's foot: notice sections, copyright lines (removals/notice-section.ts, copyright-line.ts) ----
/**
 * A notice section's heading is among this many leaf blocks from the article's end: zh-cwce 3e1af229's
 * "反侵权公告：" is 7th from the end (heading, the law paragraph, three clauses, two contact lines), 9b1e5dcb's
 * "郑 重 声 明" 6th (five numbered rules). A subheading "声明" further up heads the article's own text.
 */
export const noticeBlocks = 8;
/**
 * A notice heading is at most this wide, a Han character counting two (removals/label-words.ts labelWidth): 8 Han
 * characters (反侵权公告 5, 郑重声明 4, 版权声明 4, 免责声明 4) or "Legal notice" / "Copyright notice" (11, 15);
 * "关于规范网络转载行为的郑重声明" (15 Han) is a title, not a site's boilerplate heading.
 */
export const noticeHeadingWidth = 16;
/**
 * A copyright line is at most this long, whitespace excluded: "Copyright © 2000-2006 CL2000.com. All rights
 * reserved." is 46 (zh-cwce 0df12126); a footer with an address and a licence number reaches ~70. An article's
 * closing paragraph that mentions 版权所有 is longer than two lines (THRESHOLDS.proseChars is 80).
 */
export const copyrightChars = 80;

// ---- wiki furniture (removals/navbox.ts) ----------------------------------------------------------------
/**
 * A navbox table at the article's end is at least this much links: zh-cwce d5bced5e's five end tables are 0.57,
 * 0.65, 0.85, 0.89 and 0.98 (authority control); the article's own data tables there are 0.26–0.45, and the
 * Readability corpus's wikipedia pages end on no table. Readability's own link-heavy line (linkHeavy) sits between.
 */
export const navboxLinkShare = 0.5;

// ---- the pipeline (pipeline/extract.ts, pipeline/finish.ts) --------------------------------------------
/** Below this many characters of text (whitespace excluded) a result is not an article. */
export const minArticleChars = 40;
/** A content selector's match must hold this much text, or Readability guesses instead (163's near-empty #endText on gallery pages). */
export const minContentChars = 200;
/** On a page Readability doubts, fewer characters than this are not an article; cx163 page 28 is a 110-character brief (with sentences). */
export const minDoubtfulChars = 140;
/** Link share above which a result that Readability itself doubts is a link list, not an article (Readability's 0.5, above). */
export const linkListShare = 0.5;
/** A module never takes more than this share of the text it is found in (an article that is a list keeps its items). */
export const moduleMaxShare = 0.5;

// ---- never worse than plain Readability (pipeline/never-worse.ts) --------------------------------------
/**
 * How far above a pruned block's former parent Readability's chosen container may sit before a climb is
 * suspected. 1: Readability picked that parent itself (seed-inline: modules inside the article column); 2:
 * its parent (an <article> around the body <div>). 3 or more: the container is a grandparent of the body
 * that held the modules, as on fixture en-prune-changes-readability-pick (container > story > story-body).
 * From that page; margin 1.
 */
export const climbDepth = 3;
/**
 * A result with less text than this (whitespace excluded) after pruning may have lost its article to a
 * smaller container (the other way pruning can change Readability's pick); a second run on so small a
 * result is cheap. 500 is Readability's own DEFAULT_CHAR_THRESHOLD for "this is an article".
 */
export const smallResultChars = 500;
/** The plain run keeps the pruned run's prose when it holds this share of it: one short prose block of twenty may differ (a caption Readability keeps in one run, not the other). */
export const keptProseShare = 0.95;

// ---- nesting (dom/flatten.ts) ----------------------------------------------------------------------------
/**
 * Nesting below `body` that is left alone: over three times the deepest of 227 measured pages (cx163, the
 * Readability corpus, the seed pages, our fixtures: 38 levels, the median 15; parse5, `maxDepth` over the
 * documents, 2026-11-29). A browser hands Readability up to 512 levels (Blink's parser cap).
 */
export const maxDepth = 128;
/**
 * Past maxDepth content elements (a paragraph, its links and emphasis) are kept for this many more levels,
 * then unwrapped too. A paragraph's own markup is a few levels deep on the pages measured above; 16 keeps it
 * whole, while 2,000 nested <b> (test/core/flatten.test.ts) stay bounded.
 */
export const contentLevels = 16;

/**
 * The pager's numbers (issue 19: multi-page articles), each with where it came from. Test pages:
 * test/e2e/pages/paged/ (test/core/pager-detect.test.ts).
 */
export const PAGER = {
  /**
   * A pager's surroundings are read from the nearest ancestor holding at least this much text besides the
   * pager: a short article's worth (THRESHOLDS.minContentChars is 200), so a pager right under the article's last
   * paragraph is judged by the article's column, not by one paragraph nor by the whole page with its menus.
   */
  scopeChars: 200,
  /**
   * A listing shows at least this many headline links around its pager: a channel page lists 10–40 stories
   * (paged/list: 12); an article's own "related" box beside the pager holds 3–6 (THRESHOLDS.headlineListLinks is 3).
   */
  listHeadlines: 8,
  /** Most pages merged, the first included (issue 19: "stop … at 20 pages"). */
  maxPages: 20,
  /** The whole merge's time budget in ms (issue 19: "… or at 10 s"). */
  timeMs: 10_000,
  /**
   * Fetches at once when the pager lists the pages: a browser opens 6 connections per host (HTTP/1.1), and
   * the page the person is reading keeps some of them; 3 leaves room and still overlaps the waits.
   */
  concurrency: 3,
} as const;

// ---- the header a page prints in its body (meta/body-headline.ts, removals/edge-lines.ts) ----------------
/**
 * A `<title>` this short (whitespace excluded) names no article: zh-cwce's generic titles "显示" (2; 5dc3fa2d,
 * caee0a34, fddcb19c), "1" and the empty ones (455de1c0, ab65832c). 3 is too many: "海姑娘" is a blog's own name
 * (zh-cwce 59562291, 8f1cdd94), whose first block is a "博客标题" label.
 */
export const genericTitleChars = 2;
/**
 * The body's first block is its headline only while this short (whitespace excluded): zh-cwce's body headlines
 * are 7–22 ("我是怎样卷入八九民运的" 11, "——当代中国的精神危机 (上)" 14, "李简——新外科运动向我们走来" 14); 40 is a long
 * Chinese headline (two lines of a portal's 20-character headline box), margin.
 */
export const bodyHeadlineChars = 40;
/**
 * A line that is only names (a byline, a translator) is at most this long, whitespace and brackets excluded:
 * "赵延东、风笑天" is 7, "（袁源）" 2 (zh-cwce 77fa9435, 4fa9dfe4); four 3-character names and their separators are 15,
 * but a line of four names is a list in the text, not a byline: 12 (issue 20's number).
 */
export const namesLineChars = 12;
/** A Latin names line ("By Jane Doe", "Margaret O'Neill and Tom Hale") is at most this long: two long names and "and". */
export const latinNamesLineChars = 40;

// ---- a lone promo link at the article's edge (removals/promo-link.ts) ------------------------------------
/**
 * The link is at most this long (whitespace excluded): zh-cwce's "发送GP到6666 随时随地查行情" is 14 and
 * "立刻注册新浪免费邮箱，激活1G空间" 16 (33a95b71, e3f3b532); "Subscribe to our newsletter" 24 is longer in
 * letters but a Han character counts one: 20 is issue 20's number, above both Chinese lines.
 */
export const promoLinkChars = 20;
/** A Latin promo link is at most this long: "Download the Harbour Times app" is 26, "Subscribe to our newsletter" 24; margin. */
export const promoLinkLatinChars = 40;

// ---- a forum post's or blog's furniture at the article's foot (removals/post-furniture.ts) ----------------
/** A signature rule is a line of at least this many dashes, equals or underscores ("------------------------------" is 30; zh-cwce c2d9f85c, d519ec93); "--" or "——" in text is punctuation. */
export const signatureRuleChars = 6;
/** Under the rule a signature holds at most this many blocks (a blog's address, the board's "〓 … 发布时间 … by … 〓" line: 2). Margin. */
export const signatureBlocks = 4;
