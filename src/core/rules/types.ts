/** The site-rule format (declarative JSON only: MV3 forbids remote or eval'd code). */

/** One rule as written in site-rules.json or a user rule file. */
export interface Rule {
  /** Stable id: the key of the rule's per-site switch. [a-z0-9-], at most 64 characters. */
  id: string;
  /** Human title shown next to the switch. */
  title: string;
  /** "*" for every site, or registrable domains ("163.com", "sina.com.cn"); subdomains match. */
  sites: string[];
  /** CSS selectors whose elements are removed. */
  remove?: string[];
  /** Heading labels ("大家都在看"): the module such a label heads is removed. */
  labels?: string[];
  /** Exact texts: a block whose whole text is one of these (whitespace ignored) is removed; for one-off lines (exact-text.ts). */
  texts?: string[];
  /**
   * Label words ("推荐", "related"): a short heading (≤ 24 characters, decorations trimmed) that holds one
   * ("APP精彩推荐", "Read more from …") heads a module when what it heads is a list of links.
   */
  labelWords?: string[];
  /** Furniture phrases ("分享到：", "返回顶部", "Report an error"): a short line or box holding one is removed. */
  lines?: string[];
  /** true: runs of short links at the article's top or bottom edge (channel menus, breadcrumbs) are removed. */
  menus?: boolean;
  /** true: a short heading over three or more same-site headline links at the article's foot (a site's own list) is removed. */
  edgeLists?: boolean;
  /** true: source and editor lines (原标题, 本文来源, 责任编辑, 声明 …) move from the body to the header (removals/credit-lines.ts). */
  headerLines?: boolean;
  /** Optional CSS selector of the article body, tried before Readability's own guess. */
  content?: string;
  /** Which page showed the structure the rule targets (documentation, not behaviour). */
  evidence?: string;
}

/** The file: a version and a list of rules. */
export interface RuleFile {
  version: 1;
  rules: Rule[];
}

/** A problem in one rule (or the file), with what a person needs to fix it. */
export interface RuleError {
  /** The rule's id, or "#<index>" when it has none, or "(file)". */
  ruleId: string;
  /** The field at fault ("sites", "remove[2]", …), or "" for the whole rule/file. */
  field: string;
  message: string;
  /** Where the rule came from: a file name, "bundled", "user". */
  source: string;
}

/** The result of reading a rule file: the valid rules and the errors of the rest. */
export interface ParsedRules {
  rules: Rule[];
  errors: RuleError[];
}
