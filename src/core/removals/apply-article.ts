/**
 * The rules on the article Readability returned: everything applyRules does, then furniture lines, edge menus
 * and a site's headline list at the foot. These run only on the article, so they never change which container
 * Readability picks (removing a comment counter from a meta line before Readability made it drop the line's
 * source and date: fixture zh-aggregator-inline-blocks), and outside the page (pipeline/settle.ts), so content.js
 * carries none of them.
 */
import type { Removal } from '../types';
import { applyRules, labelSetOf, preview } from './apply-page';
import { findFurniture } from './furniture';
import { findEdgeMenus } from './menus';
import { findEdgeList } from './edge-lists';
import type { Rule } from '../rules/types';

/** Removes the short furniture lines and boxes that hold one of the rules' phrases. */
function applyLines(root: Element, rules: Rule[]): Removal[] {
  const entries = rules.flatMap(r => (r.lines ?? []).map(line => ({ line, ruleId: r.id })));
  const removed: Removal[] = [];
  for (const f of findFurniture(root, entries)) {
    const p = preview(f.nodes);
    for (const n of f.nodes) (n as ChildNode).remove();
    removed.push({ ruleId: f.hit.ruleId, reason: `line “${f.hit.line}”`, ...p });
  }
  return removed;
}

/** Removes menus and breadcrumbs at root's edges, for the first rule that asks. */
function applyMenus(root: Element, rules: Rule[]): Removal[] {
  const rule = rules.find(r => r.menus === true);
  if (!rule) return [];
  return findEdgeMenus(root).map(m => {
    const p = preview(m.nodes);
    for (const el of m.nodes) el.remove();
    return { ruleId: rule.id, reason: `menu of ${m.links} links at the article's ${m.edge}`, ...p };
  });
}

/** Removes a site's own headline list at the article's foot, for the first rule that asks. */
function applyEdgeLists(root: Element, rules: Rule[], known: Rule[], pageUrl: string): Removal[] {
  const rule = rules.find(r => r.edgeLists === true);
  if (!rule) return [];
  // A heading that is a label (or holds a label word) belongs to that label's rule, switched off or not.
  const labels = labelSetOf(known);
  const nodes = findEdgeList(root, heading => labels.match(heading) !== null, pageUrl);
  if (!nodes.length) return [];
  const p = preview(nodes);
  const links = nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);
  for (const el of nodes) el.remove();
  return [{ ruleId: rule.id, reason: `headline list of ${links} links at the article's foot`, ...p }];
}

/**
 * Applies the rules to the article in place: selectors, labels, exact texts, then furniture lines, edge menus
 * and the foot's headline list. `known`: every rule for this page, switched off or not (a heading that is one
 * of their labels is never an unlabeled headline list). `pageUrl`: the page's address (which links are the site's own).
 */
export function applyArticleRules(root: Element, rules: Rule[], known: Rule[], pageUrl: string): Removal[] {
  if (!rules.length) return [];
  return [...applyRules(root, rules), ...applyLines(root, rules), ...applyMenus(root, rules), ...applyEdgeLists(root, rules, known, pageUrl)];
}
