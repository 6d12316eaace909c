/**
 * The page half of the pipeline: (Document, url, options) → Extracted. It runs in the page (content.js), so
 * it does only what needs the page's DOM: clone, pre-prune, Readability, post-prune, normalize, and the
 * block marks the remove-blocks mode asks for. It does NOT sanitize: whatever leaves the page's process is
 * untrusted, so the popup (and the CLI) sanitize once in the finishing half (finish.ts). Pure: no browser APIs.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { applyRules, bundledRules, rulesForUrl, type Rule } from './rules/index';
import { baseUrlOf, normalize } from './normalize';
import { NoArticleError } from './errors';
import { BLOCK_MARK } from './block-mark';
import { flattenDeepNesting } from './flatten';
import { plainIsBetter, pruneSites, suspectPrunedPick } from './guard-readability';
import { takeHeaderLines } from './meta/source-lines';
import { cleanTitle, titleEvidence } from './meta/title';
import type { Extracted, RuleSummary, Removal } from './types';
import { squeeze, T } from './measures';

/** What to extract and how. */
export interface ExtractOptions {
  /** The page's URL: picks the site rules and resolves relative links. */
  url: string;
  /** Rule ids switched off for this site. */
  disabled?: readonly string[];
  /** Plain Readability through the same code (the "clean this site" switch off; the CLI's --no-rules). */
  noRules?: boolean;
  /** The person's own rules, added to the bundled ones. */
  userRules?: readonly Rule[];
  /** Replaces the bundled rules (tests, the CLI's --rules without bundled ones). */
  rules?: readonly Rule[];
  /**
   * Stamp each element of the clone with its index among the live body's elements (BLOCK_MARK), so a block
   * shown in the popup can be traced back to its source element. Only the remove-blocks mode asks for it:
   * the normal path pays nothing.
   */
  marks?: boolean;
  /**
   * The document is the caller's to spend (the CLI parsed it for this one call): extracted without a copy.
   * Never for a live page. Copying the 5 MB page of 100,000 elements cost jsdom 2.3 s and 300 MB.
   */
  inPlace?: boolean;
  /** With inPlace: a fresh parse of the same page, for the never-worse check's unpruned Readability run (rarely needed). */
  reparse?: () => Document;
}

export { BLOCK_MARK };

/** Thresholds live in ./measures.ts with their sources. */
const MIN_CONTENT_CHARS = T.minContentChars;

/** A content selector's best match (most text), when it holds at least a short article's worth of text. */
function contentElement(doc: Document, rules: readonly Rule[]): Element | null {
  let best: Element | null = null, bestChars = MIN_CONTENT_CHARS - 1;
  for (const r of rules) {
    if (!r.content) continue;
    let found: NodeListOf<Element>;
    try { found = doc.querySelectorAll(r.content); } catch { continue; } // a stored rule with a bad selector: skip it
    for (const el of found) {
      const n = squeeze(el.textContent ?? '').length;
      if (n > bestChars) { best = el; bestChars = n; }
    }
  }
  return best;
}

/** jsdom clones recursively: tables nested 2,000 deep overflow its stack (test/hostile/huge.test.ts). */
const TOO_DEEP = 'This page is nested too deeply to read (thousands of levels).';

/**
 * A deep copy of the document. "<!DOCTYPE<!DOCTYPE html>" parses into a doctype named "<!doctype" that
 * jsdom refuses to clone (InvalidCharacterError; found by test/fuzz): then the root element is copied into
 * a fresh document without the doctype, which Readability does not read anyway.
 */
function cloneDocument(doc: Document): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch (e) {
    if (e instanceof RangeError) throw new NoArticleError(TOO_DEEP);
    const fresh = doc.implementation.createHTMLDocument('');
    try {
      if (doc.documentElement) fresh.replaceChild(fresh.importNode(doc.documentElement, true), fresh.documentElement);
    } catch (inner) {
      if (inner instanceof RangeError) throw new NoArticleError(TOO_DEEP);
      throw inner;
    }
    return fresh;
  }
}

/** Stamps every element under `body` with its document-order index (the live body has the same order). */
function stampBlocks(body: Element): void {
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) all[i]!.setAttribute(BLOCK_MARK, String(i));
}

/** Readability on a (cloned) document; the serializer hands back the element itself, not its HTML. */
function readability(d: Document) {
  return new Readability(d, { serializer: (el: Node) => el as unknown as string }).parse();
}

/** Runs the page half on `doc` (which is cloned, never changed). */
export function extractArticle(doc: Document, opts: ExtractOptions): Extracted {
  // 1. Clone: Readability mutates what it gets, and the live page must never change. What is read from the
  // page itself afterwards is read first, so a document extracted in place gives the same article.
  const base = baseUrlOf(doc, opts.url);
  // Firefox runs this check on every page load to offer its reader view: cheap enough to always ask.
  const readerable = isProbablyReaderable(doc);
  const clone = opts.inPlace ? doc : cloneDocument(doc);
  const body = clone.body;
  if (!body) throw new NoArticleError('This page has no body to read.');
  if (opts.marks) stampBlocks(body);
  flattenDeepNesting(body); // pages nested past any real page's depth: Readability is quadratic in it

  // Which rules apply here, and which of those the person has switched off for this site.
  const all = [...(opts.rules ?? bundledRules().rules), ...(opts.userRules ?? [])];
  const matching = rulesForUrl(all, opts.url);
  const off = new Set(opts.disabled ?? []);
  const active = opts.noRules ? [] : matching.filter(r => !off.has(r.id));

  // 2. Pre-prune the clone: a content selector narrows the page, then site selectors and heading labels.
  const content = contentElement(clone, active);
  if (content) body.replaceChildren(content);
  let removed: Removal[] = [];
  const sites = pruneSites(body, () => { removed = applyRules(body, active); });

  const prePruned = removed.slice();

  // 3. Readability on the pruned clone; the serializer hands back the element so step 4 needs no re-parse.
  let result = readability(clone);
  if (!result) throw new NoArticleError();
  let articleEl = result.content as unknown as Element;

  // 4. Post-prune what Readability kept inside the body (seed-inline's blocks sit in the article column).
  removed.push(...applyRules(articleEl, active, { article: true, known: matching }));

  // 4a. Never worse than plain Readability (guard-readability.ts): only when pre-pruning removed something
  // and the pick looks climbed or shrunk, run Readability on an unpruned clone, post-prune it, keep the better.
  if (!content && suspectPrunedPick(articleEl, sites)) {
    // In place (the CLI), `doc` is already pruned: the CLI hands a fresh parse of the same page instead.
    const plainClone = opts.inPlace ? opts.reparse?.() ?? null : cloneDocument(doc);
    if (opts.marks && plainClone?.body) stampBlocks(plainClone.body);
    if (plainClone?.body) flattenDeepNesting(plainClone.body);
    const plain = plainClone ? readability(plainClone) : null;
    const plainEl = plain?.content as unknown as Element | undefined;
    if (plain && plainEl) {
      const plainRemoved = applyRules(plainEl, active, { article: true, known: matching });
      const seen = new Set(plainRemoved.map(r => `${r.ruleId}\u0000${r.preview}`));
      // Readability drops ids and classes, so a selector's block that pre-pruning took may not be found again in
      // the plain result: then switching would bring back a block the person's rules removed (test/core/derive:
      // an own rule ".app-promo" on a short article). Switch only when every pre-pruned block is gone there too.
      const replayed = prePruned.every(r => seen.has(`${r.ruleId}\u0000${r.preview}`));
      if (replayed && plainIsBetter(articleEl, plainEl)) {
        removed = [...plainRemoved, ...removed.filter(r => !seen.has(`${r.ruleId}\u0000${r.preview}`))];
        result = plain;
        articleEl = plainEl;
      }
    }
  }

  // 4b. Source and editor lines (原标题, 本文来源, 责任编辑 …) move from the body to the header's fields.
  // A rule with headerLines (bundled: "header-lines") switches it; its id names the removals.
  const creditRule = active.find(r => r.headerLines);
  const credits = creditRule ? takeHeaderLines(articleEl, creditRule.id) : null;
  if (credits) removed.push(...credits.removed);

  // 5. Normalize (lazy images, absolute URLs); sanitizing is the finishing half's job.
  normalize(articleEl, base);

  const rules: RuleSummary[] = matching.map(r => ({
    id: r.id, title: r.title, enabled: !opts.noRules && !off.has(r.id),
    removed: removed.filter(x => x.ruleId === r.id).length,
  }));
  const rawTitle = (result.title || doc.title || '').trim();
  const c = credits?.fields;
  return {
    // The site's suffix ("…_新浪财经_新浪网") cut where the page shows evidence (meta/title.ts); plain Readability's title with --no-rules.
    title: opts.noRules ? rawTitle : cleanTitle(rawTitle, titleEvidence(doc, opts.url, result.siteName?.trim() || null)),
    byline: result.byline?.trim() || c?.author || null,
    siteName: result.siteName?.trim() || null,
    declaredLang: result.lang || doc.documentElement?.getAttribute('lang') || null,
    publishedTime: result.publishedTime || null,
    url: opts.url,
    excerpt: result.excerpt?.trim() || null,
    html: articleEl.innerHTML,
    readerable,
    source: c?.source ?? null,
    originalTitle: c?.originalTitle ?? null,
    editor: c?.editor ?? null,
    disclaimer: c?.disclaimer ?? null,
    removed,
    rules,
  };
}
