/**
 * Never worse than plain Readability. Pre-pruning takes scores away from the blocks that held the removed
 * modules; on one English news page (issue 9) that made Readability's candidate walk climb to a parent
 * that also holds the menu, a video list and "More News" (F1 0.58 where plain Readability gets 1.00;
 * fixture en-prune-changes-readability-pick). This file says when to run Readability a second time on an
 * unpruned clone (rarely: the signal below) and which of the two (both post-pruned) results to keep.
 */
import { fold, hasSentence, squeeze } from '../text/chars';
import { isProse, type BlockMeasure } from '../text/shape';
import * as THRESHOLDS from '../text/thresholds';

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td, dd, dt, figcaption';
const chars = (el: Element) => squeeze(el.textContent ?? '').length;

/**
 * Whether Readability's pick sits THRESHOLDS.climbDepth or more levels above a pruned block's former parent
 * (the page half asks, where the pruned blocks' parents are still known). `root` is Readability's article element (its
 * first child is the page <div> holding the chosen container); `sites` the pruned blocks' former parents.
 */
export function climbedAbove(root: Element, sites: readonly Element[]): boolean {
  const page = root.firstElementChild ?? root;
  for (const p of sites) {
    if (!page.contains(p)) continue; // Readability's result is detached from the document: contains, not isConnected
    let depth = 0;
    for (let e: Element | null = p; e && e !== page; e = e.parentElement) depth++;
    if (depth >= THRESHOLDS.climbDepth) return true;
  }
  return false;
}

/**
 * Whether the pruned run is suspect, so the unpruned run is worth its cost (the article stage asks, after
 * post-pruning): only when pre-pruning removed something, and the pick climbed or came out small.
 */
export function suspectPrunedPick(postPruned: Element, guard: { pruned: boolean; climbed: boolean } | null): boolean {
  if (!guard?.pruned) return false;
  return chars(postPruned) < THRESHOLDS.smallResultChars || guard.climbed;
}

const HAN = /\p{Script=Han}/gu;

/**
 * What the prose test's 'block' bar reads of a block: its text whitespace-folded, whether it holds a full stop,
 * its Han characters, and the characters of every <a> in it.
 */
function blockMeasure(el: Element): BlockMeasure {
  const t = fold(el.textContent ?? '');
  let linkChars = 0;
  for (const a of el.querySelectorAll('a')) linkChars += squeeze(a.textContent ?? '').length;
  return {
    chars: squeeze(t).length,
    linkChars,
    sentence: hasSentence(t, { clauses: false }),
    han: (t.match(HAN) ?? []).length,
    length: t.length,
  };
}

/** The prose of a result: its innermost prose blocks' texts and their total length. */
function prose(root: Element): { texts: Set<string>; chars: number } {
  const texts = new Set<string>();
  let n = 0;
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue;
    if (!isProse(blockMeasure(el), 'block')) continue;
    const t = squeeze(el.textContent ?? '');
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
  const a = prose(pruned),
    b = prose(plain);
  let kept = 0;
  for (const t of a.texts) if (b.texts.has(t)) kept += t.length;
  const keepsProse = kept >= THRESHOLDS.keptProseShare * a.chars;
  if (!keepsProse) return false;
  return chars(plain) < chars(pruned) || b.chars > a.chars;
}
