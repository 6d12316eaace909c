/** Own rules found damaged in storage: shown with their errors, kept until the person deletes them. */
import { dropQuarantined, type QuarantinedRule } from '../../settings/index.ts';
import type { OptionsApi } from '../api.ts';
import type { Rules } from '../use-rules.ts';

/** The quarantine section, or nothing when it is empty. */
export function Quarantine({ api, rules }: { api: OptionsApi; rules: Rules }) {
  const { t } = api;
  const q = rules.state.settings.quarantine;
  if (q.length === 0) return null;
  const drop = () => {
    // Exactly the entries listed here, matched in what is stored at save time: one set aside since stays.
    let dropped: QuarantinedRule[] = [];
    void rules.save(
      s => {
        const r = dropQuarantined(s, q);
        dropped = r.dropped;
        return r.settings;
      },
      t('changesSaved'),
      { label: '', apply: s => ({ ...s, quarantine: [...dropped, ...s.quarantine] }) },
    );
  };
  return (
    <section class="quarantine" data-testid="quarantine" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">{t('quarantineTitle')}</h2>
      <p class="hint">{t('quarantineHelp')}</p>
      <ul>
        {q.map((item, i) => (
          <li key={i}>
            <pre>{JSON.stringify(item.rule, null, 1)?.slice(0, 400)}</pre>
            <ul class="field-errors">
              {item.errors.map(e => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="quarantine-delete" onClick={drop}>
        {t('quarantineDelete')}
      </button>
    </section>
  );
}
