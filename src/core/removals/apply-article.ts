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
import { findEdgeList } from './edge-lists';
import { findFurniture } from './furniture';
import { findEdgeMenus } from './menus';
import { preview } from './preview';

/** Removes the short furniture lines and boxes that hold one of the rules' phrases. */
function applyLines(root: Element, ctx: RemovalContext): Removal[] {
  const removed: Removal[] = [];
  for (const f of findFurniture(root, ctx.phrases())) {
    const p = preview(f.nodes);
    for (const n of f.nodes) (n as ChildNode).remove();
    removed.push({ ruleId: f.hit.ruleId, reason: `line “${f.hit.line}”`, ...p });
  }
  return removed;
}

/** Removes menus and breadcrumbs at root's edges, for the first rule that asks. */
function applyMenus(root: Element, ctx: RemovalContext): Removal[] {
  const rule = ctx.active.find(r => r.menus === true);
  if (!rule) return [];
  return findEdgeMenus(root).map(m => {
    const p = preview(m.nodes);
    for (const el of m.nodes) el.remove();
    return { ruleId: rule.id, reason: `menu of ${m.links} links at the article's ${m.edge}`, ...p };
  });
}

/** Removes a site's own headline list at the article's foot, for the first rule that asks. */
function applyEdgeLists(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  const rule = ctx.active.find(r => r.edgeLists === true);
  if (!rule) return [];
  // A heading that is a label (or holds a label word) belongs to that label's rule, switched off or not.
  const labels = ctx.knownLabels();
  const nodes = findEdgeList(root, heading => labels.match(heading) !== null, pageUrl);
  if (!nodes.length) return [];
  const p = preview(nodes);
  const links = nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);
  for (const el of nodes) el.remove();
  return [{ ruleId: rule.id, reason: `headline list of ${links} links at the article's foot`, ...p }];
}

/**
 * Applies the active rules to the article in place: selectors, labels, exact texts, then furniture lines, edge
 * menus and the foot's headline list. `pageUrl`: the page's address (which links are the site's own).
 */
export function applyArticleRules(root: Element, ctx: RemovalContext, pageUrl: string): Removal[] {
  if (!ctx.active.length) return [];
  return [...applyRules(root, ctx), ...applyLines(root, ctx), ...applyMenus(root, ctx), ...applyEdgeLists(root, ctx, pageUrl)];
}
