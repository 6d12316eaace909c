/** Own rules found damaged in storage: shown with their errors, kept until the person deletes them. */
import type { OptionsApi } from '../api.ts';
import type { Rules } from '../use-rules.ts';

/** The quarantine section, or nothing when it is empty. */
export function Quarantine({ api, rules }: { api: OptionsApi; rules: Rules }) {
  const { t } = api;
  const q = rules.state.settings.quarantine;
  if (q.length === 0) return null;
  const drop = () => {
    const back = q;
    void rules.save((s) => ({ ...s, quarantine: [] }), t('changesSaved'), { label: '', apply: (s) => ({ ...s, quarantine: [...back, ...s.quarantine] }) });
  };
  return (
    <section class="quarantine" data-testid="quarantine" aria-labelledby="quarantine-heading">
      <h2 id="quarantine-heading">{t('quarantineTitle')}</h2>
      <p class="hint">{t('quarantineHelp')}</p>
      <ul>
        {q.map((item, i) => (
          <li key={i}>
            <pre>{JSON.stringify(item.rule, null, 1)?.slice(0, 400)}</pre>
            <ul class="field-errors">{item.errors.map((e) => <li key={e}>{e}</li>)}</ul>
          </li>
        ))}
      </ul>
      <button type="button" onClick={drop}>{t('quarantineDelete')}</button>
    </section>
  );
}
