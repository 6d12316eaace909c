/**
 * The rules on the article Readability returned: everything applyRules does, then furniture lines, edge menus
 * and a site's headline list at the foot. These run only on the article, so they never change which container
 * Readability picks (removing a comment counter from a meta line before Readability made it drop the line's
 * source and date: fixture zh-aggregator-inline-blocks), and outside the page (pipeline/settle.ts), so content.js
 * carries none of them.
 */
import type { Removal } from '../types';
import { applyRules } from './apply-page';
import type { RemovalContext } from './context';
import { findCopyrightLine } from './copyright-line';
import { findEdgeList } from './edge-lists';
import { findEditLinks } from './edit-links';
import { findFurniture, phraseFinder } from './furniture';
import { findGalleryHead } from './gallery-head';
import { findLinkRuns } from './link-runs';
import { findNoticeSection } from './notice-section';
import { findEdgeMenus } from './menus';
import { findNavboxes } from './navbox';
import { findPagerLines } from './pager-line';
import { preview } from './preview';
import { findPostFurniture } from './post-furniture';
import { findPromoLinks } from './promo-link';
import { findPromoStrips } from './promo-strip';
import { findTailRun } from './tail-run';
import { findToolRows } from './tool-rows';

/** How a finder's nodes leave the article: as they are, or with the wrappers they leave empty. */
type Remove = (n: Node, root: Element) => void;
const asIs: Remove = n => (n as ChildNode).remove();
const withWrappers: Remove = (n, root) => removeWithEmptyWrappers(n as Element, root);

/** Removes `nodes` (none: nothing) and lists them as one removal; the preview is read before they go. */
function take(out: Removal[], root: Element, nodes: readonly Node[], ruleId: string, reason: string, remove: Remove = asIs): void {
  if (!nodes.length) return;
  const p = preview([...nodes]);
  for (const n of nodes) remove(n, root);
  out.push({ ruleId, reason, ...p });
}

/** Removes the short furniture lines and boxes that hold one of the rules' phrases, and furniture by its shape. */
function applyLines(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  const out: Removal[] = [];
  const phrases = ctx.phrases();
  if (!phrases.length) return out;
  // Furniture by shape (a notice, a copyright line, edit links, a repost ending, a gallery head, tools rows, promo
  // strips and links, post feet), named by the rule with the most lines (a rule flag of their own, as menus and
  // edgeLists have, is the clean form).
  const ruleId = ctx.active.reduce((a, r) => ((r.lines?.length ?? 0) > (a.lines?.length ?? 0) ? r : a)).id;
  // A site's notice at the foot first, as a whole (its clauses are no furniture lines one by one).
  const notice = findNoticeSection(root);
  if (notice) take(out, root, notice.nodes, ruleId, `notice “${notice.heading}”`);
  const copyright = findCopyrightLine(root);
  if (copyright) take(out, root, [copyright], ruleId, 'copyright line', withWrappers);
  const edits = findEditLinks(root);
  take(out, root, edits, ruleId, `${edits.length} section edit links`);
  // A repost ending, as a whole: its lines without a phrase go with the ones that hold one.
  const tail = findTailRun(root, phraseFinder(phrases));
  if (tail) take(out, root, tail.nodes, ruleId, `repost ending of ${tail.nodes.length} short lines`, withWrappers);
  take(out, root, findGalleryHead(root), ruleId, 'gallery head (author, follow, picture counter)', withWrappers);
  for (const row of findToolRows(root)) take(out, root, [row], ruleId, 'row of page tools or counters', withWrappers);
  for (const strip of findPromoStrips(root, pageUrl)) {
    const cards = [...strip.querySelectorAll('a[href]')].filter(a => a.querySelector('img, picture')).length;
    take(out, root, [strip], ruleId, `promo strip of ${cards} linked image cards`);
  }
  for (const link of findPromoLinks(root, pageUrl)) take(out, root, [link], ruleId, 'lone promo link at the article’s edge', withWrappers);
  const foot = findPostFurniture(root);
  take(out, root, foot, ruleId, `post signature or trackback of ${foot.length} lines`, withWrappers);
  for (const f of findFurniture(root, phrases)) take(out, root, f.nodes, f.hit.ruleId, `line “${f.hit.line}”`);
  return out;
}

/** Removes an element and the wrappers it leaves empty (never root). */
function removeWithEmptyWrappers(el: Element, root: Element): void {
  let gone = el;
  while (
    gone.parentElement &&
    gone.parentElement !== root &&
    gone.parentElement.children.length === 1 &&
    !(gone.parentElement.textContent ?? '').replace(gone.textContent ?? '', '').trim()
  )
    gone = gone.parentElement;
  gone.remove();
}

/** How many links the nodes hold. */
const linksIn = (nodes: readonly Element[]) => nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);

/** Removes menus, breadcrumbs and pagers at root's edges, for the first rule that asks. */
function applyMenus(root: Element, ctx: RemovalContext): Removal[] {
  const rule = ctx.active.find(r => r.menus === true);
  if (!rule) return [];
  // A wiki's navboxes at the foot, as one block, then pagers written as text: one beside the top's credit line
  // would stop the edge walk.
  const out: Removal[] = [];
  const boxes = findNavboxes(root);
  take(out, root, boxes, rule.id, `navbox of ${linksIn(boxes)} links at the article's bottom`, withWrappers);
  for (const { el, edge } of findPagerLines(root)) take(out, root, [el], rule.id, `pager at the article's ${edge}`, withWrappers);
  for (const m of findEdgeMenus(root)) take(out, root, m.nodes, rule.id, `menu of ${m.links} links at the article's ${m.edge}`);
  return out;
}

/** Removes a site's own headline list at the article's foot and runs of one-link paragraphs, for the first rule that asks. */
function applyEdgeLists(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  const rule = ctx.active.find(r => r.edgeLists === true);
  if (!rule) return [];
  // A heading that is a label (or holds a label word) belongs to that label's rule, switched off or not.
  const labels = ctx.knownLabels();
  const out: Removal[] = [];
  const nodes = findEdgeList(root, heading => labels.match(heading) !== null, pageUrl);
  take(out, root, nodes, rule.id, `headline list of ${linksIn(nodes)} links at the article's foot`);
  // Related links written as one-link paragraphs, anywhere in the article (link-runs.ts); a headed list at the
  // foot is the edge list's, whole.
  for (const run of findLinkRuns(root, pageUrl)) take(out, root, run, rule.id, `${run.length} one-link headline paragraphs`);
  return out;
}

/**
 * Applies the active rules to the article in place: selectors, labels, exact texts, then furniture lines, edge
 * menus and the foot's headline list. `pageUrl`: the page's address (which links are the site's own).
 */
export function applyArticleRules(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  if (!ctx.active.length) return [];
  return [...applyRules(root, ctx), ...applyLines(root, ctx, pageUrl), ...applyMenus(root, ctx), ...applyEdgeLists(root, ctx, pageUrl)];
}
