/**
 * The rules on a subtree, in the page before Readability (pipeline/extract.ts) and again on the article
 * (apply-article.ts): site selectors, heading labels, exact texts. Each removal is found by its own file; this
 * one removes what they find and reports every block, as what it is.
 */
import type { Removal } from '../types';
import type { RemovalContext } from './context';
import { exactTextKey, findExactText } from './exact-text';
import { findModules } from './module';
import { preview } from './preview';
import { INDEX_FROM, selectorQuery } from './selector-index';

/** Removes what the rules' CSS selectors match under root (never root itself or an ancestor of it). */
function applySelectors(root: Element, rules: RemovalContext['active'], parents?: Set<Element>): Removal[] {
  const removed: Removal[] = [];
  const count = rules.reduce((n, r) => n + (r.remove?.length ?? 0), 0);
  const query = count >= INDEX_FROM ? selectorQuery(root) : (sel: string) => [...root.querySelectorAll(sel)];
  for (const rule of rules) {
    for (const sel of rule.remove ?? []) {
      let hits: Element[];
      try {
        hits = query(sel);
      } catch {
        continue;
      } // invalid selectors are reported by parse
      for (const el of hits) {
        if (!el.isConnected || !root.contains(el)) continue; // inside a block removed a moment ago
        const p = preview([el]);
        if (el.parentElement) parents?.add(el.parentElement);
        el.remove();
        if (p.chars === 0) continue; // empty ad slots are removed silently: nothing to tell
        removed.push({ ruleId: rule.id, reason: `selector ${sel}`, ...p });
      }
    }
  }
  return removed;
}

/** Removes the modules headed by the rules' labels under root. */
function applyLabels(root: Element, ctx: RemovalContext, parents?: Set<Element>): Removal[] {
  const labels = ctx.labels();
  const removed: Removal[] = [];
  for (const m of findModules(root, labels)) {
    const p = preview(m.nodes);
    for (const n of m.nodes) {
      if (n.parentElement) parents?.add(n.parentElement);
      n.remove();
    }
    const label = m.hit.word ? `heading with “${m.hit.label}”` : `heading “${m.hit.label}”`;
    removed.push({ ruleId: m.hit.ruleId, reason: label, ...p });
  }
  return removed;
}

/** Removes the blocks whose whole text is one of the rules' exact texts (a person's one-off removals). */
function applyTexts(root: Element, rules: RemovalContext['active'], parents?: Set<Element>): Removal[] {
  const owner = new Map<string, string>();
  for (const r of rules)
    for (const t of r.texts ?? []) {
      const k = exactTextKey(t);
      if (k && !owner.has(k)) owner.set(k, r.id);
    }
  if (!owner.size) return [];
  const removed: Removal[] = [];
  for (const el of findExactText(root, new Set(owner.keys()))) {
    const p = preview([el]);
    const ruleId = owner.get(exactTextKey(el.textContent ?? '')) ?? rules[0]!.id;
    if (el.parentElement) parents?.add(el.parentElement);
    el.remove();
    removed.push({ ruleId, reason: `exact text “${p.preview.slice(0, 24)}${p.preview.length > 24 ? '…' : ''}”`, ...p });
  }
  return removed;
}

/**
 * Applies the active rules' selectors, labels and exact texts to root in place; returns what was removed and
 * why. `parents`, when given, collects the removed blocks' parents at the moment of removal (the never-worse
 * check's pruned sites; remove() forgets them).
 */
export function applyRules(root: Element, ctx: RemovalContext, parents?: Set<Element>): Removal[] {
  const rules = ctx.active;
  if (!rules.length) return [];
  return [...applySelectors(root, rules, parents), ...applyLabels(root, ctx, parents), ...applyTexts(root, rules, parents)];
}
