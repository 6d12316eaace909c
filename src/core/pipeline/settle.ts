/**
 * Steps 4–6 of the pipeline, the article stage: (Extracted, request) → Settled. Everything that works on the
 * article alone, outside the page's process (the popup, the CLI): post-pruning (4), the never-worse choice
 * between the pruned and a plain Readability run, with the one re-ask of the page it may need (5), credit lines
 * into header fields, the title's site suffix, absolute links and lazy images (6). The page's HTML is untrusted:
 * it is parsed into an inert document here and sanitized by finish.ts after. Pure: the window is passed in.
 */
import { applyArticleRules } from '../removals/apply-article';
import { removalContext, type RemovalContext } from '../removals/context';
import { chooseRules } from '../rules/choose';
import { plainIsBetter, suspectPrunedPick } from './never-worse';
import { takeHeaderLines } from '../removals/credit-lines';
import { GENERIC_SOURCE } from '../removals/credit-line';
import { takeTitleLines } from '../meta/title-line';
import { takeBodyHeadline, type BodyHeadline } from '../meta/body-headline';
import { printedFacts } from '../meta/printed';
import { cleanTitle, hostOf } from '../meta/title';
import { normalize } from '../dom/normalize';
import { linkCards } from '../dom/link-cards';
import type { Extracted, Removal, RuleSummary, Settled, TitleEvidence } from '../types';
import type { CleanRequest } from './request';

/** A plain Readability run of the page (the request with `plain: true`): its answer, and its element when it ran in this process; null when there is none. */
export type PlainRun = { extracted: Extracted; element?: Element } | null;

/** What settle needs besides the request. */
export interface SettleEnv<P extends PlainRun | Promise<PlainRun> = PlainRun> {
  /** The window whose DOMParser makes the inert document the page's HTML is parsed into (no script runs, nothing loads). */
  window: { DOMParser: { new (): DOMParser } };
  /**
   * Step 5's one re-ask of the page: a plain Readability run of the same request. Called at most once, only
   * when the never-worse check wants it (rarely); synchronous in the CLI and derive.js, a promise in the popup.
   */
  askPlain?: () => P;
  /** Readability's article element, when steps 1–3 ran in this process (clean.ts): no serialize and re-parse. */
  element?: Element;
}

/** The rules for the page: every one matching its site, those switched on, those switched off. */
type Chosen = ReturnType<typeof chooseRules>;

/** One page run, post-pruned. */
interface Run {
  ex: Extracted;
  root: Element;
  /** Pre-pruned (from the page) then post-pruned removals. */
  removed: Removal[];
  /** The post-pruned removals alone. */
  post: Removal[];
  /** The headline and names line the body printed, when the `<title>` names no article (meta/body-headline.ts). */
  head: BodyHeadline | null;
}

/** An untrusted list of strings, bounded (the page's process wrote it). */
const strings = (v: unknown, n = 8): string[] =>
  Array.isArray(v)
    ? v
        .filter((s): s is string => typeof s === 'string')
        .slice(0, n)
        .map(s => s.slice(0, 500))
    : [];

/** The title evidence from the page, bounded, with Readability's site name first (meta/title.ts). */
function evidenceOf(ex: Extracted): TitleEvidence {
  const ev = (ex.titleEvidence ?? {}) as Partial<TitleEvidence>;
  return {
    headlines: strings(ev.headlines),
    h1s: strings(ev.h1s),
    siteNames: [ex.siteName ?? '', ...strings(ev.siteNames)].map(s => s.trim()).filter(Boolean),
    host: hostOf(ex.url),
    docTitle: typeof ev.docTitle === 'string' ? ev.docTitle.slice(0, 500) : '',
  };
}

/**
 * A byline without the label the page printed before the name ("作者：沈一舟", "文｜沈一舟"; "By Jane Doe" keeps its
 * "By"), and no byline where a meta author names no person: a domain or a list of the publisher's names
 * ("www.yunnan.cn,云南日报报业集团,云南网"), a CMS code ("L_104485"), the forum software's credits ("Discuz! Team and
 * Comsenz UI Team"), the site itself ("51offer.com"), a web company ("大汉网络", the CMS's maker) — zh-cwce 9890f458, b26fbb82,
 * 47f387e6, d96c76b7, 4fa9dfe4.
 */
function bylineOf(b: string | null): string | null {
  // A person's home page after the name ("Bradley M. Kuhn (http://ebb.org/bkuhn/)", Readability corpus lwn-1) is no part of it.
  const s = b
    ?.replace(/^(?:作者|作\s者|撰文|文|记者|記者)\s*[:：|｜丨/／]\s*/u, '')
    .replace(/\s*[(（]\s*(?:https?:)?\/\/[^)）]*[)）]/gu, '')
    .trim();
  if (!s || NO_PERSON.test(s)) return null;
  return s;
}
/** See bylineOf. */
const NO_PERSON =
  /(?:^|[\s,，])(?:www\.|https?:)|\.(?:com|cn|net|org)(?:$|[\s,，/])|^[A-Za-z]{1,3}_\d{3,}$|\b(?:Team|Inc\.?|Ltd\.?|Corp\.?)(?:$|\s)|(?:集团|集團|报业|報業)|(?:网络|網絡)$/iu;

/** The byline with the author's organisation after it, as a credit line printed it ("赵延东、风笑天（…社会学系）"). */
function withAffiliation(byline: string | null | undefined, org: string | null | undefined): string | null {
  if (!org) return byline || null;
  if (!byline) return org;
  return byline.includes(org) ? byline : `${byline}（${org}）`;
}

/** Step 4 on one page run: post-prunes its article. */
function postPrune(ex: Extracted, root: Element, ctx: RemovalContext): Run {
  // Link cards read as links to every shape test below (dom/link-cards.ts); only where rules remove, so
  // --no-rules stays plain Readability's article.
  if (ctx.active.length) linkCards(root);
  // The title repeated as the body's first line (Han headlines: Readability's own test finds no words in them),
  // first: the edge menus and credit lines below read the body's top as it is without it.
  const creditRule = ctx.active.find(r => r.headerLines);
  const ev = evidenceOf(ex);
  const title = cleanTitle(ex.title, ev);
  // A generic <title> ("显示", only the site's name): the headline the body prints first is the title.
  const head = creditRule ? takeBodyHeadline(root, title, ev, creditRule.id) : null;
  const titleLines = creditRule ? takeTitleLines(root, [head?.title ?? title, ...ev.h1s.slice(0, 1)], creditRule.id) : [];
  const post = [...(head?.removed ?? []), ...titleLines, ...applyArticleRules(root, ctx, ex.url)];
  return { ex, root, post, head, removed: [...(Array.isArray(ex.removed) ? ex.removed : []), ...post] };
}

/**
 * Step 5's choice: the plain run (post-pruned too) when it is better and brings back no block the rules took,
 * else the pruned run.
 */
function neverWorse(pruned: Run, plainRun: PlainRun, parse: (html: string) => Element, ctx: RemovalContext): Run {
  if (!plainRun) return pruned;
  const plain = postPrune(plainRun.extracted, plainRun.element ?? parse(String(plainRun.extracted.html ?? '')), ctx);
  const seen = new Set(plain.post.map(r => `${r.ruleId}\u0000${r.preview}`));
  // Readability drops ids and classes, so a selector's block that pre-pruning took may not be found again in
  // the plain result: then switching would bring back a block the person's rules removed (test/core/derive:
  // an own rule ".app-promo" on a short article). Switch only when every pre-pruned block is gone there too.
  const replayed = (Array.isArray(pruned.ex.removed) ? pruned.ex.removed : []).every(r => seen.has(`${r.ruleId}\u0000${r.preview}`));
  if (replayed && plainIsBetter(pruned.root, plain.root)) {
    return { ...plain, removed: [...plain.post, ...pruned.removed.filter(r => !seen.has(`${r.ruleId}\u0000${r.preview}`))] };
  }
  return pruned;
}

/** Step 6: credit lines, the title, normalizing; the rules' summary. */
function settleRun(run: Run, { active, matching, off }: Chosen, request: CleanRequest): Settled {
  const { ex, root } = run;
  const removed = run.removed.slice();

  // Source and editor lines (原标题, 本文来源, 责任编辑 …) move from the body to the header's fields.
  // A rule with headerLines (bundled: "header-lines") switches it; its id names the removals.
  const creditRule = active.find(r => r.headerLines);
  // The title and first h1 say which line is the headline the names sit under (removals/credit-lines.ts).
  const ev = evidenceOf(ex);
  const credits = creditRule
    ? takeHeaderLines(root, creditRule.id, [run.head?.title || cleanTitle(ex.title, ev), ...ev.h1s.slice(0, 1)])
    : null;
  if (credits) removed.push(...credits.removed);

  // Lazy images, absolute URLs; sanitizing is step 7's (finish.ts).
  normalize(root, typeof ex.base === 'string' ? ex.base : ex.url);

  const rules: RuleSummary[] = matching.map(r => ({
    id: r.id,
    title: r.title,
    enabled: !request.noRules && !off.has(r.id),
    removed: removed.filter(x => x.ruleId === r.id).length,
  }));
  const c = credits?.fields;
  const printed = printedFacts(ex.printed, ex.siteName);
  return {
    // The site's suffix ("…_新浪财经_新浪网") cut where the page shows evidence (meta/title.ts); plain Readability's title with --no-rules.
    title: request.noRules ? ex.title : run.head?.title || cleanTitle(ex.title, evidenceOf(ex)),
    byline: request.noRules
      ? ex.byline
      : withAffiliation(bylineOf(ex.byline) || run.head?.byline || c?.author || printed.author, c?.affiliation),
    siteName: request.noRules ? ex.siteName : printed.account || ex.siteName,
    declaredLang: ex.declaredLang,
    publishedTime: request.noRules ? ex.publishedTime : ex.publishedTime || c?.published || printed.date || c?.lineDate || null,
    url: ex.url,
    excerpt: ex.excerpt,
    html: root.innerHTML,
    readerable: ex.readerable,
    source: (c?.source && !GENERIC_SOURCE.test(c.source) ? c.source : null) ?? (request.noRules ? null : printed.source),
    originalTitle: c?.originalTitle ?? null,
    editor: c?.editor ?? null,
    disclaimer: c?.disclaimer ?? null,
    removed,
    rules,
  };
}

const isPromise = <T>(v: T | Promise<T>): v is Promise<T> => typeof (v as { then?: unknown } | null)?.then === 'function';

/**
 * Steps 4–6 on the page's answer. The never-worse decision is here whole: whether the pruned run is suspect,
 * the one re-ask (`env.askPlain`), and which run to keep. Synchronous when the re-ask is (or is not needed).
 */
export function settle(ex: Extracted, request: CleanRequest, env: SettleEnv<PlainRun>): Settled;
export function settle(ex: Extracted, request: CleanRequest, env: SettleEnv<Promise<PlainRun>>): Settled | Promise<Settled>;
export function settle(ex: Extracted, request: CleanRequest, env: SettleEnv<PlainRun | Promise<PlainRun>>): Settled | Promise<Settled> {
  const parse = inertParser(env.window);
  // 4. Post-prune: one rule choice for the page's URL, for both runs and the summary (the plain run is of the same page).
  const chosen = chooseRules(request, ex.url);
  const ctx = removalContext(chosen.active, chosen.matching);
  const pruned = postPrune(ex, env.element ?? parse(String(ex.html ?? '')), ctx);
  // 5. Never worse than plain Readability: re-ask the page only when the pruned run is suspect (never-worse.ts).
  const plain = suspectPrunedPick(pruned.root, ex.guard ?? null) ? (env.askPlain?.() ?? null) : null;
  // 6. Credit lines, title, normalizing.
  const done = (p: PlainRun) => settleRun(neverWorse(pruned, p, parse, ctx), chosen, request);
  return isPromise(plain) ? plain.then(done) : done(plain);
}

/**
 * The parse for a window: an element of a fresh DOMParser document (inert: no script runs, nothing loads)
 * holding the HTML, detached like Readability's own result (the rule code relies on that: see removals/apply-page.ts).
 * The HTML is parsed after a <body> tag, so whatever it holds lands in the body, then moved into the element.
 */
function inertParser(win: { DOMParser: { new (): DOMParser } }): (html: string) => Element {
  return html => {
    const doc = new win.DOMParser().parseFromString(`<!doctype html><html><body>${html}`, 'text/html');
    const root = doc.createElement('div');
    for (let c = doc.body.firstChild; c; c = doc.body.firstChild) root.appendChild(c);
    return root;
  };
}
