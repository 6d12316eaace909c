/**
 * Applying matched rules to a DOM subtree: selectors, heading labels, exact texts. Reports every removal. The
 * page half runs this before Readability; the article stage (apply-article.ts) runs it again on the article,
 * with what only the article needs.
 */
import type { Removal } from '../types';
import { exactTextKey, findExactText } from './exact-text';
import { visibleText } from '../text/walk';
import { fold } from '../text/chars';
import { LabelWords, Labels } from './label-words';
import { LabelSet } from './labels';
import { findModules } from './module';
import { INDEX_FROM, selectorQuery } from './selector-index';
import type { Rule } from '../rules/types';

const PREVIEW_CHARS = 80;

/** A removal's preview: its text, whitespace folded, cut to a readable length. */
export function preview(nodes: Node[]): { preview: string; chars: number } {
  const text = fold(nodes.map(visibleText).join(' '));
  const chars = text.replace(/ /g, '').length;
  return { preview: text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS - 1) + '…' : text, chars };
}

/** Removes what the rules' CSS selectors match under root (never root itself or an ancestor of it). */
function applySelectors(root: Element, rules: Rule[], parents?: Set<Element>): Removal[] {
  const removed: Removal[] = [];
  const count = rules.reduce((n, r) => n + (r.remove?.length ?? 0), 0);
  const query = count >= INDEX_FROM ? selectorQuery(root) : (sel: string) => [...root.querySelectorAll(sel)];
  for (const rule of rules) {
    for (const sel of rule.remove ?? []) {
      let hits: Element[];
      try { hits = query(sel); } catch { continue; } // invalid selectors are reported by parse
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

const labelSets = new Map<string, Labels>();

const ruleKeys = new WeakMap<Rule, string>();

/** A rule's part of a label-set key, built once per rule object (the bundled rules are the same objects on every clean). */
function ruleKey(r: Rule): string {
  let k = ruleKeys.get(r);
  if (k === undefined) {
    k = `${r.id}\u0000${(r.labels ?? []).join('\u0001')}\u0002${(r.labelWords ?? []).join('\u0001')}`;
    ruleKeys.set(r, k);
  }
  return k;
}

/** The labels and label words of these rules, built once per distinct rule set (used twice per page, on every page). */
export function labelSetOf(rules: Rule[]): Labels {
  const key = rules.map(ruleKey).join('\u0003');
  let set = labelSets.get(key);
  if (!set) {
    if (labelSets.size > 16) labelSets.clear();
    const entries = rules.flatMap(r => (r.labels ?? []).map(label => ({ label, ruleId: r.id })));
    const words = rules.flatMap(r => (r.labelWords ?? []).map(label => ({ label, ruleId: r.id })));
    set = new Labels(new LabelSet(entries), new LabelWords(words));
    labelSets.set(key, set);
  }
  return set;
}

/** Removes the modules headed by the rules' labels under root. */
function applyLabels(root: Element, rules: Rule[], parents?: Set<Element>): Removal[] {
  const labels = labelSetOf(rules);
  const removed: Removal[] = [];
  for (const m of findModules(root, labels)) {
    const p = preview(m.nodes);
    for (const n of m.nodes) { if (n.parentElement) parents?.add(n.parentElement); n.remove(); }
    const label = m.hit.word ? `heading with “${m.hit.label}”` : `heading “${m.hit.label}”`;
    removed.push({ ruleId: m.hit.ruleId, reason: label, ...p });
  }
  return removed;
}

/** Removes the blocks whose whole text is one of the rules' exact texts (a person's one-off removals). */
function applyTexts(root: Element, rules: Rule[], parents?: Set<Element>): Removal[] {
  const owner = new Map<string, string>();
  for (const r of rules) for (const t of r.texts ?? []) { const k = exactTextKey(t); if (k && !owner.has(k)) owner.set(k, r.id); }
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
 * Applies the rules' selectors, labels and exact texts to root in place; returns what was removed and why.
 * `parents`, when given, collects the removed blocks' parents at the moment of removal (the never-worse check's
 * pruned sites; remove() forgets them).
 */
export function applyRules(root: Element, rules: Rule[], parents?: Set<Element>): Removal[] {
  if (!rules.length) return [];
  return [...applySelectors(root, rules, parents), ...applyLabels(root, rules, parents), ...applyTexts(root, rules, parents)];
}
