/**
 * What the popup hands the reader tab, and the check the tab runs on it. The entry sat in storage that
 * the whole extension can write, and its fields came from a web page: the tab trusts none of it (the HTML
 * is sanitized again on render, see render-html.ts; every other field must be the type it claims).
 */
import type { Article, Removal, RuleSummary } from '../core/types.ts';

/** One hand-over: the article as the popup showed it, its site's rules, and the tab it came from. */
export interface Handoff {
  article: Article;
  rules: RuleSummary[];
  /** The page's tab, for Esc (back to it). */
  tabId: number | null;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function removal(v: unknown): Removal | null {
  if (!isObj(v)) return null;
  return { ruleId: str(v.ruleId), reason: str(v.reason), preview: str(v.preview), chars: num(v.chars) };
}

function rule(v: unknown): RuleSummary | null {
  if (!isObj(v)) return null;
  return { id: str(v.id), title: str(v.title), enabled: v.enabled === true, removed: num(v.removed) };
}

const list = <T>(v: unknown, each: (x: unknown) => T | null): T[] =>
  Array.isArray(v) ? v.map(each).filter((x): x is T => x !== null) : [];

/** The hand-over rebuilt field by field with the right types, or null when it is no article at all. */
export function parseHandoff(raw: unknown): Handoff | null {
  if (!isObj(raw) || !isObj(raw.article)) return null;
  const a = raw.article;
  if (typeof a.html !== 'string' || typeof a.url !== 'string') return null;
  const rt = isObj(a.readingTime) ? a.readingTime : {};
  const article: Article = {
    title: str(a.title),
    byline: strOrNull(a.byline),
    siteName: strOrNull(a.siteName),
    lang: strOrNull(a.lang),
    publishedTime: strOrNull(a.publishedTime),
    url: a.url,
    excerpt: strOrNull(a.excerpt),
    source: strOrNull(a.source),
    originalTitle: strOrNull(a.originalTitle),
    editor: strOrNull(a.editor),
    disclaimer: strOrNull(a.disclaimer),
    readingTime: { minutes: num(rt.minutes), min: num(rt.min), max: num(rt.max) },
    html: a.html,
    text: str(a.text),
    removed: list(a.removed, removal),
    rules: list(a.rules, rule),
  };
  const tabId = typeof raw.tabId === 'number' && Number.isInteger(raw.tabId) ? raw.tabId : null;
  return { article, rules: list(raw.rules, rule), tabId };
}
