/**
 * The pager's numbers, each with where it came from (the core's shared ones are in ../measures.ts `T`). Test
 * pages: test/e2e/pages/paged/ (test/core/pager-detect.test.ts).
 */
export const PAGER = {
  /**
   * A pager's surroundings are read from the nearest ancestor holding at least this much text besides the
   * pager: a short article's worth (T.minContentChars is 200), so a pager right under the article's last
   * paragraph is judged by the article's column, not by one paragraph nor by the whole page with its menus.
   */
  scopeChars: 200,
  /**
   * A listing shows at least this many headline links around its pager: a channel page lists 10–40 stories
   * (paged/list: 12); an article's own "related" box beside the pager holds 3–6 (T.headlineListLinks is 3).
   */
  listHeadlines: 8,
  /** Most pages merged, the first included (issue 19: "stop … at 20 pages"). */
  maxPages: 20,
  /** The whole merge's time budget in ms (issue 19: "… or at 10 s"). */
  timeMs: 10_000,
  /**
   * Fetches at once when the pager lists the pages: a browser opens 6 connections per host (HTTP/1.1), and
   * the page the person is reading keeps some of them; 3 leaves room and still overlaps the waits.
   */
  concurrency: 3,
} as const;
