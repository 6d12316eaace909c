/** Shared types of the pure cleanup core: what goes in, what comes out. */

/** One block the cleanup removed, reported to the person and the CLI's JSON. */
export interface Removal {
  /** The id of the rule that removed it (the key of its per-site switch). */
  ruleId: string;
  /** Why, in words: the matched selector or label. */
  reason: string;
  /** The first characters of the removed text. */
  preview: string;
  /** How many characters of text the block held. */
  chars: number;
}

/** Reading time in whole minutes; min/max bound the estimate (±1 SD of the reading rate). */
export interface ReadingTime {
  minutes: number;
  min: number;
  max: number;
}

/** A rule that matched the page's site (whether or not it removed anything). */
export interface RuleSummary {
  id: string;
  title: string;
  /** False when the person switched it off for this site. */
  enabled: boolean;
  /** How many blocks it removed on this page. */
  removed: number;
}

/** The clean article, ready to render and export (html is already sanitized). */
export interface Article {
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
  url: string;
  excerpt: string | null;
  readingTime: ReadingTime;
  /** 本文来源 / "Source:" taken out of the body (removals/credit-lines.ts): who published the article first. */
  source: string | null;
  /** 原标题 taken out of the body: the title the article had where it came from. */
  originalTitle: string | null;
  /** Editing credits taken out of the body, labels kept ("责任编辑：张三", "Edited by Jane Doe"). */
  editor: string | null;
  /** 声明 / 免责声明 / "Editor's note" taken out of the body, label kept. */
  disclaimer: string | null;

  /** Sanitized article HTML (DOMPurify), links absolute. */
  html: string;
  /** Plain text export (see export/text.ts). */
  text: string;
  removed: Removal[];
  /** Rules that apply to this page's site, with their switch state. */
  rules: RuleSummary[];
}

/** What the page says about its own title (meta/title.ts), read from the live page. */
export interface TitleEvidence {
  /** h1 texts and og:title / twitter:title: the page's own headline candidates. */
  headlines: string[];
  /** The h1 texts alone: an h1 equal to the whole title says its " - " is the headline's own. */
  h1s: string[];
  /** og:site_name, application-name (Readability's siteName is added by the article stage). */
  siteNames: string[];
  /** The host name, for "theverge" in "The Verge". */
  host: string;
  /** The page's own <title>, before Readability cut or flipped it ("headline - column" read as the column). */
  docTitle?: string;
}

/** What the page prints about itself where no meta tag Readability reads says it (meta/printed.ts). */
export interface PrintedFacts {
  /** YYYY-MM-DD[THH:MM[:SS]], the page's own clock. */
  date: string | null;
  source: string | null;
  author: string | null;
  /** A WeChat article's account name (its og:site_name is the platform). */
  account: string | null;
}

/** What the page half reads for the printed facts (meta/printed-text.ts), as text; '' where the page has none. */
export interface PrintedText {
  /** The text nodes under the headline, one a line, up to about 200 characters. */
  near: string;
  /** The meta tags whose key holds "dat" or "tim", one "key content" a line. */
  metas: string;
  /** A WeChat article's account name (#js_name). */
  account: string;
}

/** What Readability said about the page, as both the page half and the article stage hand it on. */
export interface PageFacts {
  /** Readability's title; in Extracted the site's suffix is still on it (the article stage cuts it on evidence). */
  title: string;
  byline: string | null;
  siteName: string | null;
  /** The language the page declares (Readability's, else <html lang>); finish.ts detects one from the text. */
  declaredLang: string | null;
  publishedTime: string | null;
  url: string;
  excerpt: string | null;
  /** Readability's isProbablyReaderable on the live page: a doubtful short or link-heavy result on a page that is not readerable is no article. */
  readerable: boolean;
}

/**
 * What the page half (pipeline/extract.ts) hands on: Readability's article after pre-pruning, before the article stage
 * (pipeline/settle.ts) and sanitizing. It crosses from the page's process to the popup, so the receiver treats every
 * field as untrusted.
 */
export interface Extracted extends PageFacts {
  /** Readability's article HTML after pre-pruning: NOT post-pruned, normalized or sanitized. */
  html: string;
  /** The base URL the article's links resolve against (the page's <base href> or its URL). */
  base: string;
  titleEvidence: Omit<TitleEvidence, 'host'>;
  /** The date line under the headline and the like (meta/printed-text.ts); optional: an older page half sends none. */
  printed?: PrintedText;
  /**
   * For the never-worse check (pipeline/never-worse.ts): whether pre-pruning removed anything, and whether
   * Readability's pick sits well above a pruned block's former place. null: a content selector chose the article.
   */
  guard: { pruned: boolean; climbed: boolean } | null;
  /** What pre-pruning removed. */
  removed: Removal[];
}

/**
 * The article after the article stage (pipeline/settle.ts): post-pruned, credit lines in their fields, title cut,
 * links absolute; not yet sanitized. finish.ts makes an Article of it.
 */
export interface Settled extends PageFacts {
  /** The article's HTML after the article stage: NOT sanitized. */
  html: string;
  /** 本文来源 / "Source:" taken out of the body (removals/credit-lines.ts): who published the article first. */
  source: string | null;
  /** 原标题 taken out of the body: the title the article had where it came from. */
  originalTitle: string | null;
  /** Editing credits taken out of the body, labels kept ("责任编辑：张三", "Edited by Jane Doe"). */
  editor: string | null;
  /** 声明 / 免责声明 / "Editor's note" taken out of the body, label kept. */
  disclaimer: string | null;
  removed: Removal[];
  rules: RuleSummary[];
}
