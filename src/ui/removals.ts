/** The removed list as a person reads it: blocks removed, and credit lines moved under the title (counted apart). */
import type { Removal } from '../core/types.ts';
import type { Translate } from './api.ts';
import { movesLines } from './rule-titles.ts';

/** The article's removals split into what is gone and what only moved under the title. */
export interface Cleanup {
  removed: Removal[];
  moved: Removal[];
}

/** Splits `removals` by the kind of rule that made each (rule-titles.ts movesLines). */
export function splitRemovals(removals: readonly Removal[], ownRules: readonly { id: string; headerLines?: boolean }[] = []): Cleanup {
  const removed: Removal[] = [],
    moved: Removal[] = [];
  for (const r of removals) (movesLines(r.ruleId, ownRules) ? moved : removed).push(r);
  return { removed, moved };
}

/** "已移除 3 个区块" (the removed-count test id's text). */
export function removedText(n: number, t: Translate): string {
  return n === 0 ? t('removedNone') : n === 1 ? t('removedOne') : t('removedMany', [n]);
}

/** "2 行来源信息移到标题下", or null when nothing moved. */
export function movedText(n: number, t: Translate): string | null {
  return n === 0 ? null : n === 1 ? t('cleanupMovedOne') : t('cleanupMoved', [n]);
}
