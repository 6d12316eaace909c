/** Typography, theme and image controls, the same in the popup and the reader tab (issue 11): set once, remembered. */
import type { ReaderPrefs } from '../../settings/index.ts';
import { READER_CHOICES, READER_RANGES, clampPref } from '../../settings/index.ts';
import type { MessageKey, Translate } from '../api.ts';

/** Props of {@link ReaderSettings}. */
export interface ReaderSettingsProps {
  prefs: ReaderPrefs;
  t: Translate;
  onChange(prefs: ReaderPrefs): void;
  /** Also offer the export header choice (the popup and the reader tab both export). */
  exportChoice?: boolean;
}

const LABELS: Record<string, MessageKey> = {
  sans: 'fontSans',
  serif: 'fontSerif',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  system: 'themeSystem',
  top: 'exportHeaderTop',
  end: 'exportHeaderEnd',
  none: 'exportHeaderNone',
};

/** One step of font size up or down, clamped to its range (also what the reader tab's + and − keys do). */
export function stepFontSize(prefs: ReaderPrefs, by: 1 | -1): ReaderPrefs {
  return { ...prefs, fontSize: clampPref('fontSize', prefs.fontSize + by * READER_RANGES.fontSize.step) };
}

/** The controls; every change calls onChange with the whole new preference object. */
export function ReaderSettings({ prefs, t, onChange, exportChoice = true }: ReaderSettingsProps) {
  const set = <K extends keyof ReaderPrefs>(key: K, value: ReaderPrefs[K]) => onChange({ ...prefs, [key]: value });
  const range = (key: 'lineHeight' | 'width', label: MessageKey) => (
    <label class="pref">
      <span>{t(label)}</span>
      <input
        type="range"
        data-pref={key}
        min={READER_RANGES[key].min}
        max={READER_RANGES[key].max}
        step={READER_RANGES[key].step}
        value={prefs[key]}
        onInput={e => set(key, clampPref(key, Number((e.target as HTMLInputElement).value)))}
      />
    </label>
  );
  const choice = (key: 'font' | 'theme' | 'exportHeader', label: MessageKey) => (
    <label class="pref">
      <span>{t(label)}</span>
      <select data-pref={key} value={prefs[key]} onChange={e => set(key, (e.target as HTMLSelectElement).value as never)}>
        {READER_CHOICES[key].map(v => (
          <option key={v} value={v}>
            {t(LABELS[v]!)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div class="reader-settings" data-testid="reader-settings" role="group" aria-label={t('readerSettings')}>
      <div class="pref">
        <span>{t('fontSizeLabel')}</span>
        <span class="stepper">
          <button type="button" data-pref="fontSmaller" aria-label={t('fontSmaller')} onClick={() => onChange(stepFontSize(prefs, -1))}>
            A−
          </button>
          <output data-pref="fontSize">{prefs.fontSize}</output>
          <button type="button" data-pref="fontLarger" aria-label={t('fontLarger')} onClick={() => onChange(stepFontSize(prefs, 1))}>
            A+
          </button>
        </span>
      </div>
      {range('lineHeight', 'lineHeightLabel')}
      {range('width', 'widthLabel')}
      {choice('font', 'fontLabel')}
      {choice('theme', 'themeLabel')}
      {exportChoice && choice('exportHeader', 'exportHeaderLabel')}
      <label class="pref">
        <span>{t('remoteImagesLabel')}</span>
        <input
          type="checkbox"
          data-pref="remoteImages"
          checked={prefs.remoteImages}
          onChange={e => set('remoteImages', (e.target as HTMLInputElement).checked)}
        />
      </label>
    </div>
  );
}
