/**
 * One clean's removal state: the rules chosen for the page, and what the removals build from them once per
 * clean and only when a removal asks (the label indexes, the furniture phrases in comparable form). The
 * pipeline makes one per step (pipeline/extract.ts, pipeline/settle.ts); nothing is kept between cleans, so
 * no rule a person switched off or deleted lingers in a cache.
 */
import type { Rule } from '../rules/types';
import { normalizeLine, type Phrase } from './furniture';
import { PlainForms } from './label-index';
import { LabelWords, Labels } from './label-words';
import { LabelSet, normalizeLabel } from './labels';

/** The rules of one clean and what the removals build from them. */
export interface RemovalContext {
  /** The rules switched on for the page: these remove. */
  readonly active: readonly Rule[];
  /** Every rule for the page, switched off or not. */
  readonly matching: readonly Rule[];
  /** The labels and label words of the active rules (built on first use). */
  labels(): Labels;
  /** The labels and label words of every matching rule: a heading that is one is never an unlabeled headline list. */
  knownLabels(): Labels;
  /** The active rules' furniture phrases, normalized, in rule order (built on first use). */
  phrases(): readonly Phrase[];
}

/** The labels and label words of `rules`, their characters' forms read through `forms`. */
function labelsOf(rules: readonly Rule[], forms: PlainForms): Labels {
  const entries = rules.flatMap(r => (r.labels ?? []).map(label => ({ label, ruleId: r.id })));
  const words = rules.flatMap(r => (r.labelWords ?? []).map(label => ({ label, ruleId: r.id })));
  return new Labels(new LabelSet(entries, forms), new LabelWords(words, forms));
}

/**
 * The removal state of a clean whose `active` rules remove: `matching` (all the page's rules) without the
 * switched-off ones (rules/choose.ts), so the two are the same rules when they are as many.
 */
export function removalContext(active: readonly Rule[], matching: readonly Rule[] = active): RemovalContext {
  const forms = new PlainForms(normalizeLabel);
  let labels: Labels | null = null,
    known: Labels | null = null,
    phrases: Phrase[] | null = null;
  return {
    active,
    matching,
    labels: () => (labels ??= labelsOf(active, forms)),
    knownLabels: () => (known ??= matching.length === active.length ? (labels ??= labelsOf(active, forms)) : labelsOf(matching, forms)),
    phrases: () =>
      (phrases ??= active
        .flatMap(r => (r.lines ?? []).map(line => ({ n: normalizeLine(line), hit: { line, ruleId: r.id } })))
        .filter(p => p.n)),
  };
}
