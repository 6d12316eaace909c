/** The popup's merge (src/popup/merge-pages.ts) in jsdom over the paged sites: pages land in order, the status lines. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { fileFetch, pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { load } from '../helpers/dom.ts';
import { msg } from '../helpers/locale.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { detectPager, templateSignal } from '../../src/core/pager/index.ts';
import type { Article } from '../../src/core/types.ts';
import { endStatus, mergePages, progressStatus } from '../../src/popup/merge-pages.ts';
import type { Translate } from '../../src/ui/api.ts';

popupDom();
const t: Translate = (key, subs) => msg('zh_CN', key, ...(subs ?? []));

async function merge(rel: string, cancelAfter = Infinity) {
  const url = pagedUrl(rel);
  const { doc } = load(pagedHtml(rel), url);
  const first = clean(doc, { url });
  const found = { pager: detectPager(doc, url)!, template: templateSignal(doc) };
  const merged: Article[] = [];
  const status: string[] = [];
  const fetch = fileFetch();
  const end = await mergePages({
    first,
    firstUrl: url,
    found,
    choice: { url },
    fetchPage: (u, s) => fetch(u, s),
    onMerged: a => merged.push(a),
    onProgress: p => status.push(progressStatus(p, t)),
    cancelled: () => merged.length >= cancelAfter,
  });
  return { first, merged, status, end };
}

test('the held-out article: page 2 then page 3 land, each a merged article; progress then "已合并 3 页"', async () => {
  const { merged, status, end } = await merge('heldout/n4410.html');
  assert.equal(merged.length, 2);
  assert.ok(merged[0]!.text.includes('线上订单多了') && !merged[0]!.text.includes('市场的改造'));
  assert.ok(merged[1]!.text.includes('市场的改造'));
  assert.deepEqual(status.slice(0, 1), ['正在合并第 2/3 页…']);
  assert.ok(status.includes('正在合并第 3/3 页…'), status.join(' '));
  assert.equal(endStatus(end, t), '已合并 3 页');
});

test('the stops say what happened: a 404 page 2 keeps page 1, a loop ends as merged, a cancelled merge stops at once', async () => {
  const broken = await merge('broken/b77.html');
  assert.deepEqual(broken.merged, []);
  assert.equal(endStatus(broken.end, t), '第 2 页无法打开（HTTP 404），已保留前 1 页');
  const loop = await merge('loop/spring.html');
  assert.equal(loop.merged.length, 2);
  assert.equal(endStatus(loop.end, t), '已合并 3 页');
  const cancelled = await merge('zh-hans/a8823.shtml', 1);
  assert.equal(cancelled.merged.length, 1);
  assert.equal(endStatus({ reason: 'max-pages', pages: 20, page: 21 }, t), '已合并前 20 页（最多合并 20 页）');
  assert.equal(endStatus({ reason: 'not-continuation', pages: 2, page: 3 }, t), '第 3 页不是本文的下一页，已停止合并');
});
