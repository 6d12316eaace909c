/** Reading a rule file: validate each rule on its own, keep the good ones, name the field of each error. */
import { exactTextKey, MIN_EXACT_CHARS } from '../removals/exact-text';
import * as THRESHOLDS from '../text/thresholds';
import { isWellFormedSite } from './match';
import type { ParsedRules, Rule, RuleError } from './types';

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const KNOWN: ReadonlySet<string> = new Set([
  'id',
  'title',
  'sites',
  'remove',
  'labels',
  'texts',
  'labelWords',
  'lines',
  'menus',
  'edgeLists',
  'content',
  'headerLines',
  'evidence',
]);
/** Limits that keep a rule file from being used to stall the page (10,000 rules parse in milliseconds). */
export const LIMITS = {
  rules: 10_000,
  selectors: 200,
  labels: 500,
  selectorLength: 500,
  labelLength: THRESHOLDS.labelLength,
  titleLength: 200,
  texts: 200,
  textLength: 2000,
  lines: 500,
  lineLength: THRESHOLDS.furnitureChars,
};

/** Checks a `sites` entry; rule files from people are read with ./psl.ts's isRegistrableSite. */
export type SiteCheck = (site: string) => boolean;

/** Checks a CSS selector against a document's own parser; null when it is valid. */
export type SelectorCheck = (selector: string) => string | null;

/**
 * Whether a selector has a :has() inside a :has() (at any depth). Selectors Level 4 forbids it; Chromium's
 * parser refuses it (through :not() too; inside :is() and :where() it drops the argument, so the selector
 * matches nothing), while jsdom's (nwsapi) accepts it: refused here so that one rule file gets
 * one verdict in every browser and the CLI. Quotes and escapes are skipped.
 */
export function hasNestedHas(sel: string): boolean {
  const open: boolean[] = []; // for each open "(": whether it is a :has( or inside one
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      for (i++; i < sel.length && sel[i] !== c; i++) if (sel[i] === '\\') i++;
      continue;
    }
    const inHas = open.length > 0 && open[open.length - 1]!;
    if (c === '(') {
      const has = /:has$/i.test(sel.slice(Math.max(0, i - 4), i));
      if (has && inHas) return true;
      open.push(has || inHas);
    } else if (c === ')') open.pop();
  }
  return false;
}

const NESTED_HAS = ':has() cannot be nested inside :has()';

/** A selector's error: the refusals every browser makes, then `check` (a DOM's parser) when there is one. */
const selectorError = (sel: string, check?: SelectorCheck): string | null => (hasNestedHas(sel) ? NESTED_HAS : check ? check(sel) : null);

/** A SelectorCheck backed by a Document (any DOM: the page, an extension page, jsdom), with the refusals every browser makes. */
export function selectorCheck(doc: Document): SelectorCheck {
  const frag = doc.createDocumentFragment();
  return sel => {
    if (hasNestedHas(sel)) return NESTED_HAS;
    try {
      frag.querySelector(sel);
      return null;
    } catch (e) {
      return (e as Error).message.split('\n')[0] ?? 'invalid selector';
    }
  };
}

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(x => typeof x === 'string');

/**
 * THE definition of a valid rule (uBlock Origin's single static-filtering parser is the model): the CLI,
 * the stored own rules (src/settings), import and the rules page's editor all ask this function.
 * Returns the rule (or null) and its errors, each naming the field. `index` names a rule without an id.
 */
export function checkRule(
  raw: unknown,
  {
    index = 0,
    source = 'user',
    check,
    siteOk = isWellFormedSite,
  }: { index?: number; source?: string; check?: SelectorCheck; siteOk?: SiteCheck } = {},
): { rule: Rule | null; errors: RuleError[] } {
  const errors: RuleError[] = [];
  const r = (raw ?? {}) as Record<string, unknown>;
  const id = typeof r.id === 'string' && r.id ? r.id : `#${index}`;
  const err = (field: string, message: string) => errors.push({ ruleId: id, field, message, source });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    err('', 'a rule must be an object');
    return { rule: null, errors };
  }
  if (typeof r.id !== 'string' || !ID.test(r.id))
    err('id', 'id must be 1–64 characters of a-z, 0-9 and "-", starting with a letter or digit');
  if (typeof r.title !== 'string' || !r.title.trim() || r.title.length > LIMITS.titleLength)
    err('title', `title must be a non-empty string of at most ${LIMITS.titleLength} characters`);
  for (const k of Object.keys(r)) if (!KNOWN.has(k)) err(k, `unknown field "${k}" (known: ${[...KNOWN].join(', ')})`);
  if (!isStringArray(r.sites) || r.sites.length === 0) err('sites', 'sites must be a non-empty list of "*" or registrable domains');
  else
    r.sites.forEach((s, i) => {
      if (!siteOk(s)) err(`sites[${i}]`, `"${s}" is not "*" or a registrable domain (e.g. "sina.com.cn")`);
    });
  const list = (field: 'remove' | 'labels' | 'texts' | 'labelWords' | 'lines', max: number, maxLen: number) => {
    if (r[field] === undefined) return;
    if (!isStringArray(r[field])) {
      err(field, `${field} must be a list of strings`);
      return;
    }
    const arr = r[field] as string[];
    if (arr.length > max) err(field, `${field} has ${arr.length} entries; at most ${max}`);
    arr.forEach((s, i) => {
      if (!s.trim()) err(`${field}[${i}]`, 'must not be empty');
      else if (s.length > maxLen) err(`${field}[${i}]`, `is ${s.length} characters long; at most ${maxLen}`);
      else if (field === 'remove') {
        const m = selectorError(s, check);
        if (m) err(`${field}[${i}]`, `invalid CSS selector "${s}": ${m}`);
      }
    });
  };
  list('remove', LIMITS.selectors, LIMITS.selectorLength);
  list('labels', LIMITS.labels, LIMITS.labelLength);
  list('texts', LIMITS.texts, LIMITS.textLength);
  if (isStringArray(r.texts))
    r.texts.forEach((s, i) => {
      if (s.trim() && exactTextKey(s).length < MIN_EXACT_CHARS)
        err(`texts[${i}]`, `must hold at least ${MIN_EXACT_CHARS} characters besides spaces`);
    });
  list('labelWords', LIMITS.labels, LIMITS.labelLength);
  list('lines', LIMITS.lines, LIMITS.lineLength);
  if (r.menus !== undefined && typeof r.menus !== 'boolean') err('menus', 'menus must be true or false');
  if (r.edgeLists !== undefined && typeof r.edgeLists !== 'boolean') err('edgeLists', 'edgeLists must be true or false');
  if (r.content !== undefined) {
    if (typeof r.content !== 'string' || !r.content.trim()) err('content', 'content must be a CSS selector string');
    else {
      const m = selectorError(r.content, check);
      if (m) err('content', `invalid CSS selector "${r.content}": ${m}`);
    }
  }
  if (r.headerLines !== undefined && typeof r.headerLines !== 'boolean') err('headerLines', 'headerLines must be true or false');
  if (r.evidence !== undefined && typeof r.evidence !== 'string') err('evidence', 'evidence must be a string');
  if (
    !r.remove &&
    !r.labels &&
    !r.texts &&
    !r.labelWords &&
    !r.lines &&
    r.menus !== true &&
    r.edgeLists !== true &&
    !r.content &&
    r.headerLines !== true
  )
    err('', 'a rule needs at least one of remove, labels, texts, labelWords, lines, menus, edgeLists, content, headerLines');
  return { rule: errors.length ? null : (r as unknown as Rule), errors };
}

/**
 * Parses a rule file (JSON text or an already-parsed value). Invalid rules are reported and skipped;
 * the valid ones are returned. Duplicate ids keep the first and report the rest. Pass `selectorCheck(doc)`
 * and `isRegistrableSite` (./psl.ts) for files a person wrote; the bundled file is held to both by a test.
 */
export function parseRules(input: unknown, source: string, check?: SelectorCheck, siteOk: SiteCheck = isWellFormedSite): ParsedRules {
  const fileErr = (message: string): ParsedRules => ({ rules: [], errors: [{ ruleId: '(file)', field: '', message, source }] });
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (e) {
      return fileErr(`not valid JSON: ${(e as Error).message}`);
    }
  }
  if (typeof data !== 'object' || data === null) return fileErr('a rule file must be an object {"version": 1, "rules": [...]}');
  const file = data as Record<string, unknown>;
  if (file.version !== 1) return fileErr(`unsupported version ${JSON.stringify(file.version)}; this Jingyue reads version 1`);
  if (!Array.isArray(file.rules)) return fileErr('"rules" must be a list');
  if (file.rules.length > LIMITS.rules) return fileErr(`${file.rules.length} rules; at most ${LIMITS.rules}`);
  const out: ParsedRules = { rules: [], errors: [] };
  const ids = new Set<string>();
  file.rules.forEach((raw, i) => {
    const { rule, errors } = checkRule(raw, { index: i, source, check, siteOk });
    out.errors.push(...errors);
    if (!rule) return;
    if (ids.has(rule.id)) {
      out.errors.push({ ruleId: rule.id, field: 'id', message: 'duplicate id; the first rule with it is kept', source });
      return;
    }
    ids.add(rule.id);
    out.rules.push(rule);
  });
  return out;
}

/** One line per error, for stderr and the UI: "bundled: rule my-rule, field remove[0]: …". */
export function formatRuleError(e: RuleError): string {
  return `${e.source}: rule ${e.ruleId}${e.field ? `, field ${e.field}` : ''}: ${e.message}`;
}
