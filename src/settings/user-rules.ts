/** Structural check of stored user rules: one bad rule is dropped with its error, the others are kept. */
import type { Rule } from "../core/rules/types.ts";
import { describe, isRecord } from "./shape.ts";

const RULE_ID = /^[a-z0-9-]{1,64}$/;
const STRING_LISTS = ["sites", "remove", "labels", "texts"] as const;
const STRINGS = ["title", "content", "evidence"] as const;
const KNOWN = new Set<string>(["id", ...STRING_LISTS, ...STRINGS]);

/** Why one stored rule cannot be used, or null when its shape is right (CSS syntax is checked by core, which has a DOM). */
function ruleProblem(rule: Record<string, unknown>): string | null {
  if (typeof rule.id !== "string" || !RULE_ID.test(rule.id)) return `id: expected 1-64 characters of a-z, 0-9 and "-", got ${describe(rule.id)}`;
  if (typeof rule.title !== "string" || !rule.title.trim()) return `title: expected a non-empty text, got ${describe(rule.title)}`;
  for (const key of STRINGS) {
    if (key !== "title" && rule[key] !== undefined && typeof rule[key] !== "string") return `${key}: expected a text, got ${describe(rule[key])}`;
  }
  for (const key of STRING_LISTS) {
    const list = rule[key];
    if (list === undefined && key !== "sites") continue;
    if (!Array.isArray(list) || !list.every((x) => typeof x === "string" && x.length > 0)) return `${key}: expected a list of texts, got ${describe(list)}`;
  }
  if ((rule.sites as string[]).length === 0) return `sites: expected at least one site ("*" for all), got an empty list`;
  return null;
}

/** Keeps the well-formed rules of `raw` (unknown fields stripped), pushing one error per rule dropped or field ignored. */
export function validateUserRules(raw: unknown, errors: string[]): Rule[] {
  if (!Array.isArray(raw)) {
    errors.push(`userRules: expected a list of rules, got ${describe(raw)}; your own rules were reset to none.`);
    return [];
  }
  const seen = new Set<string>();
  const rules: Rule[] = [];
  raw.forEach((rule, i) => {
    const name = isRecord(rule) && typeof rule.id === "string" ? `userRules[${i}] ("${rule.id}")` : `userRules[${i}]`;
    const problem = isRecord(rule) ? ruleProblem(rule) : `expected a rule object, got ${describe(rule)}`;
    if (problem) return void errors.push(`${name}: ${problem}; this rule was ignored.`);
    const r = rule as Record<string, unknown>;
    if (seen.has(r.id as string)) return void errors.push(`${name}: another of your rules already has this id; this one was ignored.`);
    seen.add(r.id as string);
    const kept: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(r)) {
      if (KNOWN.has(key)) kept[key] = Array.isArray(value) ? [...value] : value;
      else errors.push(`${name}.${key}: not a rule field; ignored.`);
    }
    rules.push(kept as unknown as Rule);
  });
  return rules;
}
