/** Deciding what a block of DOM is from its measured shape: links and cards (clutter) or prose (content). */
import { linkShare, T, type Shape } from './walk';

export { measure, textChars, visibleText, type Shape } from './walk';

/**
 * Whether a block under a recommendation label looks like a recommendation module: links or cards
 * with little prose. Teasers inside cards are allowed (seed-inline's 大家都在看 cards carry a
 * two-line description); paragraphs of prose outside links are not.
 */
export function isClutterShaped(s: Shape): boolean {
  if (s.links === 0 || s.media) return false;
  const prose = s.chars - s.linkChars;
  // One link is a module only as a bare banner or topic link (a 相关专题 box), never beside prose.
  if (s.links === 1) return prose <= T.singleLinkProse && s.sentences === 0;
  if (linkShare(s) >= T.linkHeavy) return true;
  // Cards with short non-link teasers/dates: little prose per link, no long paragraph.
  return prose / s.links <= T.prosePerLink && s.longestProse <= T.cardProse && s.sentences <= s.links;
}

/** The stricter shape a heading that only *contains* a label word must head: a link list, not cards with teasers. */
export function isLinkListShaped(s: Shape): boolean {
  return !s.media && s.links >= T.wordModuleLinks && linkShare(s) >= T.wordModuleShare && s.sentences <= 1;
}

/** Whether text outside links reads as prose (a paragraph, not a title or a date). */
export function isProse(s: Shape): boolean {
  const prose = s.chars - s.linkChars;
  return prose >= T.proseChars && (s.sentences >= 2 || s.longestProse >= T.proseRun) && s.linkChars < prose;
}
