/**
 * Getting the converter for a choice: the article's script measured on its own text with the small
 * Traditional → Simplified table (the share of Han characters it changes), then the table the plan needs,
 * each loaded on first use by dynamic import (a separate chunk: nothing of opencc-js is in content.js or
 * the popup's first paint).
 */
import { plan, regionOf, type Plan, type ScriptTarget, type SourceScript } from './targets';

/** A text-to-text conversion (opencc-js's converter function). */
export type TextConverter = (text: string) => string;

type Traditional = typeof import('./tables-traditional');
type Simplified = typeof import('./tables-simplified');
let traditional: Promise<Traditional> | null = null;
let simplified: Promise<Simplified> | null = null;
const loadTraditional = () => (traditional ??= import('./tables-traditional'));
const loadSimplified = () => (simplified ??= import('./tables-simplified'));

const HAN = /\p{Script=Han}/u;
/**
 * At least this share of the Han characters changes under Traditional → Simplified in Traditional text; in
 * Simplified text almost none does (the few shared forms: 乾隆, 著作). Measured on this project's pages:
 * paged/zh-hant 0.2–0.3, paged/zh-hans 0 (test/ui/script-convert.test.ts).
 */
const TRADITIONAL_SHARE = 0.05;
/** The first this-many characters of the text decide (a page's script does not change half-way). */
const SAMPLE_CHARS = 2000;

/** The share of the sample's Han characters that Traditional → Simplified changes. */
export function changedShare(sample: string, toSimplified: TextConverter): number {
  const a = Array.from(sample),
    b = Array.from(toSimplified(sample));
  let han = 0,
    changed = 0;
  for (let i = 0; i < a.length; i++) {
    if (!HAN.test(a[i]!)) continue;
    han++;
    if (a.length === b.length ? a[i] !== b[i] : !b.includes(a[i]!)) changed++;
  }
  return han ? changed / han : 0;
}

/** Whether the text is in Traditional characters, by the table itself (loads the small chunk). */
export async function detectScript(text: string): Promise<SourceScript | null> {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (!HAN.test(sample)) return null;
  const t = await loadTraditional();
  return changedShare(sample, t.toSimplified('tw')) >= TRADITIONAL_SHARE ? 'hant' : 'hans';
}

/** The converter for a plan (loads the chunk it needs). */
async function converterFor(p: NonNullable<Plan>): Promise<TextConverter> {
  if (p.table === 'from-simplified') return (await loadSimplified()).fromSimplified(p.to);
  const t = await loadTraditional();
  return p.table === 'from-traditional' ? t.toSimplified(p.from) : t.betweenTraditional(p.from, p.to);
}

/** What {@link loadConverter} decided: the converter (null: show the original) and what the article was found to be. */
export interface Loaded {
  convert: TextConverter | null;
  source: SourceScript | null;
  plan: Plan;
}

/**
 * The converter that shows an article (language tag `lang`, text `text`) in `target`. No Han text, or 原文, or
 * already in that script: no converter (the view shows the original).
 */
export async function loadConverter(target: ScriptTarget, article: { lang: string | null; text: string }): Promise<Loaded> {
  if (target === 'original') return { convert: null, source: null, plan: null };
  const source = await detectScript(article.text);
  if (!source) return { convert: null, source, plan: null };
  const p = plan(target, source, regionOf(article.lang));
  return { convert: p ? await converterFor(p) : null, source, plan: p };
}
