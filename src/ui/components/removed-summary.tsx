/** "已移除 3 个区块", expandable to what each rule removed (rule title and a preview of the text). */
import type { Removal, RuleSummary } from '../../core/types.ts';
import type { Translate } from '../api.ts';

/** Props of {@link RemovedSummary}. */
export interface RemovedSummaryProps {
  removed: Removal[];
  rules: RuleSummary[];
  t: Translate;
}

/** The summary line; a details element so it opens by keyboard and screen readers announce its state. */
export function RemovedSummary({ removed, rules, t }: RemovedSummaryProps) {
  const n = removed.length;
  const label = n === 0 ? t('removedNone') : n === 1 ? t('removedOne') : t('removedMany', [n]);
  const title = (id: string) => rules.find((r) => r.id === id)?.title ?? id;
  return (
    <details class="removed">
      <summary data-testid="removed-count" data-count={n}>{label}</summary>
      {n > 0 && (
        <ol class="removed-list">
          {removed.map((r, i) => (
            <li key={i} data-rule-id={r.ruleId}>
              <span class="removed-rule">{title(r.ruleId)}</span>
              <span class="removed-size">{t('removedChars', [r.chars])}</span>
              <span class="removed-preview">{r.preview}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
