/**
 * Per-site switches: "clean this site" (data-testid="site-toggle") and one switch per matching rule
 * (data-testid="rule-toggle", data-rule-id). Each is a real checkbox with role=switch inside its label.
 */
import type { RuleSummary } from '../../core/types.ts';
import { isRuleOn, siteState, type Settings } from '../../settings/index.ts';
import type { Translate } from '../api.ts';

/** Props of {@link RuleSwitches}. */
export interface RuleSwitchesProps {
  host: string | null;
  settings: Settings;
  rules: RuleSummary[];
  t: Translate;
  onRule(ruleId: string, on: boolean): void;
  onSite(on: boolean): void;
}

/** The switches; the settings decide their state (not the last article), so they never lag a click. */
export function RuleSwitches({ host, settings, rules, t, onRule, onSite }: RuleSwitchesProps) {
  const state = host ? siteState(settings, host) : null;
  const siteOn = state?.enabled ?? true;
  // Without a hostname (file://) there is nothing to remember the switch under.
  const locked = !host;
  return (
    <fieldset class="switches" disabled={locked}>
      <legend>{t('switchesHeading', [host ?? '—'])}</legend>
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
      {rules.length === 0 && <p class="hint">{t('noRulesMatched')}</p>}
      <ul class="rule-list">
        {rules.map(r => (
          <li key={r.id}>
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                data-testid="rule-toggle"
                data-rule-id={r.id}
                checked={state ? isRuleOn(state, r.id) : r.enabled}
                disabled={!siteOn}
                onChange={e => onRule(r.id, e.currentTarget.checked)}
              />
              <span class="switch-label">{r.title}</span>
              {siteOn && <span class="rule-count">{t('ruleRemovedCount', [r.removed])}</span>}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
