/** One rule: its switch for all sites, the switches stored per site, and for own rules edit and delete (with undo). */
import { useState } from 'preact/hooks';
import type { Rule } from '../../core/rules/types.ts';
import { bundledRules } from '../../core/rules/index.ts';
import { isRuleOn, removeUserRule, restoreUserRule, setRuleSwitch, siteState, ANY_SITE, type RestoreResult } from '../../settings/index.ts';
import type { OptionsApi } from '../api.ts';
import type { Rules, Undo } from '../use-rules.ts';
import { RuleEditor } from './rule-editor.tsx';
import { bundledRuleWhat, ruleTitle } from '../../ui/rule-titles.ts';
import type { Translate } from '../../ui/api.ts';

/** Props of {@link RuleRow}. */
export interface RuleRowProps {
  api: OptionsApi;
  rules: Rules;
  rule: Rule;
  own: boolean;
}

/** What a rule removes, in words: a bundled rule's description, an own rule's heading labels and how many kinds of page element. */
export function ruleWhat(rule: Rule, own: boolean, t: Translate): string {
  const bundled = own ? null : bundledRuleWhat(rule.id, t);
  if (bundled) return bundled;
  const parts: string[] = [];
  const labels = rule.labels ?? [];
  if (labels.length) parts.push(t('ruleWhatLabels', [labels.map(l => t('namedText', [l])).join(t('listJoin'))]));
  const n = (rule.remove ?? []).length;
  if (n) parts.push(n === 1 ? t('ruleWhatSelectorsOne') : t('ruleWhatSelectors', [n]));
  if ((rule.texts ?? []).length) parts.push(t('ruleWhatTexts', [rule.texts!.length]));
  return parts.join(t('listJoin'));
}

/** A row `[data-testid=rule-row][data-rule-id]`. */
export function RuleRow({ api, rules, rule, own }: RuleRowProps) {
  const { t } = api;
  const { settings } = rules.state;
  const [editing, setEditing] = useState(false);
  const title = own ? rule.title : ruleTitle(rule.id, rule.title, t);
  const everywhere = isRuleOn(siteState(settings, ANY_SITE), rule.id);
  const perSite = Object.entries(settings.sites).filter(([host, s]) => host !== ANY_SITE && s.rules && rule.id in s.rules);
  const flip = (host: string, on: boolean) => void rules.save(s => setRuleSwitch(s, host, rule.id, on));
  const remove = () => {
    let removed: { rule: Rule | null; index: number } = { rule: null, index: -1 };
    let restored: RestoreResult | null = null;
    const undo: Undo = {
      label: title,
      apply: s => {
        if (!removed.rule) return s;
        restored = restoreUserRule(
          s,
          removed.rule,
          removed.index,
          bundledRules().rules.map(r => r.id),
        );
        return restored.settings;
      },
      // Its id was taken meanwhile (the popup reuses a freed "mine-…" id): say under which id it is back.
      said: () => (restored?.renamed ? t('ruleRestoredAs', [title, restored.id, rule.id]) : ''),
    };
    void rules.save(
      s => {
        const r = removeUserRule(s, rule.id);
        removed = { rule: r.removed, index: r.index };
        return r.settings;
      },
      t('ruleDeleted', [title]),
      undo,
    );
  };
  const switchId = `on-${own ? 'own' : 'bundled'}-${rule.id}`;
  return (
    <li class="rule-row" data-testid="rule-row" data-rule-id={rule.id} data-own={own ? 'true' : 'false'}>
      <div class="rule-main">
        <input
          type="checkbox"
          role="switch"
          id={switchId}
          data-testid="rule-switch"
          checked={everywhere}
          onChange={e => flip(ANY_SITE, e.currentTarget.checked)}
        />
        <label for={switchId} class="rule-title">
          <span data-testid="rule-title">{title}</span>
          <span class="visually-hidden"> — {t('ruleOnAllSites')}</span>
        </label>
        {!own && <span class="tag">{t('bundledTag')}</span>}
        {own && (
          <span class="rule-actions">
            <button type="button" data-testid="rule-edit" aria-expanded={editing} onClick={() => setEditing(!editing)}>
              {t('ruleEdit')}
            </button>
            <button type="button" data-testid="rule-delete" onClick={remove}>
              {t('ruleDelete')}
            </button>
          </span>
        )}
      </div>
      <p class="rule-what" data-testid="rule-what">
        {ruleWhat(rule, own, t)}
      </p>
      {/* The rule's id and its selectors are for people who write rules: behind one disclosure. */}
      <details class="advanced" data-testid="rule-advanced">
        <summary>{t('ruleAdvanced')}</summary>
        <dl>
          <dt>{t('ruleIdLabel')}</dt>
          <dd>
            <code class="rule-id" data-testid="rule-id">
              {rule.id}
            </code>
          </dd>
          {(rule.remove ?? []).length > 0 && (
            <>
              <dt>{t('ruleSelectorsLabel')}</dt>
              <dd>
                {rule.remove!.map(s => (
                  <code key={s} class="selector">
                    {s}
                  </code>
                ))}
              </dd>
            </>
          )}
          {(rule.labels ?? []).length > 0 && (
            <>
              <dt>{t('ruleLabelsField')}</dt>
              <dd>
                {rule.labels!.map(l => (
                  <code key={l} class="selector">
                    {l}
                  </code>
                ))}
              </dd>
            </>
          )}
        </dl>
      </details>
      {perSite.length > 0 && (
        <ul class="per-site">
          {perSite.map(([host, s]) => (
            <li key={host}>
              <label class="switch">
                <input
                  type="checkbox"
                  role="switch"
                  data-testid="rule-site-switch"
                  data-site={host}
                  checked={s.rules![rule.id]}
                  onChange={e => flip(host, e.currentTarget.checked)}
                />
                <span>{t('ruleOnSite', [host])}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {own && editing && <RuleEditor api={api} rules={rules} rule={rule} onDone={() => setEditing(false)} />}
    </li>
  );
}
