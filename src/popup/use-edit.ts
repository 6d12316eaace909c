/**
 * Remove-blocks mode: which blocks are pending, undo, the exact-text choice, the rule's scope, and saving
 * (derive in the page, add to the person's rules, re-clean). The session (session.ts) owns the read and the
 * requests into the page.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Outcome, Pick, Refusal } from '../core/derive/derive.ts';
import type { DeriveRequest, DeriveResponse } from '../page/protocol.ts';
import type { Rule } from '../core/rules/types.ts';
import { newRuleId } from '../settings/own-rules.ts';
import type { Settings } from '../settings/index.ts';
import type { PopupApi, Translate } from './api.ts';
import { blocksView, withoutPending, type Block } from './blocks.ts';
import { parseInert } from '../platform/inert-html.ts';

/** A block the person removed from the view, not saved yet. */
export interface Pending {
  block: Block;
  /** Save it as an exact-text rule (a one-off line). */
  exact: boolean;
  /** Why the last save could not describe it. */
  refusal: Refusal | null;
}

/** What the edit mode needs from the reader. */
export interface EditContext {
  api: PopupApi;
  /** The mode is on (nothing is loaded or kept while it is off). */
  active: boolean;
  url: string;
  host: string | null;
  settings: Settings;
  /** The shown article with block marks (null until the marked clean arrived). */
  markedHtml: string | null;
  /** Adds the rule to the person's rules, stores them and re-cleans; false when it could not be stored (the reader shows why). */
  addRule(rule: Rule): Promise<boolean>;
  /** Derives the rule in the page, whose pipeline runs as the view was made (the session's request). */
  derive(picks: Pick[], head: DeriveRequest['head']): Promise<DeriveResponse>;
}

/** The edit mode's state and actions. */
export interface Edit {
  blocks: Block[];
  /** The article HTML to show: blocks annotated, pending ones gone. */
  html: string;
  pending: Pending[];
  remove(key: string): void;
  undo(key: string): void;
  setExact(key: string): void;
  /** Where the rule applies: the registrable domain (default) or this host. */
  scopes: string[];
  scope: string;
  setScope(scope: string): void;
  saving: boolean;
  /** The localized result of the last save, or null. */
  result: string | null;
  error: string | null;
  save(): Promise<void>;
}

/** The words for a refusal, in the person's language. */
export function refusalText(r: Refusal, t: Translate): string {
  const pct = (x: number) => Math.round(x * 100);
  switch (r.code) {
    case 'takes-article':
      return t('refusedTakesArticle', [r.selector, pct(r.share)]);
    case 'too-big':
      return t('refusedTooBig', [pct(r.share)]);
    case 'not-found':
      return t('refusedNotFound');
    default:
      return t('refusedNoDescription');
  }
}

/** Longest block text a save message quotes. */
const NAME_CHARS = 16;

/** A removed block as the save message names it: "“编辑精选”模块", "“打开城市晨报App…”", or a picture by its caption. */
export function removedName(o: Outcome, block: Block, t: Translate): string {
  if (o.ok && o.kind === 'label' && o.description[0]) return t('namedLabel', [o.description[0]]);
  if (block.figure) return block.figure.caption ? t('blockImageCaption', [block.figure.caption]) : t('blockImage');
  const chars = Array.from(block.text);
  return t('namedText', [chars.length > NAME_CHARS ? `${chars.slice(0, NAME_CHARS).join('')}…` : block.text]);
}

/** Runs the edit mode for the reader's current article. */
export function useEdit(ctx: EditContext): Edit {
  const { api } = ctx;
  const t = api.t;
  const [pending, setPending] = useState<Pending[]>([]);
  const [site, setSite] = useState<string | null>(null);
  const [scope, setScope] = useState<string>('');
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  // The registrable domain needs the Public Suffix List (tldts): loaded with the edit mode, not the popup.
  useEffect(() => {
    if (!ctx.active) {
      setPending([]);
      setResult(null);
      setError(null);
    }
  }, [ctx.active]);
  useEffect(() => {
    if (!ctx.host || !ctx.active) return;
    let live = true;
    void import('../core/rules/psl.ts').then(m => {
      if (!live) return;
      const s = m.defaultRuleSite(ctx.host!);
      setSite(s);
      setScope(old => old || s);
    });
    return () => {
      live = false;
    };
  }, [ctx.host, ctx.active]);

  const view = useMemo(() => {
    if (ctx.markedHtml === null) return { html: '', blocks: [] as Block[] };
    // Annotated in an inert document, never in the live popup.
    return blocksView(ctx.markedHtml, parseInert);
  }, [ctx.markedHtml]);
  const gone = useMemo(() => new Set(pending.map(p => p.block.key)), [pending]);
  const html = useMemo(() => withoutPending(view.html, gone, parseInert), [view.html, gone]);

  const scopes = [...new Set([site, ctx.host].filter((x): x is string => !!x))];

  const save = async () => {
    if (!pending.length || !scope) return;
    setSaving(true);
    setError(null);
    setResult(null);
    const id = newRuleId(ctx.settings, scope);
    const title = t('ownRuleTitle', [id.split('-').pop()!, scope]);
    const picks: Pick[] = pending.map(p => ({ top: p.block.top, marks: p.block.marks, exact: p.exact }));
    try {
      const res = await ctx.derive(picks, { id, title, sites: [scope], evidence: `${ctx.url} (${new Date().toISOString().slice(0, 10)})` });
      if (!res.ok) {
        setError(t('errorDerive', [res.error]));
        return;
      }
      const { rule, outcomes } = res.derived;
      // Described blocks leave the pending list (the saved rule removes them now); refused ones stay with the reason.
      const kept: Pending[] = [];
      outcomes.forEach((o: Outcome, i: number) => {
        if (!o.ok) kept.push({ ...pending[i]!, refusal: o.refusal });
      });
      if (rule) {
        if (!(await ctx.addRule(rule))) return; // not stored: the reader's error says why, the blocks stay pending
        // What the rule removes, in words: the blocks by their names, never the selectors it found.
        const names = outcomes
          .map((o: Outcome, i: number) => (o.ok ? removedName(o, pending[i]!.block, t) : null))
          .filter((x): x is string => !!x);
        setResult(t('ruleSavedWords', [rule.title, names.join(t('listJoin'))]));
      }
      setPending(kept);
    } catch (e) {
      setError(t('errorDerive', [e instanceof Error ? e.message : String(e)]));
    } finally {
      setSaving(false);
    }
  };

  return {
    blocks: view.blocks,
    html,
    pending,
    remove: key => {
      const block = view.blocks.find(b => b.key === key);
      if (block && !gone.has(key)) setPending(ps => [...ps, { block, exact: false, refusal: null }]);
    },
    undo: key => setPending(ps => ps.filter(p => p.block.key !== key)),
    setExact: key => setPending(ps => ps.map(p => (p.block.key === key ? { ...p, exact: true, refusal: null } : p))),
    scopes,
    scope,
    setScope,
    saving,
    result,
    error,
    save,
  };
}
