/** Applying matched rules to a DOM subtree: selectors first, then heading labels. Reports every removal. */
import type { Removal } from '../types';
import { LabelSet } from './labels';
import { findModules } from './module';
import { visibleText } from '../measures';
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

const labelSets = new Map<string, LabelSet>();

/** The LabelSet of these rules, built once per distinct rule set (it is used twice per page, on every page). */
function labelSetOf(rules: Rule[]): LabelSet {
  const entries = rules.flatMap(r => (r.labels ?? []).map(label => ({ label, ruleId: r.id })));
  const key = entries.map(e => `${e.ruleId}\u0000${e.label}`).join('\u0001');
  let set = labelSets.get(key);
  if (!set) {
    if (labelSets.size > 16) labelSets.clear();
    set = new LabelSet(entries);
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
    removed.push({ ruleId: m.hit.ruleId, reason: `heading “${m.hit.label}”`, ...p });
  }
  return removed;
}

/** Applies the rules to root in place: selectors, then labels; returns what was removed and why. */
export function applyRules(root: Element, rules: Rule[]): Removal[] {
  if (!rules.length) return [];
  return [...applySelectors(root, rules), ...applyLabels(root, rules)];
}
