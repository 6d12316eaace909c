/** `jingyue clean URL` and `--pages N` (issue 19) against the project's paginated sites on a local server. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { execFile } from 'node:child_process';
import { servePaged, pagedHtml } from '../helpers/paged-sites.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.jingyue);

/** Runs the bin without blocking this process (the server answers from it). */
const run = (args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>(resolve => {
    execFile('node', [BIN, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 }, (e, stdout, stderr) =>
      resolve({ status: e ? (typeof e.code === 'number' ? e.code : 1) : 0, stdout, stderr }),
    );
  });

let site: Awaited<ReturnType<typeof servePaged>>;
before(async () => {
  site = await servePaged();
});
after(async () => {
  await site.close();
});

/** The positions of `snippets` in `s`, asserting each is there. */
const positions = (s: string, snippets: string[]) =>
  snippets.map(x => {
    const i = s.indexOf(x);
    assert.ok(i >= 0, `missing ${x}`);
    return i;
  });
const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);

test('a URL as input: fetched and cleaned exactly as the same bytes from a file with --url (and without --pages nothing is followed)', async () => {
  const url = site.url('zh-hans/a8823.shtml');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-pages-')), 'a.html');
  fs.writeFileSync(file, pagedHtml('zh-hans/a8823.shtml'));
  const web = await run(['clean', url, '--format', 'json']);
  const local = await run(['clean', file, '--url', url, '--format', 'json']);
  assert.equal(web.status, 0, web.stderr);
  assert.equal(web.stdout, local.stdout);
  assert.equal(web.stderr, '');
  const j = JSON.parse(web.stdout);
  assert.equal(j.url, url);
  assert.ok(!('pages' in j), 'the JSON gains `pages` only with --pages');
  assert.ok(!j.text.includes('停航的消息传开后'), 'page 2 is not fetched without --pages');
});

test('--pages 5 on the held-out three-page article: every paragraph in order, dividers, no 下一篇 and no pager; JSON reports the merge', async () => {
  const url = site.url('heldout/n4410.html');
  const r = await run(['clean', url, '--pages', '5', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, 'jingyue: merged 3 pages (stopped: done)\n');
  const j = JSON.parse(r.stdout);
  assert.deepEqual(j.pages, { merged: 3, stop: 'done' });
  assert.ok(
    ascending(positions(j.text, ['清晨四点', '三分之一', '第 2 页', '线上订单多了', '退款', '第 3 页', '市场的改造', '新的一天又开始了'])),
  );
  for (const gone of ['下一篇', '上一篇', '暑期托管班', '下一页', '共3页', '读者留言', '热点推荐']) assert.ok(!j.text.includes(gone), gone);
  assert.ok(j.markdown.includes('## 第 2 页'));
});

test('--pages stops where it must: a loop at the page already seen, a 404 page 2, a comment pager and a listing are not followed', async () => {
  const loop = await run(['clean', site.url('loop/spring.html'), '--pages', '5', '--format', 'json']);
  assert.equal(loop.status, 0, loop.stderr);
  assert.deepEqual(JSON.parse(loop.stdout).pages, { merged: 3, stop: 'seen', page: 4 });
  const broken = await run(['clean', site.url('broken/b77.html'), '--pages', '5', '--format', 'json']);
  assert.equal(broken.status, 0, broken.stderr);
  assert.deepEqual(JSON.parse(broken.stdout).pages, { merged: 1, stop: 'http-error', page: 2, status: 404 });
  assert.equal(broken.stderr, 'jingyue: merged 1 page (stopped at page 2: http-error 404)\n');
  for (const rel of ['comments/c310.html', 'list/index.html']) {
    const r = await run(['clean', site.url(rel), '--pages', '5', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).pages, { merged: 1, stop: 'no-pager' }, rel);
  }
});

test('--pages N counts the first page: --pages 2 merges two of three; zh-Hant and English (?page=2) merge all three', async () => {
  const two = await run(['clean', site.url('zh-hans/a8823.shtml'), '--pages', '2', '--format', 'json']);
  assert.deepEqual(JSON.parse(two.stdout).pages, { merged: 2, stop: 'max-pages', page: 3 });
  const hant = JSON.parse((await run(['clean', site.url('zh-hant/story-5521.html'), '--pages', '5', '--format', 'json'])).stdout);
  assert.equal(hant.pages.merged, 3);
  assert.ok(hant.text.includes('第 3 頁'));
  const en = JSON.parse((await run(['clean', site.url('en/harbor-lights.html'), '--pages', '5', '--format', 'json'])).stdout);
  assert.equal(en.pages.merged, 3);
  assert.ok(ascending(positions(en.text, ['Page 2', 'Page 3'])));
});

test('bad input: --pages out of range or not a number, a URL answering 404, an unreachable host: exit 2 with one line', async () => {
  for (const bad of ['0', '21', 'two', '1.5', '-3']) {
    const r = await run(['clean', site.url('zh-hans/a8823.shtml'), `--pages=${bad}`]);
    assert.equal(r.status, 2, bad);
    assert.match(r.stderr, /--pages must be a whole number from 1 to 20/);
  }
  const missing = await run(['clean', site.url('broken/b77_2.html')]);
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, `jingyue: HTTP 404 from ${site.url('broken/b77_2.html')}\n`);
  const port = await new Promise<number>(resolve => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
  const closed = await run(['clean', `http://127.0.0.1:${port}/nothing.html`]);
  assert.equal(closed.status, 2);
  assert.equal(closed.stderr, `jingyue: cannot fetch http://127.0.0.1:${port}/nothing.html: ECONNREFUSED\n`);
});
