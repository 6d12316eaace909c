/**
 * Rule names in the UI's language: a bundled rule's title and description come from _locales like every
 * other string (site-rules.json's `title` names a rule for the CLI and the file's readers, in both
 * languages at once: "热门与排行推荐 · Trending and most-read lists" is no label for either UI). A person's own
 * rule keeps the title they gave it.
 */
import type { MessageKey, Translate } from './api.ts';

/** Each bundled rule's message keys, by id (src/core/site-rules.json; test/popup/one-language.test.ts checks every bundled rule has both). */
export const BUNDLED_RULE_TEXT: Readonly<Record<string, { title: MessageKey; what: MessageKey }>> = {
  'feed-popular': { title: 'ruleTitleFeedPopular', what: 'ruleDescFeedPopular' },
  'feed-related': { title: 'ruleTitleFeedRelated', what: 'ruleDescFeedRelated' },
  'feed-for-you': { title: 'ruleTitleFeedForYou', what: 'ruleDescFeedForYou' },
  'page-furniture': { title: 'ruleTitlePageFurniture', what: 'ruleDescPageFurniture' },
  'page-menus': { title: 'ruleTitlePageMenus', what: 'ruleDescPageMenus' },
  'header-lines': { title: 'ruleTitleHeaderLines', what: 'ruleDescHeaderLines' },
  'site-163-article': { title: 'ruleTitleSite163Article', what: 'ruleDescSite163Article' },
};

/** The name of rule `id` as the UI shows it: a bundled rule's from _locales, else `title` (an own rule's, as the person wrote it). */
export function ruleTitle(id: string, title: string, t: Translate): string {
  const key = Object.hasOwn(BUNDLED_RULE_TEXT, id) ? BUNDLED_RULE_TEXT[id]!.title : null;
  return key ? t(key) : title || id;
}

/** What bundled rule `id` does, in words, or null for a rule without a description (own rules: the rules page describes them). */
export function bundledRuleWhat(id: string, t: Translate): string | null {
  return Object.hasOwn(BUNDLED_RULE_TEXT, id) ? t(BUNDLED_RULE_TEXT[id]!.what) : null;
}

/**
 * Whether rule `id`'s removals are moves: the credit lines a headerLines rule takes out of the body go under
 * the title (src/core/meta/source-lines.ts), so the summary counts them as moved, never as removed. Decided
 * by the rule's kind: the bundled header-lines rule, or an own rule (imported) with headerLines.
 */
export function movesLines(id: string, ownRules: readonly { id: string; headerLines?: boolean }[] = []): boolean {
  return id === 'header-lines' || ownRules.some(r => r.id === id && r.headerLines === true);
}
