/** The per-site merge switch (data-testid="merge-toggle", issue 19), shown where the page has a pager of its own. */
import { siteMerge, type Settings } from '../../settings/index.ts';
import type { Translate } from '../api.ts';

/** Props of {@link MergeSwitch}. */
export interface MergeSwitchProps {
  host: string;
  settings: Settings;
  t: Translate;
  onChange(on: boolean): void;
}

/** A real checkbox with role=switch; the settings decide its state, so it never lags a click. */
export function MergeSwitch({ host, settings, t, onChange }: MergeSwitchProps) {
  return (
    <>
      <label class="switch merge-switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="merge-toggle"
          checked={siteMerge(settings, host)}
          onChange={e => onChange(e.currentTarget.checked)}
          aria-describedby="merge-hint"
        />
        <span class="switch-label">{t('mergeSwitch')}</span>
      </label>
      <p id="merge-hint" class="hint">
        {t('mergeSwitchHint')}
      </p>
    </>
  );
}
