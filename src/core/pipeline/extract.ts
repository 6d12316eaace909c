/**
 * Steps 1–3 of the pipeline, the page's part: (Document, request) → Extracted. It runs in the page (content.js),
 * so it does only what needs the page's DOM: read the page and clone it (1), pre-prune the clone (2), run
 * Readability on it and note what the never-worse check needs (3). What works on the article alone is
 * settle.ts's (steps 4–6), sanitizing and measuring finish.ts's (7–9): both run outside the page's process,
 * in the popup and the CLI, so content.js stays small. Pure: no browser APIs.
 */
import { Readability, isProbablyReaderable } from '@mozilla/readability';
import { applyRules } from '../removals/apply-page';
import { removalContext } from '../removals/context';
import type { Rule } from '../rules/types';
import { baseUrlOf, brokenImages, dropImages } from '../dom/normalize';
import { NoArticleError } from '../errors';
import { BLOCK_MARK } from '../dom/block-mark';
import { flattenDeepNesting } from '../dom/flatten';
import { climbedAbove } from './never-worse';
import { pageTitleEvidence } from '../meta/title';
import { printedText } from '../meta/printed-text';
import { chooseRules } from '../rules/choose';
import type { CleanRequest } from './request';
import type { Extracted } from '../types';
import { squeeze } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';

/** How the document is at hand (what is asked is the request's). */
export interface ExtractEnv {
  /**
   * The document is the caller's to spend (the CLI parsed it for this one call): extracted without a copy.
   * Never for a live page. Copying the 5 MB page of 100,000 elements cost jsdom 2.3 s and 300 MB.
   */
  inPlace?: boolean;
  /**
   * The document is a live page (the content script's): images it could not load are left out of the
   * article (normalize.ts brokenImages). The CLI has no live page and keeps every image.
   */
  live?: boolean;
  /** How to copy the document when not inPlace (clean.ts: with jsdom's fallback); a browser's cloneNode by default. */
  clone?: (doc: Document) => Document;
}

/** Thresholds live in ./text/thresholds.ts with their sources. */
const MIN_CONTENT_CHARS = THRESHOLDS.minContentChars;

/** A content selector's best match (most text), when it holds at least a short article's worth of text. */
function contentElement(doc: Document, rules: readonly Rule[]): Element | null {
  let best: Element | null = null,
    bestChars = MIN_CONTENT_CHARS - 1;
  for (const r of rules) {
    if (!r.content) continue;
    let found: NodeListOf<Element>;
    try {
      found = doc.querySelectorAll(r.content);
    } catch {
      continue;
    } // a stored rule with a bad selector: skip it
    for (const el of found) {
      const n = squeeze(el.textContent ?? '').length;
      if (n > bestChars) {
        best = el;
        bestChars = n;
      }
    }
  }
  return best;
}

/** Pages nested thousands deep overflow the clone's stack (jsdom clones recursively: test/hostile/huge.test.ts). */
export const TOO_DEEP = 'This page is nested too deeply to read (thousands of levels).';

/** A deep copy of the document; a stack overflow is no article. */
function cloneDocument(doc: Document): Document {
  try {
    return doc.cloneNode(true) as Document;
  } catch (e) {
    throw e instanceof RangeError ? new NoArticleError(TOO_DEEP) : e;
  }
}

/** Stamps every element under `body` with its document-order index (the live body has the same order). */
function stampBlocks(body: Element): void {
  const all = body.getElementsByTagName('*');
  for (let i = 0; i < all.length; i++) all[i]!.setAttribute(BLOCK_MARK, String(i));
}

/**
 * Readability wraps a text-only <div>'s text in a new, unmarked <p> that takes the div's place (Readability.js,
 * "Put phrasing content into paragraphs"), so a site's closing line `<div>— 某报 · 城事版 —</div>` could not be
 * picked in remove-blocks mode. Wrapping the text here in a <p> that carries the div's mark gives Readability's
 * own result (a lone <p> replaces its div), marked.
 */
function markTextOnlyDivs(body: Element): void {
  for (const div of body.querySelectorAll('div')) {
    if (div.firstElementChild || !div.textContent?.trim()) continue;
    const p = body.ownerDocument.createElement('p');
    p.setAttribute(BLOCK_MARK, div.getAttribute(BLOCK_MARK) ?? '');
    p.append(...div.childNodes);
    div.append(p);
  }
}

/**
 * Elements the HTML parser closes an open <p> for that Readability's div → p leaves inside one (a <div> holding a
 * div, list, table or image stays a <div>): a <p> never holds one once its HTML is parsed again.
 */
const CLOSES_P = 'h1,h2,h3,h4,h5,h6,header,footer,section,article,aside,nav,figure,form';

/**
 * Readability makes a <div> that holds only headings and text a <p>; the popup parses the article's HTML again,
 * and the parser ends that <p> at its first heading, so the block's headings and links land beside it as loose
 * siblings (fixture en-prune-changes-readability-pick kept the page's rail in Chromium only). Such a <p> travels
 * as the <div> it was, with its attributes, in the CLI too.
 */
function unwrapBlockParagraphs(root: Element): void {
  for (const p of root.querySelectorAll('p')) {
    if (!p.querySelector(CLOSES_P)) continue;
    const div = p.ownerDocument.createElement('div');
    for (const a of p.attributes) div.setAttribute(a.name, a.value);
    div.append(...p.childNodes);
    p.replaceWith(div);
  }
}

/** Readability on a (cloned) document; the serializer hands back the element itself, not its HTML. */
function readability(d: Document) {
  return new Readability(d, { serializer: (el: Node) => el as unknown as string }).parse();
}

/** Steps 1–3's answer plus, for a caller in the same process (clean.ts), Readability's article element itself. */
export interface InProcess {
  extracted: Extracted;
  /** The article element (detached): the article stage works on it without a serialize and re-parse. */
  element: Element;
}

/**
 * Steps 1–3 on `doc` (which is cloned, never changed, unless `inPlace`), with Readability's element: settle
 * works on it without a serialize and re-parse (clean.ts; index.ts does not export this).
 */
export function extractInProcess(doc: Document, request: CleanRequest, env: ExtractEnv = {}): InProcess {
  // 1. What is read from the page itself is read first, before anything is pruned (in place, the CLI's
  // document is pruned and then mutated by Readability): the base URL, whether Firefox would offer its
  // reader view (cheap: Firefox asks on every page load), the page's own headlines for the title, and on a
  // live page the images it could not load.
  const base = baseUrlOf(doc, request.url);
  const readerable = isProbablyReaderable(doc);
  const evidence = pageTitleEvidence(doc);
  const broken = env.live ? brokenImages(doc) : [];
  const printed = printedText(doc);
  // Clone: Readability mutates what it gets, and the live page must never change.
  const clone = env.inPlace ? doc : (env.clone ?? cloneDocument)(doc);
  const body = clone.body;
  if (!body) throw new NoArticleError('This page has no body to read.');
  if (request.marks) stampBlocks(body); // before anything is dropped: the marks count the live body's elements
  dropImages(clone, broken);
  flattenDeepNesting(body); // pages nested past any real page's depth: Readability is quadratic in it

  // 2. Pre-prune the clone: a content selector narrows the page, then site selectors, heading labels and
  // exact texts. The removed blocks' former parents are kept for the never-worse check.
  const { active } = request.plain ? { active: [] } : chooseRules(request, request.url);
  const content = contentElement(clone, active);
  if (content) body.replaceChildren(content);
  const parents = new Set<Element>();
  const removed = applyRules(body, removalContext(active), parents);
  // Where pruned blocks were: their former parents still in the page (a parent removed later is no site).
  const sites = [...parents].filter(p => p !== body && body.contains(p));

  // 3. Readability on the pruned clone; the serializer hands back the element, so nothing is re-parsed here.
  if (request.marks) markTextOnlyDivs(body);
  const result = readability(clone);
  if (!result) throw new NoArticleError();
  const element = result.content as unknown as Element;
  unwrapBlockParagraphs(element);
  const pruned = !content && sites.length > 0;
  return {
    element,
    extracted: {
      title: (result.title || doc.title || '').trim(),
      byline: result.byline?.trim() || null,
      siteName: result.siteName?.trim() || null,
      declaredLang: result.lang || doc.documentElement?.getAttribute('lang') || null,
      publishedTime: result.publishedTime || null,
      url: request.url,
      excerpt: result.excerpt?.trim() || null,
      html: element.innerHTML,
      base,
      readerable,
      titleEvidence: evidence,
      printed,
      // The never-worse check (step 5, settle.ts): whether pre-pruning took anything, and whether Readability's pick
      // sits well above a pruned block's former place (pipeline/never-worse.ts).
      guard: content ? null : { pruned, climbed: pruned && climbedAbove(element, sites) },
      removed,
    },
  };
}

/** Steps 1–3: the page's answer (plain JSON: from the content script it crosses to the popup). */
export function extract(doc: Document, request: CleanRequest, env: ExtractEnv = {}): Extracted {
  return extractInProcess(doc, request, env).extracted;
}
