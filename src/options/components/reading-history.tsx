/**
 * The rules page's "Reading" section (issue 18): "always open articles in a reader tab" for all sites, and the
 * reading history: its switch, the kept articles (open each in its reader tab, delete each), and delete all.
 * The history is the person's data: every change goes through api.updateHistory (the settings' lock, on
 * what is stored then), and turning the switch off deletes it only after the switch was saved.
 */
import { useEffect, useState } from 'preact/hooks';
import { ANY_SITE, HISTORY_LIMITS, deleteFromHistory, readerTabOn, setReaderTab, type HistoryEntry } from '../../settings/index.ts';
import type { OptionsApi } from '../api.ts';
import type { Rules } from '../use-rules.ts';
import { detailOf } from '../../ui/errors.ts';

/** A kept article's reader tab address (same extension origin as this page). */
const readerHref = (e: HistoryEntry) => `reader.html?${new URLSearchParams({ id: e.id, u: e.url })}`;

/** The section. */
export function ReadingHistory({ api, rules }: { api: OptionsApi; rules: Rules }) {
  const { t } = api;
  const { settings } = rules.state;
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  useEffect(() => {
    api.readHistory().then(setEntries, () => setEntries([]));
  }, [api]);
  const change = async (ids: string[] | null, said: string) => {
    try {
      setEntries(await api.updateHistory(index => deleteFromHistory(index, ids)));
      rules.setStatus(said);
    } catch (e) {
      rules.setStatus('', t('errorHistory', [detailOf(e)]));
    }
  };
  const keep = settings.ui.keepHistory;
  const setKeep = async (on: boolean) => {
    const saved = await rules.save(s => ({ ...s, ui: { ...s.ui, keepHistory: on } }));
    // Off means nothing is kept: what was kept goes too, once the switch is stored (a failed save deletes nothing).
    if (saved && !on) await change(null, t('historyCleared'));
  };
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  const total = (entries ?? []).reduce((n, e) => n + e.bytes, 0);
  return (
    <section class="reading" aria-labelledby="reading-heading" data-testid="reading">
      <h2 id="reading-heading">{t('optionsReading')}</h2>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="reader-default-all"
          checked={readerTabOn(settings, ANY_SITE)}
          aria-describedby="reader-default-hint"
          onChange={e => {
            const on = e.currentTarget.checked;
            void rules.save(s => setReaderTab(s, ANY_SITE, on));
          }}
        />
        <span>{t('readerDefaultAll')}</span>
      </label>
      <p class="hint" id="reader-default-hint">
        {t('readerDefaultAllHint')}
      </p>
      <h3 class="sub-heading">{t('historyHeading')}</h3>
      <p class="hint">{t('historyIntro', [HISTORY_LIMITS.articles, Math.round(HISTORY_LIMITS.bytes / 1024 / 1024)])}</p>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          data-testid="history-keep"
          checked={keep}
          onChange={e => void setKeep(e.currentTarget.checked)}
        />
        <span>{t('historyKeep')}</span>
      </label>
      {!keep && (
        <p class="hint" data-testid="history-off">
          {t('historyOff')}
        </p>
      )}
      {entries !== null && entries.length === 0 && keep && (
        <p class="hint" data-testid="history-empty">
          {t('historyEmpty')}
        </p>
      )}
      {entries !== null && entries.length > 0 && (
        <>
          <p class="hint" data-testid="history-size">
            {t('historyCount', [entries.length, mb(total)])}
          </p>
          <ul class="history-list" data-testid="history-list">
            {entries.map(e => (
              <li key={e.id} data-testid="history-entry" data-id={e.id}>
                <a href={readerHref(e)} target="_blank" rel="noopener" aria-label={t('historyOpen', [e.title || e.url])}>
                  {e.title || e.url}
                </a>
                <span class="history-meta">{[e.siteName, new Date(e.at).toLocaleDateString(api.lang)].filter(Boolean).join(' · ')}</span>
                <button
                  type="button"
                  class="quiet"
                  data-testid="history-delete"
                  aria-label={t('historyDelete', [e.title || e.url])}
                  onClick={() => void change([e.id], t('historyDeleted', [e.title || e.url]))}
                >
                  {t('ruleDelete')}
                </button>
              </li>
            ))}
          </ul>
          <button type="button" data-testid="history-clear" onClick={() => void change(null, t('historyCleared'))}>
            {t('historyClear')}
          </button>
        </>
      )}
    </section>
  );
}
