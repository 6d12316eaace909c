/** What the demo page (test/e2e/pages/demo/index.html) is known to hold: one list for every suite that opens it. */

/** Its path on the test server (test/harness/pages.ts). */
export const DEMO_PATH = '/demo/';
/** The host the test server's pages have, as the popup keys site switches by it. */
export const TEST_HOST = '127.0.0.1';

/** The demo article's title (og:title), which the popup shows and exports name their files after. */
export const TITLE = '老城区的夜班公交，凌晨两点仍有人在等车';
/** og:site_name and the author, shown in the popup's header. */
export const SITE = '每日看点';
export const BYLINE = '周晓岚';
/** Its published year (the popup formats the date in the UI language). */
export const YEAR = '2025';
/** The image in the article body, relative to the page. */
export const IMAGE = 'bus-stop.svg';

/** The first paragraph of the story. */
export const STORY = '凌晨一点四十分，西门站的站牌下站着七个人';
/** Paragraphs that must survive, first to last (and the table and list inside the body). */
export const CONTENT = [STORY, '一条线路，三种夜晚', '意见征集截止：十一月三十日', '周五晴359', '车子驶过空荡荡的十字路口'];

/** A link in the "大家都在看" block, removed by the bundled rule feed-popular. */
export const POPULAR = '这种早餐吃法正在悄悄伤害你的胃';
/** A link in the "相关文章" block, removed by the bundled rule feed-related. */
export const RELATED = '本市新增三条定制公交线路';
/** The rule that removes the "相关文章" block. */
export const RELATED_RULE = 'feed-related';
/** A link in the "热门阅读" block. */
export const HOT = '十二星座本周运势';
/** The advertising banner above the article. */
export const BANNER = '下载每日看点 App';
/** Snippets of the three clutter blocks (their labels and their links) and the banner. */
export const CLUTTER = ['大家都在看', '相关文章', '热门阅读', '这种早餐吃法', RELATED, HOT, BANNER];
/** How many blocks the bundled rules remove from it with default switches: three clickbait blocks. */
export const REMOVED_BLOCKS = 3;
/** The editor line (责任编辑) that the header-lines rule moves under the title: counted as moved, not removed. */
export const MOVED_LINES = 1;
