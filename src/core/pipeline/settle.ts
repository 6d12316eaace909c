/**
 * The article stage: Extracted → Settled. Everything that works on the article alone, outside the page's
 * process (the popup, the CLI; issue: speed and size): post-pruning (furniture lines, edge menus, headline
 * lists and the page half's rules again), the never-worse choice between the pruned and a plain Readability
 * run, credit lines into header fields, the title's site suffix, absolute links and lazy images. The page
 * half's HTML is untrusted: it is parsed into an inert document here and sanitized by finish.ts after.
 * Pure: the document to parse into is passed in.
 */
import { applyArticleRules } from '../removals/apply-article';
import { removalContext, type RemovalContext } from '../removals/context';
import { chooseRules, type RuleChoice } from '../rules/choose';
import { plainIsBetter, suspectPrunedPick } from './never-worse';
import { takeHeaderLines } from '../removals/credit-lines';
import { GENERIC_SOURCE } from '../removals/credit-line';
import { cleanTitle } from '../meta/title';
import { normalize } from '../dom/normalize';
import { linkCards } from '../dom/link-cards';
import type { Extracted, Removal, RuleSummary, Settled, TitleEvidence } from '../types';

/** How the article stage reads a page half's answer. */
export interface ArticleOptions extends RuleChoice {
  /**
   * Makes an element holding `html`, in an inert document (DOMParser's: no script runs, nothing loads). The
   * page half's own process passes Readability's element instead (see `element`).
   */
  parse: (html: string) => Element;
}

/** The rules for the page: every one matching its site, those switched on, those switched off. */
type Chosen = ReturnType<typeof chooseRules>;

/** One page-half run, post-pruned. */
interface Run {
  ex: Extracted;
  root: Element;
  /** Pre-pruned (from the page) then post-pruned removals. */
  removed: Removal[];
  /** The post-pruned removals alone. */
  post: Removal[];
}

/** An article stage halfway: post-pruned, waiting to learn whether a plain run is wanted (rarely). */
export interface Prepared {
  /** Whether the never-worse check wants a plain Readability run of the page (extract with `plain: true`). */
  readonly needsPlain: boolean;
  /** Finishes the stage with the plain run's answer (null: none, or not wanted); `element` as for prepareArticle. */
  settle(plain: Extracted | null, element?: Element): Settled;
}

/** An untrusted list of strings, bounded (the page's process wrote it). */
const strings = (v: unknown, n = 8): string[] => Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string').slice(0, n).map(s => s.slice(0, 500)) : [];

/** The title evidence from the page, bounded, with Readability's site name first (meta/title.ts). */
function evidenceOf(ex: Extracted): TitleEvidence {
  const ev = (ex.titleEvidence ?? {}) as Partial<TitleEvidence>;
  return {
    headlines: strings(ev.headlines), h1s: strings(ev.h1s),
    siteNames: [ex.siteName ?? '', ...strings(ev.siteNames)].map(s => s.trim()).filter(Boolean),
    host: typeof ev.host === 'string' ? ev.host.slice(0, 300) : '',
  };
}

/** Post-prunes the article of one page-half run. */
function postPrune(ex: Extracted, root: Element, ctx: RemovalContext): Run {
  // Link cards read as links to every shape test below (dom/link-cards.ts); only where rules remove, so
  // --no-rules stays plain Readability's article.
  if (ctx.active.length) linkCards(root);
  const post = applyArticleRules(root, ctx, ex.url);
  return { ex, root, post, removed: [...(Array.isArray(ex.removed) ? ex.removed : []), ...post] };
}

/**
 * Starts the article stage on the page half's answer. `element`: Readability's article element itself, when
 * the page half ran in this process (the CLI): no serialize and re-parse.
 */
export function prepareArticle(ex: Extracted, opts: ArticleOptions, element?: Element): Prepared {
  // One rule choice for the page's URL, for both runs and the summary (the plain run is of the same page).
  const chosen = chooseRules(opts, ex.url);
  const ctx = removalContext(chosen.active, chosen.matching);
  const pruned = postPrune(ex, element ?? opts.parse(String(ex.html ?? '')), ctx);
  return {
    needsPlain: suspectPrunedPick(pruned.root, ex.guard ?? null),
    settle: (plainEx, plainElement) => settle(pruned, plainEx, plainElement, chosen, ctx, opts),
  };
}

/** The never-worse choice, then credit lines, title and normalizing. */
function settle(pruned: Run, plainEx: Extracted | null, plainElement: Element | undefined, chosen: Chosen, ctx: RemovalContext, opts: ArticleOptions): Settled {
  let run = pruned;
  if (plainEx) {
    const plain = postPrune(plainEx, plainElement ?? opts.parse(String(plainEx.html ?? '')), ctx);
    const seen = new Set(plain.post.map(r => `${r.ruleId}\u0000${r.preview}`));
    // Readability drops ids and classes, so a selector's block that pre-pruning took may not be found again in
    // the plain result: then switching would bring back a block the person's rules removed (test/core/derive:
    // an own rule ".app-promo" on a short article). Switch only when every pre-pruned block is gone there too.
    const replayed = (Array.isArray(pruned.ex.removed) ? pruned.ex.removed : []).every(r => seen.has(`${r.ruleId}\u0000${r.preview}`));
    if (replayed && plainIsBetter(pruned.root, plain.root)) {
      run = { ...plain, removed: [...plain.post, ...pruned.removed.filter(r => !seen.has(`${r.ruleId}\u0000${r.preview}`))] };
    }
  }
  const { ex, root } = run;
  const removed = run.removed.slice();
  const { active, matching, off } = chosen;

  // Source and editor lines (原标题, 本文来源, 责任编辑 …) move from the body to the header's fields.
  // A rule with headerLines (bundled: "header-lines") switches it; its id names the removals.
  const creditRule = active.find(r => r.headerLines);
  const credits = creditRule ? takeHeaderLines(root, creditRule.id) : null;
  if (credits) removed.push(...credits.removed);
  const title = opts.noRules ? ex.title : cleanTitle(ex.title, evidenceOf(ex));

  // Lazy images, absolute URLs; sanitizing is the finishing half's job.
  normalize(root, typeof ex.base === 'string' ? ex.base : ex.url);

  const rules: RuleSummary[] = matching.map(r => ({
    id: r.id, title: r.title, enabled: !opts.noRules && !off.has(r.id),
    removed: removed.filter(x => x.ruleId === r.id).length,
  }));
  const c = credits?.fields;
  return {
    // The site's suffix ("…_新浪财经_新浪网") cut where the page shows evidence (meta/title.ts); plain Readability's title with --no-rules.
    title,
    byline: ex.byline || c?.author || null,
    siteName: ex.siteName,
    declaredLang: ex.declaredLang,
    publishedTime: opts.noRules ? ex.publishedTime : ex.publishedTime || c?.published || null,
    url: ex.url,
    excerpt: ex.excerpt,
    html: root.innerHTML,
    readerable: ex.readerable,
    source: c?.source && !GENERIC_SOURCE.test(c.source) ? c.source : null,
    originalTitle: c?.originalTitle ?? null,
    editor: c?.editor ?? null,
    disclaimer: c?.disclaimer ?? null,
    removed,
    rules,
  };
}

/** The article stage in one call, for callers that can run the plain page half synchronously (the CLI, derive.js). */
export function settleArticle(ex: Extracted, opts: ArticleOptions & SyncPlain): Settled {
  const prepared = prepareArticle(ex, opts, opts.element);
  const plain = prepared.needsPlain ? opts.plain?.() ?? null : null;
  return prepared.settle(plain?.extracted ?? null, plain?.element);
}

/** A page half at hand: its answer, and how to get its plain run synchronously. */
export interface SyncPlain {
  /** Readability's article element, when the page half ran in this process (the CLI): no re-parse. */
  element?: Element;
  /** The page half's plain Readability run (extract with `plain: true`), when the never-worse check wants it; null when it found none. */
  plain?: () => { extracted: Extracted; element?: Element } | null;
}

/**
 * The parse for a window: an element of a fresh DOMParser document (inert: no script runs, nothing loads)
 * holding the HTML, detached like Readability's own result (the rule code relies on that: see removals/apply-page.ts).
 * The HTML is parsed after a <body> tag, so whatever it holds lands in the body, then moved into the element.
 */
export function inertParser(win: { DOMParser: { new(): DOMParser } }): (html: string) => Element {
  return (html) => {
    const doc = new win.DOMParser().parseFromString(`<!doctype html><html><body>${html}`, 'text/html');
    const root = doc.createElement('div');
    for (let c = doc.body.firstChild; c; c = doc.body.firstChild) root.appendChild(c);
    return root;
  };
}
