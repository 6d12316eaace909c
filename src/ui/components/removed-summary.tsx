/** "已移除 3 个区块 · 1 行来源信息移到标题下", expandable to what each rule removed (its name and a preview of the text). */
import type { Removal, RuleSummary } from '../../core/types.ts';
import type { Translate } from '../api.ts';
import { movedText, removedText, splitRemovals } from '../removals.ts';
import { ruleTitle } from '../rule-titles.ts';

/** Props of {@link RemovedSummary}. */
export interface RemovedSummaryProps {
  removed: Removal[];
  rules: RuleSummary[];
  t: Translate;
}

/** The summary line; a details element so it opens by keyboard and screen readers announce its state. */
export function RemovedSummary({ removed, rules, t }: RemovedSummaryProps) {
  const split = splitRemovals(removed);
  const n = split.removed.length;
  const moved = movedText(split.moved.length, t);
  const title = (id: string) => ruleTitle(id, rules.find(r => r.id === id)?.title ?? id, t);
  return (
    <details class="removed">
      <summary>
        <span data-testid="removed-count" data-count={n}>
          {removedText(n, t)}
        </span>
        {moved && (
          <span data-testid="moved-count" data-count={split.moved.length}>
            {' '}
            · {moved}
          </span>
        )}
      </summary>
      {removed.length > 0 && (
        <ol class="removed-list">
          {[...split.removed, ...split.moved].map((r, i) => (
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
