/** The script control (`data-testid="script-convert"`, issue 19): 原文 / 简体 / 繁體 / 繁體（台灣用語） / 繁體（香港）. */
import type { Translate } from '../api.ts';
import { SITE_SCRIPTS, type SiteScript } from '../../settings/index.ts';

const LABEL: Record<SiteScript, 'scriptOriginal' | 'scriptCn' | 'scriptTw' | 'scriptTwp' | 'scriptHk'> = {
  original: 'scriptOriginal',
  cn: 'scriptCn',
  tw: 'scriptTw',
  twp: 'scriptTwp',
  hk: 'scriptHk',
};

/** Props of {@link ScriptControl}. */
export interface ScriptControlProps {
  value: SiteScript;
  onChange(target: SiteScript): void;
  t: Translate;
  loading?: boolean;
  error?: string | null;
  /** In a bar of icon tools: the name is the select's accessible name and tooltip, not a visible label. */
  compact?: boolean;
}

/** A labelled select; says when the tables load the first time, and when a conversion failed. */
export function ScriptControl({ value, onChange, t, loading = false, error = null, compact = false }: ScriptControlProps) {
  return (
    <label class={compact ? 'script-control compact' : 'script-control'} title={compact ? t('scriptConvert') : undefined}>
      <span class={compact ? 'visually-hidden' : undefined}>{t('scriptConvert')}</span>{' '}
      <select
        data-testid="script-convert"
        value={value}
        aria-busy={loading}
        onChange={e => onChange((e.currentTarget as HTMLSelectElement).value as SiteScript)}
      >
        {SITE_SCRIPTS.map(s => (
          <option key={s} value={s}>
            {t(LABEL[s])}
          </option>
        ))}
      </select>
      {loading && (
        <span class="script-note" role="status">
          {t('scriptLoading')}
        </span>
      )}
      {error && (
        <span class="script-note" role="alert">
          {t('scriptFailed', [error])}
        </span>
      )}
    </label>
  );
}
