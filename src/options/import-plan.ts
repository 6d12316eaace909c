/**
 * Reading a rules file for import, all-or-nothing: the core's parseRules with the Public Suffix List site
 * check and this page's selector parser; any error refuses the whole file. Own-rule id clashes are found
 * here so the page can ask; bundled ids are always renamed by addUserRules (a file never overwrites them).
 */
import { formatRuleError, parseRules, type SelectorCheck } from '../core/rules/parse.ts';
import { isRegistrableSite } from '../core/rules/psl.ts';
import type { Rule } from '../core/rules/types.ts';
import type { Settings } from '../settings/index.ts';

/** A file that cannot be imported: one line per error, each naming the rule id and field. */
export interface ImportRefused {
  ok: false;
  errors: string[];
}

/** A file that can be imported, and which of its ids are already own rules (the page asks: keep both or replace). */
export interface ImportReady {
  ok: true;
  rules: Rule[];
  clashes: string[];
}

/** Plans the import of `text` (named `fileName`) into `settings`; nothing is stored here. */
export function planImport(text: string, fileName: string, settings: Settings, check: SelectorCheck): ImportRefused | ImportReady {
  const parsed = parseRules(text, fileName, check, isRegistrableSite);
  if (parsed.errors.length) return { ok: false, errors: parsed.errors.map(formatRuleError) };
  if (parsed.rules.length === 0) return { ok: false, errors: [`${fileName}: the file holds no rules`] };
  const own = new Set(settings.userRules.map(r => r.id));
  return { ok: true, rules: parsed.rules, clashes: parsed.rules.map(r => r.id).filter(id => own.has(id)) };
}
