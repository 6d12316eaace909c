/**
 * Import a rules file (all-or-nothing; id clashes asked about; bundled ids never taken) and export the own
 * rules as exactly the file the CLI's `--rules` reads.
 */
import { useState } from 'preact/hooks';
import type { Rule } from '../../core/rules/types.ts';
import { addUserRules, ownRuleFile, type AddResult, type OnClash } from '../../settings/index.ts';
import type { OptionsApi } from '../api.ts';
import { planImport } from '../import-plan.ts';
import type { Rules } from '../use-rules.ts';

/** The file name of an export. */
export const EXPORT_NAME = 'jingyue-rules.json';

type Report =
  | { kind: 'refused'; errors: string[] }
  | { kind: 'done'; lines: string[] }
  | { kind: 'ask'; fileName: string; rules: Rule[]; clashes: string[] };

/** The import and export controls with the report of the last import. */
export function ImportExport({ api, rules, bundledIds }: { api: OptionsApi; rules: Rules; bundledIds: string[] }) {
  const { t } = api;
  const [report, setReport] = useState<Report | null>(null);

  const commit = async (fileName: string, list: Rule[], onClash: OnClash) => {
    let result: AddResult | null = null;
    const saved = await rules.save(
      s => {
        result = addUserRules(s, list, { onClash, reserved: bundledIds });
        return result.settings;
      },
      t('importDone', [list.length, fileName]),
    );
    if (!saved || !result) return setReport(null);
    const r = result as AddResult;
    setReport({
      kind: 'done',
      lines: [
        t('importDone', [r.added.length, fileName]),
        ...r.renamed.map(({ from, to }) => t('importRenamed', [from, to])),
        ...r.replaced.map(id => t('importReplaced', [id])),
      ],
    });
  };

  const onFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    const plan = planImport(text, file.name, rules.state.settings, api.checkSelector);
    if (!plan.ok) {
      setReport({ kind: 'refused', errors: plan.errors });
      rules.setStatus('', t('importBad'));
      return;
    }
    if (plan.clashes.length) return setReport({ kind: 'ask', fileName: file.name, rules: plan.rules, clashes: plan.clashes });
    await commit(file.name, plan.rules, 'rename');
  };

  const exportRules = () => {
    api.download(EXPORT_NAME, JSON.stringify(ownRuleFile(rules.state.settings), null, 2) + '\n', 'application/json');
  };

  return (
    <section class="import-export" aria-label={`${t('rulesImport')} / ${t('rulesExport')}`}>
      <label class="file-button">
        <span>{t('rulesImport')}</span>
        <input type="file" accept=".json,application/json" data-testid="rules-import" onChange={e => void onFile(e.currentTarget)} />
      </label>
      <button type="button" data-testid="rules-export" onClick={exportRules} disabled={rules.state.settings.userRules.length === 0}>
        {t('rulesExport')}
      </button>
      {report?.kind === 'refused' && (
        <div class="import-errors" role="alert" data-testid="import-errors">
          <p>{t('importBad')}</p>
          <ul>
            {report.errors.map(e => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {report?.kind === 'ask' && (
        <div class="import-ask" role="group" data-testid="import-clash">
          <p>{t('importClash', [report.fileName, report.clashes.join(', ')])}</p>
          <button type="button" data-testid="import-keep-both" onClick={() => void commit(report.fileName, report.rules, 'rename')}>
            {t('importKeepBoth')}
          </button>
          <button type="button" data-testid="import-replace" onClick={() => void commit(report.fileName, report.rules, 'replace')}>
            {t('importReplace')}
          </button>
        </div>
      )}
      {report?.kind === 'done' && (
        <ul class="import-report" data-testid="import-report">
          {report.lines.map(l => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
