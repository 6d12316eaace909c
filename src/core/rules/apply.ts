/** Applying matched rules to a DOM subtree: selectors first, then heading labels. Reports every removal. */
import type { Removal } from '../types';
import { exactTextKey, findExactText } from './exact-text';
import { visibleText } from '../measures';
import { findFurniture } from './furniture';
import { LabelWords, Labels } from './label-words';
import { LabelSet } from './labels';
import { findEdgeMenus } from './menus';
import { findEdgeList } from './edge-lists';
import { findModules } from './module';
import type { Rule } from './types';

const PREVIEW_CHARS = 80;

/** A removal's preview: its text, whitespace folded, cut to a readable length. */
export function preview(nodes: Node[]): { preview: string; chars: number } {
  const text = nodes.map(visibleText).join(' ').replace(/[\s\u00a0\u3000]+/g, ' ').trim();
  const chars = text.replace(/ /g, '').length;
  return { preview: text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS - 1) + '…' : text, chars };
}

/** Removes what the rules' CSS selectors match under root (never root itself or an ancestor of it). */
function applySelectors(root: Element, rules: Rule[]): Removal[] {
  const removed: Removal[] = [];
  for (const rule of rules) {
    for (const sel of rule.remove ?? []) {
      let hits: Element[];
      try { hits = [...root.querySelectorAll(sel)]; } catch { continue; } // invalid selectors are reported by parse
      for (const el of hits) {
        if (!el.isConnected || !root.contains(el)) continue; // inside a block removed a moment ago
        const p = preview([el]);
        el.remove();
        if (p.chars === 0) continue; // empty ad slots are removed silently: nothing to tell
        removed.push({ ruleId: rule.id, reason: `selector ${sel}`, ...p });
      }
    }
  }
  return removed;
}

const labelSets = new Map<string, Labels>();

/** The labels and label words of these rules, built once per distinct rule set (used twice per page, on every page). */
function labelSetOf(rules: Rule[]): Labels {
  const entries = rules.flatMap(r => (r.labels ?? []).map(label => ({ label, ruleId: r.id })));
  const words = rules.flatMap(r => (r.labelWords ?? []).map(label => ({ label, ruleId: r.id })));
  const key = [...entries, ...words.map(w => ({ ...w, ruleId: `${w.ruleId}\u0002` }))].map(e => `${e.ruleId}\u0000${e.label}`).join('\u0001');
  let set = labelSets.get(key);
  if (!set) {
    if (labelSets.size > 16) labelSets.clear();
    set = new Labels(new LabelSet(entries), new LabelWords(words));
    labelSets.set(key, set);
  }
  return set;
}

/** Removes the modules headed by the rules' labels under root. */
function applyLabels(root: Element, rules: Rule[]): Removal[] {
  const labels = labelSetOf(rules);
  const removed: Removal[] = [];
  for (const m of findModules(root, labels)) {
    const p = preview(m.nodes);
    for (const n of m.nodes) n.remove();
    const label = m.hit.word ? `heading with “${m.hit.label}”` : `heading “${m.hit.label}”`;
    removed.push({ ruleId: m.hit.ruleId, reason: label, ...p });
  }
  return removed;
}

/** Removes the blocks whose whole text is one of the rules' exact texts (a person's one-off removals). */
function applyTexts(root: Element, rules: Rule[]): Removal[] {
  const owner = new Map<string, string>();
  for (const r of rules) for (const t of r.texts ?? []) { const k = exactTextKey(t); if (k && !owner.has(k)) owner.set(k, r.id); }
  if (!owner.size) return [];
  const removed: Removal[] = [];
  for (const el of findExactText(root, new Set(owner.keys()))) {
    const p = preview([el]);
    const ruleId = owner.get(exactTextKey(el.textContent ?? '')) ?? rules[0]!.id;
    el.remove();
    removed.push({ ruleId, reason: `exact text “${p.preview.slice(0, 24)}${p.preview.length > 24 ? '…' : ''}”`, ...p });
  }
  return removed;
}

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

/** Removes menus and breadcrumbs at root's edges, for the first rule that asks (the article, after Readability). */
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
function applyEdgeLists(root: Element, rules: Rule[], known: Rule[]): Removal[] {
  const rule = rules.find(r => r.edgeLists === true);
  if (!rule) return [];
  // A heading that is a label (or holds a label word) belongs to that label's rule, switched off or not.
  const labels = labelSetOf(known);
  const nodes = findEdgeList(root, heading => labels.match(heading) !== null);
  if (!nodes.length) return [];
  const p = preview(nodes);
  const links = nodes.reduce((n, el) => n + el.querySelectorAll('a[href]').length, 0);
  for (const el of nodes) el.remove();
  return [{ ruleId: rule.id, reason: `headline list of ${links} links at the article's foot`, ...p }];
}

/** Where applyRules runs: the page before Readability, or the article it returned. */
export interface ApplyOptions {
  /**
   * root is the article Readability returned: furniture lines and edge menus are removed only there, so they
   * never change which container Readability picks (removing a comment counter from a meta line before
   * Readability made it drop the line's source and date: fixture zh-aggregator-inline-blocks).
   */
  article?: boolean;
  /** Every rule for this page, switched off or not: a heading that is one of their labels is never an unlabeled headline list. */
  known?: Rule[];
}

/** Applies the rules to root in place: selectors, labels, exact texts, then (on the article) furniture lines and edge menus; returns what was removed and why. */
export function applyRules(root: Element, rules: Rule[], opts: ApplyOptions = {}): Removal[] {
  if (!rules.length) return [];
  const removed = [...applySelectors(root, rules), ...applyLabels(root, rules), ...applyTexts(root, rules)];
  if (opts.article) removed.push(...applyLines(root, rules), ...applyMenus(root, rules), ...applyEdgeLists(root, rules, opts.known ?? rules));
  return removed;
}
