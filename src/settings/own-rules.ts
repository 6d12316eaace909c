/**
 * Pure edits of the person's own rules. Every path that saves own rules (the popup's remove-blocks mode,
 * import, the rules page) goes through these, inside the platform's updateSettings, so ids stay unique and
 * a bundled rule's id is never taken over.
 */
import type { Rule, RuleFile } from '../core/rules/types.ts';
import type { QuarantinedRule, Settings } from './defaults.ts';
import { hostInSite } from '../core/rules/match.ts';

/** What to do when an added rule's id is already an own rule's: keep both (new id) or replace the old one. */
export type OnClash = 'rename' | 'replace';

/** The new settings and what happened to each rule, so the UI can say it. */
export interface AddResult {
  settings: Settings;
  /** The rules as stored (renamed ones carry their new id). */
  added: Rule[];
  renamed: { from: string; to: string }[];
  /** Ids of own rules that were replaced. */
  replaced: string[];
}

/**
 * Hands out fresh ids: `id` with the smallest "-N" suffix not taken, kept within the 64-character id limit of
 * parse.ts. One set of taken ids for a whole import, and per id the next suffix to try, so a file of
 * 10,000 clashing rules costs one pass (issue 16: a set rebuilt per clash costs 77 s for them, inside the save's lock).
 */
class IdPool {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();
  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }
  /** A fresh id derived from `id`, now taken. */
  fresh(id: string): string {
    for (let n = this.next.get(id) ?? 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = id.slice(0, 64 - suffix.length).replace(/-+$/, '') + suffix;
      if (this.taken.has(candidate)) continue;
      this.next.set(id, n + 1);
      this.taken.add(candidate);
      return candidate;
    }
  }
}

/**
 * Adds `rules` to the own rules. An id equal to one in `reserved` (the bundled rules' ids) always gets a new
 * id: a file can never overwrite a bundled rule. An id equal to an own rule's is renamed or replaces it, per
 * `onClash`. A new id never takes one used by the own rules, `reserved` or any rule of the file. One pass.
 */
export function addUserRules(
  settings: Settings,
  rules: readonly Rule[],
  opts: { onClash?: OnClash; reserved?: Iterable<string> } = {},
): AddResult {
  const reserved = new Set(opts.reserved ?? []);
  const own = settings.userRules.map(r => r);
  const at = new Map(own.map((r, i) => [r.id, i]));
  const inputs = rules.map(r => JSON.parse(JSON.stringify(r)) as Rule);
  const pool = new IdPool([...reserved, ...at.keys(), ...inputs.map(r => r.id)]);
  const result: AddResult = { settings, added: [], renamed: [], replaced: [] };
  for (let rule of inputs) {
    const index = at.get(rule.id);
    if (reserved.has(rule.id) || (index !== undefined && opts.onClash !== 'replace')) {
      const to = pool.fresh(rule.id);
      result.renamed.push({ from: rule.id, to });
      rule = { ...rule, id: to };
    } else if (index !== undefined) {
      own[index] = rule;
      result.replaced.push(rule.id);
      result.added.push(rule);
      continue;
    }
    at.set(rule.id, own.length);
    own.push(rule);
    result.added.push(rule);
  }
  result.settings = { ...settings, userRules: own };
  return result;
}

/** The own rule `id` replaced by `rule` (same place in the list); unchanged settings when there is none. */
export function replaceUserRule(settings: Settings, id: string, rule: Rule): Settings {
  if (!settings.userRules.some(r => r.id === id)) return settings;
  return { ...settings, userRules: settings.userRules.map(r => (r.id === id ? rule : r)) };
}

/** Deletes own rule `id`; `removed` and `index` let the caller undo with addUserRules/restore. */
export function removeUserRule(settings: Settings, id: string): { settings: Settings; removed: Rule | null; index: number } {
  const index = settings.userRules.findIndex(r => r.id === id);
  if (index < 0) return { settings, removed: null, index };
  return { settings: { ...settings, userRules: settings.userRules.filter(r => r.id !== id) }, removed: settings.userRules[index]!, index };
}

/** What an undo of a delete did: the settings, and the id the rule is back under. */
export interface RestoreResult {
  settings: Settings;
  /** The restored rule's id: its own, or a fresh one when a rule made since took it. */
  id: string;
  renamed: boolean;
}

/**
 * Puts a deleted rule back at `index` (undo). When a rule made since has its id (the popup hands out the
 * lowest free "mine-<site>-<n>", so a freed id is soon reused: issue 16), neither is dropped: the restored
 * rule gets a fresh id, never one of the own rules' or of `reserved` (the bundled ids).
 */
export function restoreUserRule(settings: Settings, rule: Rule, index: number, reserved: Iterable<string> = []): RestoreResult {
  const taken = new Set([...reserved, ...settings.userRules.map(r => r.id)]);
  const id = taken.has(rule.id) ? new IdPool(taken).fresh(rule.id) : rule.id;
  const userRules = [...settings.userRules];
  userRules.splice(Math.min(Math.max(index, 0), userRules.length), 0, id === rule.id ? rule : { ...rule, id });
  return { settings: { ...settings, userRules }, id, renamed: id !== rule.id };
}

/**
 * Deletes exactly the quarantine entries `shown` (what a page listed when the person pressed Delete), matched
 * in what is stored at save time: an entry set aside since the page loaded stays (issue 16). Returns what
 * was dropped, for undo.
 */
export function dropQuarantined(settings: Settings, shown: readonly QuarantinedRule[]): { settings: Settings; dropped: QuarantinedRule[] } {
  // Matched by their JSON, each shown entry once: both sides were read from the same stored list, so an
  // entry keeps its key order; one that did not match is kept, never dropped.
  const wanted = new Map<string, number>();
  for (const entry of shown) wanted.set(JSON.stringify(entry), (wanted.get(JSON.stringify(entry)) ?? 0) + 1);
  const left: QuarantinedRule[] = [];
  const dropped: QuarantinedRule[] = [];
  for (const entry of settings.quarantine) {
    const key = JSON.stringify(entry);
    const n = wanted.get(key) ?? 0;
    if (n > 0) wanted.set(key, n - 1);
    (n > 0 ? dropped : left).push(entry);
  }
  return { settings: { ...settings, quarantine: left }, dropped };
}

/** Forgets every per-site switch stored for `site` and the hosts below it ("*": the all-sites switches). */
export function resetSite(settings: Settings, site: string): Settings {
  const sites = Object.fromEntries(
    Object.entries(settings.sites).filter(([host]) => (site === '*' ? host !== '*' : host === '*' || !hostInSite(host, site))),
  );
  return { ...settings, sites };
}

/** The own rules as a rule file: exactly what the CLI's `--rules` reads and the rules page exports. */
export function ownRuleFile(settings: Settings): RuleFile {
  return { version: 1, rules: settings.userRules.map(r => JSON.parse(JSON.stringify(r)) as Rule) };
}

/** A rule id for a new own rule of `site` that no existing rule uses: "mine-<site>-<n>" (remove-blocks mode). */
export function newRuleId(settings: Settings, site: string, taken: readonly string[] = []): string {
  const slug =
    site
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'site';
  const used = new Set([...settings.userRules.map(r => r.id), ...taken]);
  for (let n = 1; ; n++) if (!used.has(`mine-${slug}-${n}`)) return `mine-${slug}-${n}`;
}
