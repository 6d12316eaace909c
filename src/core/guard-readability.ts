/**
 * Never worse than plain Readability. Pre-pruning takes scores away from the blocks that held the removed
 * modules; on one English news page (issue 9) that made Readability's candidate walk climb to a parent
 * that also holds the menu, a video list and "More News" (F1 0.58 where plain Readability gets 1.00;
 * fixture en-prune-changes-readability-pick). This file says when to run Readability a second time on an
 * unpruned clone (rarely: the signal below) and which of the two (both post-pruned) results to keep.
 */

/**
 * How far above a pruned block's former parent Readability's chosen container may sit before we suspect a
 * climb. 1: Readability picked that parent itself (seed-inline: modules inside the article column); 2: its
 * parent (an <article> around the body <div>). 3 or more: the container is a grandparent of the body that
 * held the modules, as in the English case (container > story > story-body). From that page; margin 1.
 */
const CLIMB_DEPTH = 3;

/**
 * A result with less text than this (whitespace excluded) after pruning may have lost its article to a
 * smaller container (the other way pruning can change Readability's pick); a second run on so small a result
 * is cheap. 500 is Readability's own DEFAULT_CHAR_THRESHOLD for "this is an article".
 */
const SMALL_RESULT_CHARS = 500;

/**
 * Whether Readability's pick sits CLIMB_DEPTH or more levels above a pruned block's former parent (the page
 * half asks, where the pruned blocks' parents are still known). `root` is Readability's article element (its
 * first child is the page <div> holding the chosen container); `sites` the pruned blocks' former parents.
 */
export function climbedAbove(root: Element, sites: readonly Element[]): boolean {
  const page = root.firstElementChild ?? root;
  for (const p of sites) {
    if (!page.contains(p)) continue; // Readability's result is detached from the document: contains, not isConnected
    let depth = 0;
    for (let e: Element | null = p; e && e !== page; e = e.parentElement) depth++;
    if (depth >= CLIMB_DEPTH) return true;
  }
  return false;
}

/**
 * Whether the pruned run is suspect, so the unpruned run is worth its cost (the article stage asks, after
 * post-pruning): only when pre-pruning removed something, and the pick climbed or came out small.
 */
export function suspectPrunedPick(postPruned: Element, guard: { pruned: boolean; climbed: boolean } | null): boolean {
  if (!guard?.pruned) return false;
  return chars(postPruned) < SMALL_RESULT_CHARS || guard.climbed;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, dd, dt, figcaption';
const fold = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
const chars = (el: Element) => fold(el.textContent ?? '').length;

/** A sentence ending, Chinese or Latin (the same test as finish.ts's no-article check). */
const SENTENCE = /[。！？!?]|[a-z]{2}\.(?:\s|$)/;

/**
 * A block of article prose: a sentence, little link text, and long — 120 characters of Latin text (a
 * paragraph of two sentences; Readability appends siblings at > 80) or 40 Han characters (a Chinese
 * sentence carries about three times the content per character). Teaser lines and video captions are shorter.
 */
function isProse(el: Element): boolean {
  const t = (el.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  if (!SENTENCE.test(t)) return false;
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  if (han < 40 && t.length < 120) return false;
  let link = 0;
  for (const a of el.querySelectorAll('a')) link += fold(a.textContent ?? '').length;
  return link / Math.max(1, fold(t).length) < 0.3;
}

/** The prose of a result: its innermost prose blocks' texts and their total length. */
function prose(root: Element): { texts: Set<string>; chars: number } {
  const texts = new Set<string>();
  let n = 0;
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    if (!isProse(el)) continue;
    const t = fold(el.textContent ?? '');
    if (texts.has(t)) continue;
    texts.add(t);
    n += t.length;
  }
  return { texts, chars: n };
}

/**
 * Whether the plain run's result (post-pruned) is better than the pruned run's: it keeps (nearly) all the
 * pruned result's prose and is smaller (the pruned pick added furniture around the article), or it holds
 * more prose (the pruned pick lost part of the article).
 */
export function plainIsBetter(pruned: Element, plain: Element): boolean {
  const a = prose(pruned), b = prose(plain);
  let kept = 0;
  for (const t of a.texts) if (b.texts.has(t)) kept += t.length;
  // 0.95: one short prose block of twenty may differ (a caption Readability keeps in one run, not the other).
  const keepsProse = kept >= 0.95 * a.chars;
  if (!keepsProse) return false;
  return chars(plain) < chars(pruned) || b.chars > a.chars;
}
