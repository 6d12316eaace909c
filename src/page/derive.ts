/**
 * derive.js: injected into the page only when the person saves removals (remove-blocks mode), next to
 * content.js in the same isolated world. It reads the live page (never changes it) and tests each candidate
 * rule with content.js's own extraction, so it carries no second copy of Readability (content.js stays small),
 * and runs steps 4–6 itself (src/core/pipeline/settle.ts), as the popup does.
 */
import { deriveRule, type ProbeResult } from '../core/derive/derive.ts';
import { articleMarks } from '../core/derive/probe-marks.ts';
import type { Rule } from '../core/rules/types.ts';
import {
  CONTENT_KEY,
  DERIVE_KEY,
  installApi,
  installedApi,
  type CleanRequest,
  type DeriveApi,
  type DeriveRequest,
  type DeriveResponse,
} from './protocol.ts';
import { settle } from '../core/pipeline/settle.ts';
import { parseInert } from '../platform/inert-html.ts';

function derive(req: DeriveRequest): DeriveResponse {
  const content = installedApi(CONTENT_KEY);
  if (typeof content?.clean !== 'function') return { ok: false, error: 'the page script is not there (the page reloaded)' };
  // The rules arrive without titles or evidence (src/page/protocol.ts PageRule), which the pipeline never reads.
  const userRules = req.userRules as Rule[];
  let failure = '';
  const run = (extra?: Rule): ProbeResult | null => {
    const ask: CleanRequest = {
      url: req.url,
      disabled: req.disabled,
      noRules: false,
      userRules: extra ? [...userRules, extra] : userRules,
      marks: true,
    };
    const res = content.clean(ask);
    if (!res.ok) {
      failure = res.detail;
      return null;
    }
    // The article stage, as the popup runs it (post-pruning, the never-worse choice, credit lines), marks kept.
    const settled = settle(
      res.extracted,
      { ...ask, userRules: ask.userRules as Rule[] },
      {
        window,
        askPlain: () => {
          const p = content.clean({ ...ask, plain: true });
          return p.ok ? { extracted: p.extracted } : null;
        },
      },
    );
    return articleMarks(settled.html, html => parseInert(html, window));
  };
  const baseline = run();
  if (!baseline) return { ok: false, error: failure || 'no article' };
  try {
    return { ok: true, derived: deriveRule({ body: document.body, picks: req.picks, baseline, probe: run, head: req.head }) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

if (!installedApi(DERIVE_KEY)) installApi(DERIVE_KEY, { derive } satisfies DeriveApi);
