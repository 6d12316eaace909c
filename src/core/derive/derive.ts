/**
 * Deriving a person's rule from the blocks they removed in the reader: for each picked block, the most
 * durable description that, on this page, removes exactly the picked blocks. Pure and read-only: it gets
 * the live page's body, the picks (as block marks, src/core/dom/block-mark.ts), the current article's marks
 * and a `probe` that runs the whole pipeline with a candidate rule added (in the page: the content
 * script's extraction; in Node tests: the same core on jsdom). Nothing on the page is changed.
 */
import { selectorCandidates, isBareTag } from './describe';
import { exactTextKey, MIN_EXACT_CHARS } from '../removals/exact-text';
import { LIMITS } from '../rules/parse';
import { endsWithSentence, fold, squeeze } from '../text/chars';
import type { Rule } from '../rules/types';

/** One block the person removed in the reader. */
export interface Pick {
  /** Marks of the block's own elements: one element, or a run (a heading and what it heads). */
  top: number[];
  /** Every mark inside the block as shown (its elements and their descendants). */
  marks: number[];
  /** The person chose "only this exact text" for this block (a one-off line). */
  exact?: boolean;
}

/** What a pipeline run shows: the marks present in the article and its text length (whitespace excluded). */
export interface ProbeResult {
  marks: Set<number>;
  chars: number;
}

/** Runs the pipeline with `extra` added to the rules in force; null when no article came out. */
export type Probe = (extra: Rule) => ProbeResult | null;

/** Why a block got no description. The popup words each one (refusal*) in the person's language. */
export type Refusal =
  /** The block itself holds more than MAX_SHARE of the article's text. */
  | { code: 'too-big'; share: number }
  /** The closest description would also take article text (a bare tag, the article container, other paragraphs). */
  | { code: 'takes-article'; selector: string; share: number }
  /** No stable description matched this block alone on this page. */
  | { code: 'no-description' }
  /** The block's source element is gone (the page changed since it was shown). */
  | { code: 'not-found' };

/** The description a block got, or why it got none. */
export type Outcome = { ok: true; kind: 'label' | 'selector' | 'text'; description: string[] } | { ok: false; refusal: Refusal };

/** The derived rule (null when no block got a description) and one outcome per pick, in order. */
export interface Derived {
  rule: Rule | null;
  outcomes: Outcome[];
  /** The combined rule, run through the pipeline on this page, removed exactly the described blocks. */
  verified: boolean;
}

/** Everything derivation needs. */
export interface DeriveInput {
  /** The live page's body (read only). */
  body: Element;
  picks: Pick[];
  /** The article as currently shown (with the rules in force, without the new one). */
  baseline: ProbeResult;
  probe: Probe;
  /** The new rule's id, title and sites. */
  head: Pick2<Rule, 'id' | 'title' | 'sites'> & { evidence?: string };
}
type Pick2<T, K extends keyof T> = { [P in K]: T[P] };

/**
 * A description may take at most this share of the article's text: the line ("anything holding
 * > 30% of the article's text" is refused); a block that large is a column or the body, not clutter.
 */
export const MAX_SHARE = 0.3;
/** Pipeline runs tried per block: each is a full extraction (tens of ms on a news page). */
const MAX_PROBES = 4;
/** A heading label longer than this is a title, not a module's label (the rule format's own limit). */
const LABEL_MAX = LIMITS.labelLength;
const HEADING = /^h[1-6]$/;

/** The label a block is headed by: a heading's own short text, when the block is or starts with one. */
export function headingLabel(el: Element): string | null {
  let h: Element | null = HEADING.test(el.localName) ? el : null;
  if (!h) {
    const first = [...el.children].find(c => squeeze(c.textContent ?? '').length > 0);
    if (first && (HEADING.test(first.localName) || /^(?:strong|b|header)$/.test(first.localName))) h = first;
  }
  if (!h || h.closest('a[href]')) return null;
  const link = h.querySelector('a[href]');
  if (link && squeeze(link.textContent ?? '') === squeeze(h.textContent ?? '')) return null; // a linked title is a teaser, not a label
  const text = fold(h.textContent ?? '');
  if (!text || text.length > LABEL_MAX || endsWithSentence(text)) return null;
  return text;
}

/** Derives one rule for all picks; see the file comment. */
export function deriveRule(input: DeriveInput): Derived {
  const { body, picks, baseline, probe } = input;
  const live = body.getElementsByTagName('*');
  let index: Map<Element, number> | null = null;
  const markOf = (el: Element): number => {
    index ??= new Map([...live].map((e, i) => [e, i]));
    return index.get(el) ?? -1;
  };
  const picked = new Set(picks.flatMap(p => p.marks));
  const total = Math.max(1, baseline.chars);

  /** Whether a pipeline run with `extra` removed the pick's own elements and nothing outside the picks. */
  const exact = (extra: Rule, pick: Pick): boolean => {
    const r = probe(extra);
    if (!r) return false;
    if (!pick.top.every(m => !r.marks.has(m))) return false;
    for (const m of baseline.marks) if (!r.marks.has(m) && !picked.has(m)) return false;
    return true;
  };
  /** Article text a selector takes beyond the picks, as a share of the article (0 when none). */
  const takes = (selector: string): number => {
    let hits: Element[];
    try {
      hits = [...body.querySelectorAll(selector)];
    } catch {
      return 1;
    }
    let chars = 0;
    for (const h of hits) {
      const inArticle = [h, ...h.getElementsByTagName('*')].filter(e => baseline.marks.has(markOf(e)));
      if (inArticle.every(e => picked.has(markOf(e)))) continue;
      chars += squeeze(h.textContent ?? '').length;
    }
    return Math.min(1, chars / total);
  };
  const base = { ...input.head, evidence: input.head.evidence };

  const outcomes: Outcome[] = picks.map((pick): Outcome => {
    const sources = pick.top.map(m => live[m]).filter((e): e is Element => !!e);
    if (!sources.length || sources.length !== pick.top.length) return { ok: false, refusal: { code: 'not-found' } };
    const text = fold(sources.map(s => s.textContent).join(' '));
    if (pick.exact) {
      if (exactTextKey(text).length < MIN_EXACT_CHARS || text.length > LIMITS.textLength)
        return { ok: false, refusal: { code: 'no-description' } };
      return exact({ ...base, texts: [text] }, pick)
        ? { ok: true, kind: 'text', description: [text] }
        : { ok: false, refusal: { code: 'no-description' } };
    }
    const share = squeeze(text).length / total;
    if (share > MAX_SHARE) return { ok: false, refusal: { code: 'too-big', share } };
    let probes = 0;
    // (a) A labelled module: its heading's label finds it on every page of the site, whatever its markup.
    const label = headingLabel(sources[0]!);
    if (label) {
      probes++;
      if (exact({ ...base, labels: [label] }, pick)) return { ok: true, kind: 'label', description: [label] };
    }
    // (b) Stable selectors, one per source element (a run without a label is described element by element).
    const chosen: string[] = [];
    let closest: Refusal | null = null;
    for (const src of sources) {
      let found: string | null = null;
      for (const sel of selectorCandidates(src)) {
        const taken = takes(sel);
        // A bare tag ("p") is refused even where it happens to match only the pick: on the next page it would not.
        if (isBareTag(sel) || taken > 0) {
          closest ??= { code: 'takes-article', selector: sel, share: taken };
          continue;
        }
        let hits: Element[];
        try {
          hits = [...body.querySelectorAll(sel)];
        } catch {
          continue;
        }
        if (!hits.some(h => h === src || h.contains(src))) continue;
        if (probes >= MAX_PROBES) break;
        probes++;
        if (exact({ ...base, remove: [sel] }, { ...pick, top: [markOf(src)] })) {
          found = sel;
          break;
        }
      }
      if (!found) return { ok: false, refusal: closest ?? { code: 'no-description' } };
      chosen.push(found);
    }
    return { ok: true, kind: 'selector', description: chosen };
  });

  const rule: Rule = { ...base };
  for (const o of outcomes) {
    if (!o.ok) continue;
    const field = o.kind === 'label' ? 'labels' : o.kind === 'text' ? 'texts' : 'remove';
    rule[field] = [...new Set([...(rule[field] ?? []), ...o.description])];
  }
  if (rule.evidence === undefined) delete rule.evidence;
  if (!rule.remove && !rule.labels && !rule.texts) return { rule: null, outcomes, verified: false };
  const described = new Set(picks.filter((_, i) => outcomes[i]!.ok).flatMap(p => p.marks));
  const r = probe(rule);
  const verified =
    !!r &&
    picks.every((p, i) => !outcomes[i]!.ok || p.top.every(m => !r.marks.has(m))) &&
    [...baseline.marks].every(m => r.marks.has(m) || described.has(m));
  return { rule, outcomes, verified };
}
