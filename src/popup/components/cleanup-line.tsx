/**
 * The cleanup as one line under the article's header ("已移除 2 个区块 · 1 行来源信息移到标题下 ▸") that opens
 * to what did it: the "clean this site" switch (data-testid="site-toggle"), the rules that acted on this page
 * with what each removed, and the site's other rules behind "other rules ▸" (each data-testid="rule-toggle",
 * data-rule-id). Credit lines moved under the title are counted as moved, never as removed. The panel stays
 * in the DOM while closed, so every switch keeps its place and its test id.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Removal, RuleSummary } from '../../core/types.ts';
import { isRuleOn, siteState, type Settings } from '../../settings/index.ts';
import type { Translate } from '../api.ts';
import { movedText, removedText, splitRemovals } from '../../ui/removals.ts';
import { movesLines, ruleTitle } from '../../ui/rule-titles.ts';
import { ChevronIcon } from '../../ui/components/icons.tsx';
import { readerTabOn } from '../../settings/reader-default.ts';

/** Props of {@link CleanupLine}. */
export interface CleanupLineProps {
  host: string | null;
  settings: Settings;
  rules: RuleSummary[];
  removed: Removal[];
  t: Translate;
  onRule(ruleId: string, on: boolean): void;
  onSite(on: boolean): void;
  /** "Open articles from this site in a reader tab" (the per-site default, settings/reader-default.ts). */
  onReaderDefault(on: boolean): void;
  /** More per-site switches after "clean this site" (the merge switch where the page has a pager). */
  children?: ComponentChildren;
}

/** The line and its panel. */
export function CleanupLine({ host, settings, rules, removed, t, onRule, onSite, onReaderDefault, children }: CleanupLineProps) {
  const [open, setOpen] = useState(false);
  const site = host ? siteState(settings, host) : null;
  const siteOn = site?.enabled ?? true;
  const split = splitRemovals(removed, settings.userRules);
  const moved = movedText(split.moved.length, t);
  const acted = rules.filter(r => r.removed > 0);
  const others = rules.filter(r => r.removed === 0);
  const showList = settings.ui.showRemoved;
  const ruleSwitch = (r: RuleSummary) => {
    const mine = removed.filter(x => x.ruleId === r.id);
    const isMove = movesLines(r.id, settings.userRules);
    return (
      <li key={r.id}>
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            data-testid="rule-toggle"
            data-rule-id={r.id}
            checked={site ? isRuleOn(site, r.id) : r.enabled}
            disabled={!siteOn || !host}
            onChange={e => onRule(r.id, e.currentTarget.checked)}
          />
          <span class="switch-label">{ruleTitle(r.id, r.title, t)}</span>
          {siteOn && r.removed > 0 && (
            <span class="rule-count">{isMove ? `${t('movedTag')} ${r.removed}` : t('ruleRemovedCount', [r.removed])}</span>
          )}
        </label>
        {showList && mine.length > 0 && (
          <ul class="removed-list">
            {mine.map((x, i) => (
              <li key={i} class="removed-preview" data-rule-id={x.ruleId}>
                {x.preview}
              </li>
            ))}
          </ul>
        )}
      </li>
    );
  };
  return (
    <section class="cleanup">
      <button
        type="button"
        class="cleanup-line"
        data-testid="cleanup-line"
        aria-expanded={open}
        aria-controls="cleanup-panel"
        onClick={() => setOpen(!open)}
      >
        {siteOn ? (
          <span data-testid="removed-count" data-count={split.removed.length}>
            {removedText(split.removed.length, t)}
          </span>
        ) : (
          <span data-testid="removed-count" data-count={0}>
            {t('cleanupOff')}
          </span>
        )}
        {siteOn && moved && (
          <span data-testid="moved-count" data-count={split.moved.length}>
            {' '}
            · {moved}
          </span>
        )}
        <ChevronIcon />
      </button>
      <div class="cleanup-panel" id="cleanup-panel" hidden={!open}>
        <fieldset class="switches" disabled={!host}>
          <legend class="visually-hidden">{t('switchesHeading', [host ?? '—'])}</legend>
          <label class="switch site-switch">
            <input
              type="checkbox"
              role="switch"
              data-testid="site-toggle"
              checked={siteOn}
              onChange={e => onSite(e.currentTarget.checked)}
              aria-describedby="site-hint"
            />
            <span class="switch-label">{t('siteSwitch')}</span>
          </label>
          <p id="site-hint" class="hint">
            {t('siteSwitchHint')}
          </p>
          {children}
          {acted.length > 0 && siteOn && (
            <>
              <h2 class="panel-heading">{t('rulesActed')}</h2>
              <ul class="rule-list">{acted.map(ruleSwitch)}</ul>
            </>
          )}
          {rules.length === 0 && <p class="hint">{t('noRulesMatched')}</p>}
          {(siteOn ? others : rules).length > 0 && (
            <details class="other-rules" open={!siteOn}>
              <summary>{t('otherRules', [(siteOn ? others : rules).length])}</summary>
              <ul class="rule-list">{(siteOn ? others : rules).map(ruleSwitch)}</ul>
            </details>
          )}
          {host && (
            <label class="switch reader-default">
              <input
                type="checkbox"
                role="switch"
                data-testid="reader-default-site"
                checked={readerTabOn(settings, host)}
                onChange={e => onReaderDefault(e.currentTarget.checked)}
              />
              <span class="switch-label">{t('readerDefaultSite', [host])}</span>
            </label>
          )}
        </fieldset>
      </div>
    </section>
  );
}
