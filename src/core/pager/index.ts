/** Multi-page articles (issue 19): find the pager, follow it, check each page continues the first, merge. */
export { detectPager, pagerCandidates, type Pager, type PagerCandidate } from './detect';
export { notContinued, templateSignal, titleKey, type NotContinued, type PageFacts } from './continuation';
export {
  followPages,
  collectPages,
  ensureBase,
  type Clock,
  type FetchedPage,
  type FollowEnd,
  type FollowLimits,
  type FollowOptions,
  type FollowProgress,
  type PagePart,
  type StopReason,
} from './follow';
export { mergeArticles, pageDivider, pageLabel, removePagers, type MergePart } from './merge';
export { normalizeUrl, pageSlots, pageNumberOf, sameOrigin, samePage, commentUrl, type PageSlot } from './page-url';
export { PAGER } from '../text/thresholds';
