/**
 * The popup ↔ page protocol of rule derivation (remove-blocks mode): derive.js installs its API under
 * DERIVE_KEY in the content script's isolated world only when the person saves; the popup calls it through
 * scripting.executeScript and reads the return value (as it calls content.js, src/messages.ts).
 */
import type { Derived, Pick } from './core/rules/derive.ts';
import type { Rule } from './core/rules/types.ts';
import type { PageRule } from './messages.ts';

/** The registered symbol derive.js installs its API under, next to content.js's (a symbol for the reason given at CONTENT_KEY). */
export const DERIVE_KEY = 'jingyue.derive';

/** What derive.js answers. */
export interface DeriveApi {
  derive(req: DeriveRequest): DeriveResponse;
}

/** Derive one rule from the picked blocks, testing each candidate with the page's own pipeline. */
export interface DeriveRequest {
  /** The URL the popup saw (the content script refuses when the page navigated). */
  url: string;
  /** Rule ids switched off for this site, and the person's rules for it now: the pipeline runs as the view was made. */
  disabled: string[];
  userRules: PageRule[];
  picks: Pick[];
  /** The new rule's id, title, sites and evidence. */
  head: Pick2<Rule, 'id' | 'title' | 'sites'> & { evidence?: string };
}
type Pick2<T, K extends keyof T> = { [P in K]: T[P] };

/** The derived rule and what each block got, or why nothing could be derived. */
export type DeriveResponse = { ok: true; derived: Derived } | { ok: false; error: string };
