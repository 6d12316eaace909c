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

/** Removes the short furniture lines and boxes that hold one of the rules' phrases, and furniture by its shape. */
function applyLines(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  const removed: Removal[] = [];
  const phrases = ctx.phrases();
  if (!phrases.length) return removed;
  // Furniture by shape (a notice, a copyright line, edit links, a repost ending, a gallery head, tools rows, promo
  // strips), named by the rule with the most lines (a rule flag of their own, as menus and edgeLists have, is the clean form).
  const ruleId = ctx.active.reduce((a, r) => ((r.lines?.length ?? 0) > (a.lines?.length ?? 0) ? r : a)).id;
  // A site's notice at the foot first, as a whole (its clauses are no furniture lines one by one).
  const notice = findNoticeSection(root);
  if (notice) {
    const p = preview(notice.nodes);
    for (const n of notice.nodes) (n as ChildNode).remove();
    removed.push({ ruleId, reason: `notice “${notice.heading}”`, ...p });
  }
  const copyright = findCopyrightLine(root);
  if (copyright) {
    const p = preview([copyright]);
    removeWithEmptyWrappers(copyright, root);
    removed.push({ ruleId, reason: 'copyright line', ...p });
  }
  const edits = findEditLinks(root);
  if (edits.length) {
    const p = preview(edits);
    for (const el of edits) el.remove();
    removed.push({ ruleId, reason: `${edits.length} section edit links`, ...p });
  }
  // A repost ending, as a whole: its lines without a phrase go with the ones that hold one.
  const tail = findTailRun(root, phraseFinder(phrases));
  if (tail) {
    const p = preview(tail.nodes);
    for (const n of tail.nodes) removeWithEmptyWrappers(n, root);
    removed.push({ ruleId, reason: `repost ending of ${tail.nodes.length} short lines`, ...p });
  }
  const head = findGalleryHead(root);
  if (head.length) {
    const p = preview(head);
    for (const n of head) removeWithEmptyWrappers(n, root);
    removed.push({ ruleId, reason: 'gallery head (author, follow, picture counter)', ...p });
  }
  for (const row of findToolRows(root)) {
    const p = preview([row]);
    removeWithEmptyWrappers(row, root);
    removed.push({ ruleId, reason: 'row of page tools or counters', ...p });
  }
  for (const strip of findPromoStrips(root, pageUrl)) {
    const p = preview([strip]);
    strip.remove();
    const cards = [...strip.querySelectorAll('a[href]')].filter(a => a.querySelector('img, picture')).length;
    removed.push({ ruleId, reason: `promo strip of ${cards} linked image cards`, ...p });
  }
  for (const link of findPromoLinks(root, pageUrl)) {
    const p = preview([link]);
    removeWithEmptyWrappers(link, root);
    removed.push({ ruleId, reason: 'lone promo link at the article’s edge', ...p });
  }
  const foot = findPostFurniture(root);
  if (foot.length) {
    const p = preview(foot);
    for (const n of foot) removeWithEmptyWrappers(n, root);
    removed.push({ ruleId, reason: `post signature or trackback of ${foot.length} lines`, ...p });
  }
  for (const f of findFurniture(root, phrases)) {
    const p = preview(f.nodes);
    for (const n of f.nodes) (n as ChildNode).remove();
    removed.push({ ruleId: f.hit.ruleId, reason: `line “${f.hit.line}”`, ...p });
  }
  return removed;
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

/** Removes menus, breadcrumbs and pagers at root's edges, for the first rule that asks. */
function applyMenus(root: Element, ctx: RemovalContext): Removal[] {
  const rule = ctx.active.find(r => r.menus === true);
  if (!rule) return [];
  // A wiki's navboxes at the foot, as one block, then pagers written as text: one beside the top's credit line
  // would stop the edge walk.
  const out: Removal[] = [];
  const boxes = findNavboxes(root);
  if (boxes.length) {
    const p = preview(boxes);
    const links = boxes.reduce((n, t) => n + t.querySelectorAll('a[href]').length, 0);
    for (const t of boxes) removeWithEmptyWrappers(t, root);
    out.push({ ruleId: rule.id, reason: `navbox of ${links} links at the article's bottom`, ...p });
  }
  const pagers: Removal[] = findPagerLines(root).map(({ el, edge }) => {
    const p = preview([el]);
    removeWithEmptyWrappers(el, root);
    return { ruleId: rule.id, reason: `pager at the article's ${edge}`, ...p };
  });
  return out.concat(
    pagers,
    findEdgeMenus(root).map(m => {
      const p = preview(m.nodes);
      for (const el of m.nodes) el.remove();
      return { ruleId: rule.id, reason: `menu of ${m.links} links at the article's ${m.edge}`, ...p };
    }),
  );
}

/** Removes a site's own headline list at the article's foot and runs of one-link paragraphs, for the first rule that asks. */
function applyEdgeLists(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  const rule = ctx.active.find(r => r.edgeLists === true);
  if (!rule) return [];
  // A heading that is a label (or holds a label word) belongs to that label's rule, switched off or not.
  const labels = ctx.knownLabels();
  const out: Removal[] = [];
  const nodes = findEdgeList(root, heading => labels.match(heading) !== null, pageUrl);
  if (nodes.length) {
    const p = preview(nodes);
    const links = nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);
    for (const el of nodes) el.remove();
    out.push({ ruleId: rule.id, reason: `headline list of ${links} links at the article's foot`, ...p });
  }
  // Related links written as one-link paragraphs, anywhere in the article (link-runs.ts); a headed list at the
  // foot is the edge list's, whole.
  for (const run of findLinkRuns(root, pageUrl)) {
    const p = preview(run);
    for (const el of run) el.remove();
    out.push({ ruleId: rule.id, reason: `${run.length} one-link headline paragraphs`, ...p });
  }
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
