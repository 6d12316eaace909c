/**
 * The popup's warm-up of the article stage and the finishing half: it runs in their chunk (finish.ts) as soon
 * as it loads, while the page works, so the code it warms is the code the page's answer then runs.
 */
import type { WindowLike } from 'dompurify';
import { finish } from '../core/pipeline/finish.ts';
import { settle } from '../core/pipeline/settle.ts';

/** A small article with a bit of everything the stage looks at: a label over links, a menu, furniture, credit lines, both scripts. */
const WARM_HTML =
  '<div><ul><li><a href="/a">首页</a></li><li><a href="/b">新闻</a></li><li><a href="/c">财经</a></li><li><a href="/d">体育</a></li></ul>' +
  '<p>本文来源：净阅</p><p>这是一段预热用的文字，它不会显示给任何人。This paragraph only warms the code up, and is never shown.</p>' +
  '<h3>相关文章</h3><ul><li><a href="/e">第一篇相关文章的标题</a></li><li><a href="/f">第二篇相关文章的标题</a></li></ul>' +
  '<p>分享到： <a href="/g">微信</a></p><p>责任编辑：净阅</p><img data-src="/h.jpg"></div>';

/**
 * Runs the article stage and the finishing half once on a small built-in article and throws the result away.
 * The popup is a fresh document on every click, so its first run pays for compiling this code, its regular
 * expressions and Intl.Segmenter's word data (≈ 50–90 ms measured in Chromium, against 2–5 ms warm); the popup
 * calls this while it waits for the page's answer, when it is idle anyway. Never throws.
 */
export function warmUp(win: WindowLike): void {
  try {
    const url = 'https://warm-up.invalid/a.html';
    const settled = settle(
      {
        title: '预热 - 净阅',
        byline: null,
        siteName: null,
        declaredLang: null,
        publishedTime: null,
        url,
        excerpt: null,
        html: WARM_HTML,
        base: url,
        readerable: true,
        guard: null,
        removed: [],
        titleEvidence: { headlines: ['预热'], h1s: [], siteNames: [] },
      },
      { url },
      { window: win as unknown as { DOMParser: { new (): DOMParser } } },
    );
    finish(settled, win);
  } catch {
    /* a warm-up only saves time; it has nothing to report */
  }
}
