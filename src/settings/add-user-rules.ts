/**
 * Adding a person's new rules (remove-blocks mode saves one per save). Pure; the caller writes the result.
 * Minimal on purpose: 8a's settings work owns the full own-rules API and replaces this at merge.
 */
import type { Rule } from "../core/rules/types.ts";
import type { Settings } from "./defaults.ts";

/** A rule id for a new own rule of `site` that no existing rule uses: "mine-<site>-<n>". */
export function newRuleId(settings: Settings, site: string, taken: readonly string[] = []): string {
  const slug = site.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "site";
  const used = new Set([...settings.userRules.map((r) => r.id), ...taken]);
  for (let n = 1; ; n++) if (!used.has(`mine-${slug}-${n}`)) return `mine-${slug}-${n}`;
}

/** Settings with `rules` appended to the person's own rules (a rule with an existing id replaces it). */
export function addUserRules(settings: Settings, rules: readonly Rule[]): Settings {
  const ids = new Set(rules.map((r) => r.id));
  return { ...settings, userRules: [...settings.userRules.filter((r) => !ids.has(r.id)), ...rules.map((r) => JSON.parse(JSON.stringify(r)) as Rule)] };
}
