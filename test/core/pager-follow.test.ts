/**
 * Following a pager (src/core/pager/follow.ts) with fake fetches: page order under out-of-order answers, the
 * concurrency bound, the stop rules (seen, not a continuation, 20 pages, the time budget on an injected clock,
 * a 404, another origin) and the continuation check itself (continuation.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom, load } from '../helpers/dom.ts';
import { fileFetch, pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import type { Article } from '../../src/core/types.ts';
import {
  collectPages,
  detectPager,
  ensureBase,
  followPages,
  notContinued,
  templateSignal,
  titleKey,
  type Clock,
  type FetchedPage,
  type FollowOptions,
  type Pager,
} from '../../src/core/pager/index.ts';

const parse = (html: string, url: string) => jsdom(html, url).window.document;
const extract = (doc: Document, url: string): Article => clean(doc, { url });

/** followPages' options for a paged site's first page, fetched from the files. */
function fromSite(rel: string, over: Partial<FollowOptions<Article>> = {}, log: string[] = []): FollowOptions<Article> {
  const url = pagedUrl(rel);
  const { doc } = load(pagedHtml(rel), url);
  const first = extract(doc, url);
  return {
    firstUrl: url,
    pager: detectPager(doc, url)!,
    first: { ...first, template: templateSignal(doc) },
    fetchPage: fileFetch(log),
    parse,
    extract,
    ...over,
  };
}

test('zh-Hans: pages 2 and 3 in order, then done; the 下一篇 article is never fetched', async () => {
  const log: string[] = [];
  const { parts, end } = await collectPages(fromSite('zh-hans/a8823.shtml', {}, log));
  assert.deepEqual(
    parts.map(p => [p.page, p.url]),
    [
      [2, pagedUrl('zh-hans/a8823_2.shtml')],
      [3, pagedUrl('zh-hans/a8823_3.shtml')],
    ],
  );
  assert.deepEqual(end, { reason: 'done', pages: 3 });
  assert.ok(parts[0]!.article.text.includes('周阿姨') && parts[1]!.article.text.includes('汽笛再次响起'));
  assert.ok(!log.some(u => u.includes('a8824')), log.join());
});

test("zh-Hant and English (?page=2, learnt from page 2's own pager) merge three pages", async () => {
  const hant = await collectPages(fromSite('zh-hant/story-5521.html'));
  assert.deepEqual(
    hant.parts.map(p => p.page),
    [2, 3],
  );
  assert.equal(hant.end.reason, 'done');
  const en = await collectPages(fromSite('en/harbor-lights.html'));
  assert.deepEqual(
    en.parts.map(p => p.url),
    [pagedUrl('en/harbor-lights.html?page=2'), pagedUrl('en/harbor-lights.html?page=3')],
  );
  assert.deepEqual(en.end, { reason: 'done', pages: 3 });
});

test("a loop (page 3's 下一页 leads back to page 1) stops at the page already seen, without fetching it again", async () => {
  const log: string[] = [];
  const { parts, end } = await collectPages(fromSite('loop/spring.html', {}, log));
  assert.deepEqual(
    parts.map(p => p.url),
    [pagedUrl('loop/summer.html'), pagedUrl('loop/autumn.html')],
  );
  assert.equal(end.reason, 'seen');
  assert.equal(end.url, pagedUrl('loop/spring.html'));
  assert.deepEqual(log, [pagedUrl('loop/summer.html'), pagedUrl('loop/autumn.html')]);
});

test('a page 2 that answers 404 ends the merge there: page 1 stays, page 3 is not merged, the status is told', async () => {
  const { parts, end } = await collectPages(fromSite('broken/b77.html'));
  assert.deepEqual(parts, []);
  assert.deepEqual(end, { reason: 'http-error', page: 2, url: pagedUrl('broken/b77_2.html'), status: 404, pages: 1 });
});

test('a page that is not a continuation (another title) stops the merge', async () => {
  // The pager's page 3 answers with the next article (a CMS that recycles numbers).
  const files = fileFetch();
  const fetchPage = async (url: string, signal: AbortSignal) =>
    files(url.endsWith('_3.shtml') ? pagedUrl('zh-hans/a8824.shtml') : url, signal);
  const { parts, end } = await collectPages(fromSite('zh-hans/a8823.shtml', { fetchPage }));
  assert.deepEqual(
    parts.map(p => p.page),
    [2],
  );
  assert.equal(end.reason, 'not-continuation');
  assert.equal(end.detail, 'title');
});

test('continuation: titles equal once the page marks go; the template must agree where both pages show one', () => {
  for (const [a, b] of [
    ['老码头的最后一班渡轮', '老码头的最后一班渡轮(2)'],
    ['老码头的最后一班渡轮', '老码头的最后一班渡轮（第2页）'],
    ['山城小站的櫻花季', '山城小站的櫻花季 第3頁'],
    ['Harbor Lights returns', 'Harbor Lights returns - Page 2'],
    ['Harbor Lights returns', 'Harbor Lights returns (page 2 of 3)'],
    ['标题', '标题 第二页'],
    ['标题', '标题[2/3]'],
  ]) {
    assert.equal(titleKey(a!), titleKey(b!), `${a} / ${b}`);
  }
  assert.notEqual(titleKey('连载：城市记忆（上）'), titleKey('连载：城市记忆（下）'), '（上）/（下） are parts of a series');
  assert.notEqual(titleKey('Harbor history, part 1'), titleKey('Harbor history, part 2'));
  const first = { title: '老码头的最后一班渡轮', siteName: '东港晚报', template: 'body>div.wrap>div#article' };
  assert.equal(
    notContinued(first, { title: '老码头的最后一班渡轮(2)', siteName: '东港晚报', template: 'body>div.wrap>div#article' }),
    null,
  );
  assert.equal(notContinued(first, { title: '滨江步道周末起分段封闭施工', siteName: '东港晚报', template: first.template }), 'title');
  assert.equal(notContinued(first, { title: first.title, siteName: '别的网站', template: 'body>div#login' }), 'template');
  assert.equal(
    notContinued(first, { title: first.title, siteName: '东港晚报', template: 'body>div#other' }),
    null,
    'one signal agreeing is enough',
  );
  assert.equal(notContinued(first, { title: first.title }), null, 'no signal on the page: the title decides');
});

test('the template signal is the same on every page of a site and masks digits in ids', () => {
  const sig = (rel: string) => templateSignal(load(pagedHtml(rel), pagedUrl(rel)).doc);
  assert.equal(sig('zh-hans/a8823.shtml'), sig('zh-hans/a8823_3.shtml'));
  assert.match(sig('zh-hans/a8823.shtml')!, /div#content\.content$/);
  assert.equal(
    templateSignal(load('<div id="c_12"><p>一段话</p></div>').doc),
    templateSignal(load('<div id="c_13"><p>另一段</p></div>').doc),
  );
});

// ---- the orchestrator alone, on a fake site of N listed pages ------------------------------------------

const ORIGIN = 'https://paged.example.com';
const pageUrl = (n: number) => `${ORIGIN}/a/100${n === 1 ? '' : `_${n}`}.shtml`;
/** A page of the fake site: its title, and a pager listing pages 1..total. */
function fakePage(n: number, total: number, title = '假新闻标题'): string {
  const pager = Array.from({ length: total }, (_, i) =>
    i + 1 === n ? `<span>${n}</span>` : `<a href="${pageUrl(i + 1)}">${i + 1}</a>`,
  ).join(' ');
  return `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>第 ${n} 页的正文。</p><div class="pages">${pager}${n < total ? ` <a href="${pageUrl(n + 1)}">下一页</a>` : ''}</div></body></html>`;
}
/** What the fake extraction reads: the title and the page's text. */
type Fake = { title: string; text: string };
const fakeExtract = (doc: Document): Fake => ({ title: doc.title, text: doc.querySelector('p')?.textContent ?? '' });

/** A fetch whose answers the test releases by hand, in any order; `active` counts fetches under way. */
function manualFetch(total: number) {
  const waiting = new Map<string, () => void>();
  const stats = { active: 0, maxActive: 0, asked: [] as string[] };
  const fetchPage = (url: string, signal: AbortSignal) =>
    new Promise<FetchedPage>((resolve, reject) => {
      stats.asked.push(url);
      stats.active++;
      stats.maxActive = Math.max(stats.maxActive, stats.active);
      const n = url === pageUrl(1) ? 1 : Number(url.match(/_(\d+)\.shtml$/)![1]);
      let settled = false;
      const settle = () => {
        if (settled) return false;
        settled = true;
        stats.active--;
        waiting.delete(url);
        return true;
      };
      signal.addEventListener(
        'abort',
        () => {
          if (settle()) reject(new Error('aborted'));
        },
        { once: true },
      );
      waiting.set(url, () => {
        if (settle()) resolve({ html: fakePage(n, total), finalUrl: url, status: 200 });
      });
    });
  const release = (n: number) => waiting.get(pageUrl(n))?.();
  return { fetchPage, release, waiting, stats };
}
const tick = () => new Promise(r => setImmediate(r));
async function until(what: string, ok: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ok(); i++) await tick();
  assert.ok(ok(), `never: ${what}`);
}
function fakeStart(total: number): { firstUrl: string; pager: Pager; first: Fake } {
  const doc = parse(fakePage(1, total), pageUrl(1));
  return { firstUrl: pageUrl(1), pager: detectPager(doc, pageUrl(1))!, first: fakeExtract(doc) };
}

test('listed pages are fetched in parallel, at most `concurrency` at once, and handed on in page order whatever order they answer in', async () => {
  const f = manualFetch(8);
  const it = followPages({ ...fakeStart(8), fetchPage: f.fetchPage, parse, extract: fakeExtract, limits: { concurrency: 3 } });
  const got: number[] = [];
  const done = (async () => {
    for await (const p of it) got.push(p.page);
  })();
  await until('three fetches under way', () => f.waiting.size === 3);
  assert.deepEqual(f.stats.asked, [pageUrl(2), pageUrl(3), pageUrl(4)]);
  f.release(4);
  f.release(3);
  await tick();
  await tick();
  assert.deepEqual(got, [], 'pages 3 and 4 wait for page 2');
  f.release(2);
  await until('pages 2–4 handed on', () => got.length === 3);
  assert.deepEqual(got, [2, 3, 4]);
  // The rest, answered last-first each time.
  while (got.length < 7) {
    await until('a fetch under way', () => f.waiting.size > 0);
    await tick();
    const pending = [...f.waiting.keys()].map(u => (u === pageUrl(1) ? 1 : Number(u.match(/_(\d+)\./)![1]))).sort((a, b) => b - a);
    for (const n of pending) f.release(n);
    await tick();
  }
  await done;
  assert.deepEqual(got, [2, 3, 4, 5, 6, 7, 8]);
  assert.ok(f.stats.maxActive <= 3, `at most 3 at once (saw ${f.stats.maxActive})`);
});

test('sequential next links: a page that lists no numbers is followed one page at a time', async () => {
  let active = 0,
    most = 0;
  const chain = (n: number) =>
    `<html><head><title>连载</title></head><body><p>第 ${n} 段。</p><div class="nav">${n < 5 ? `<a href="${ORIGIN}/s?id=${n + 1}&t=x">下一页</a>` : ''}</div></body></html>`;
  const fetchPage = async (url: string) => {
    active++;
    most = Math.max(most, active);
    await tick();
    active--;
    return { html: chain(Number(new URL(url).searchParams.get('id'))), finalUrl: url, status: 200 };
  };
  const doc = parse(chain(1), `${ORIGIN}/s?id=1&t=x`);
  const { parts, end } = await collectPages({
    firstUrl: `${ORIGIN}/s?id=1&t=x`,
    pager: detectPager(doc, `${ORIGIN}/s?id=1&t=x`)!,
    first: fakeExtract(doc),
    fetchPage,
    parse,
    extract: fakeExtract,
  });
  assert.deepEqual(
    parts.map(p => p.article.text),
    ['第 2 段。', '第 3 段。', '第 4 段。', '第 5 段。'],
  );
  assert.equal(end.reason, 'done');
  assert.equal(most, 1);
});

test('at most 20 pages, the first included (maxPages)', async () => {
  const log: string[] = [];
  const fetchPage = async (url: string) => {
    log.push(url);
    return { html: fakePage(url === pageUrl(1) ? 1 : Number(url.match(/_(\d+)\./)![1]), 30), finalUrl: url, status: 200 };
  };
  const { parts, end } = await collectPages({ ...fakeStart(30), fetchPage, parse, extract: fakeExtract });
  assert.equal(parts.length, 19);
  assert.deepEqual(end, { reason: 'max-pages', page: 21, url: pageUrl(21), pages: 20 });
  assert.ok(!log.includes(pageUrl(21)), 'page 21 is never fetched');
});

/** A clock the test moves by hand; timers fire when it passes them. */
function fakeClock(): Clock & { advance(ms: number): void } {
  let now = 0;
  const timers = new Set<{ at: number; fn: () => void }>();
  return {
    now: () => now,
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn };
      timers.add(t);
      return t;
    },
    clearTimeout(h) {
      timers.delete(h as { at: number; fn: () => void });
    },
    advance(ms) {
      now += ms;
      for (const t of [...timers])
        if (t.at <= now) {
          timers.delete(t);
          t.fn();
        }
    },
  };
}

test('the 10 s budget: a page that never answers ends the merge with what was merged, and its fetch is aborted', async () => {
  const clock = fakeClock();
  const f = manualFetch(4);
  const it = followPages({ ...fakeStart(4), fetchPage: f.fetchPage, parse, extract: fakeExtract, clock });
  const got: number[] = [];
  let end: unknown;
  const done = (async () => {
    for (;;) {
      const r = await it.next();
      if (r.done) {
        end = r.value;
        return;
      }
      got.push(r.value.page);
    }
  })();
  await until('fetches under way', () => f.waiting.size === 3);
  f.release(2);
  await until('page 2 handed on', () => got.length === 1);
  clock.advance(9_999);
  await tick();
  assert.equal(end, undefined, 'still within the budget');
  clock.advance(1);
  await done;
  assert.deepEqual(got, [2]);
  assert.deepEqual(end, { reason: 'time', page: 3, url: pageUrl(3), pages: 2 });
  await until('every fetch aborted', () => f.stats.active === 0);
});

test('the budget counts the clock, not only the timer: slow extraction past 10 s stops before the next page', async () => {
  const clock = fakeClock();
  const f = fileFetchFake(4);
  const slow = (doc: Document) => {
    clock.now = (
      t => () =>
        t
    )(clock.now() + 6_000);
    return fakeExtract(doc);
  };
  const { parts, end } = await collectPages({ ...fakeStart(4), fetchPage: f, parse, extract: slow, clock });
  assert.deepEqual(
    parts.map(p => p.page),
    [2],
  );
  assert.equal(end.reason, 'time');
});
function fileFetchFake(total: number) {
  return async (url: string) => ({
    html: fakePage(url === pageUrl(1) ? 1 : Number(url.match(/_(\d+)\./)![1]), total),
    finalUrl: url,
    status: 200,
  });
}

test('same origin only: a listed page on another origin, or a redirect to one, is refused', async () => {
  const start = fakeStart(3);
  const other = {
    ...start,
    pager: { ...start.pager, pages: ['https://evil.example.net/a/100_2.shtml'], next: 'https://evil.example.net/a/100_2.shtml' },
  };
  const log: string[] = [];
  const r1 = await collectPages({
    ...other,
    fetchPage: async u => {
      log.push(u);
      return { html: '', finalUrl: u, status: 200 };
    },
    parse,
    extract: fakeExtract,
  });
  assert.equal(r1.end.reason, 'other-origin');
  assert.deepEqual(log, [], 'never fetched');
  const r2 = await collectPages({
    ...start,
    fetchPage: async () => ({ html: fakePage(2, 3), finalUrl: 'https://evil.example.net/x', status: 200 }),
    parse,
    extract: fakeExtract,
  });
  assert.deepEqual(r2.parts, []);
  assert.deepEqual(r2.end, { reason: 'other-origin', page: 2, url: 'https://evil.example.net/x', pages: 1 });
});

test('a network failure or a page without an article ends the merge there, with the reason', async () => {
  const start = fakeStart(3);
  const failed = await collectPages({
    ...start,
    fetchPage: async () => {
      throw new Error('connection reset');
    },
    parse,
    extract: fakeExtract,
  });
  assert.deepEqual(failed.end, { reason: 'fetch-failed', page: 2, url: pageUrl(2), detail: 'connection reset', pages: 1 });
  const empty = await collectPages({
    ...start,
    fetchPage: fileFetchFake(3),
    parse,
    extract: () => {
      throw new Error('no article');
    },
  });
  assert.equal(empty.end.reason, 'no-article');
});

test('progress: merged so far and the total the pager shows', async () => {
  const seen: string[] = [];
  await collectPages({
    ...fakeStart(3),
    fetchPage: fileFetchFake(3),
    parse,
    extract: fakeExtract,
    onProgress: p => seen.push(`${p.merged}/${p.total}:${p.fetching}`),
  });
  assert.deepEqual(seen, ['1/3:2', '2/3:null', '2/3:3', '3/3:null']);
});

test('ensureBase: a document parsed away from its URL resolves links against the page it came from', () => {
  const { doc } = load('<html><head></head><body><a href="b77_3.html">3</a></body></html>', 'https://news.example.com/other/place.html');
  ensureBase(doc, 'https://news.example.com/broken/b77_2.html');
  assert.equal(doc.querySelector('a')!.href, 'https://news.example.com/broken/b77_3.html');
  const kept = load('<html><head><base href="https://cdn.example.com/x/"></head><body><a href="y">y</a></body></html>').doc;
  ensureBase(kept, 'https://news.example.com/a.html');
  assert.equal(kept.querySelector('a')!.href, 'https://cdn.example.com/x/y', "a page's own <base> stays");
  // Browsers ignore <base> in a DOMParser document (Chromium: baseURI stays the parsing page's), so the attributes themselves are made absolute.
  const media = load(
    '<html><head></head><body><a href="b77_3.html">3</a><img src="img/x.jpg" srcset="img/x.jpg 1x, img/x2.jpg 2x"><video poster="p.png"></video><a href="https://other.example/y">y</a></body></html>',
    'chrome-extension://abc/popup.html',
  ).doc;
  ensureBase(media, 'https://news.example.com/broken/b77_2.html');
  assert.equal(media.querySelector('a')!.getAttribute('href'), 'https://news.example.com/broken/b77_3.html');
  assert.equal(media.querySelector('img')!.getAttribute('src'), 'https://news.example.com/broken/img/x.jpg');
  assert.equal(
    media.querySelector('img')!.getAttribute('srcset'),
    'https://news.example.com/broken/img/x.jpg 1x, https://news.example.com/broken/img/x2.jpg 2x',
  );
  assert.equal(media.querySelector('video')!.getAttribute('poster'), 'https://news.example.com/broken/p.png');
  assert.equal(media.querySelectorAll('a')[1]!.getAttribute('href'), 'https://other.example/y');
});
