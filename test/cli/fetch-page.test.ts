/**
 * The CLI's page fetch (src/cli/fetch-page.ts) against a node:http server on 127.0.0.1: redirects, the charset
 * from the header then the bytes, the time limit, the size cap, statuses, and the paged sites merged end to end.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jsdom } from '../helpers/dom.ts';
import { servePaged } from '../helpers/paged-sites.ts';
import { decodeFetched, fetchHtml, FetchPageError, headerCharset } from '../../src/cli/fetch-page.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { collectPages, detectPager, mergeArticles, templateSignal } from '../../src/core/pager/index.ts';

/** 中文 in GBK. */
const GBK_ZHONGWEN = [0xd6, 0xd0, 0xce, 0xc4];
/** 中文 in Big5 (read as GBK/GB18030 these bytes are two kana: the charset must come from somewhere). */
const BIG5_ZHONGWEN = [0xa4, 0xa4, 0xa4, 0xe5];
const html = (...parts: (string | number[])[]) => Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

let origin = '';
const server = http.createServer((req, res) => {
  const path = req.url ?? '/';
  if (path === '/utf8') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>你好</p>');
  if (path === '/moved') return void res.writeHead(301, { location: '/hop' }).end();
  if (path === '/hop') return void res.writeHead(302, { location: '/utf8' }).end();
  if (path.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${Number(path.slice(5) || 0) + 1}` }).end();
  if (path === '/big5-header')
    return void res.writeHead(200, { 'content-type': 'text/html; charset=Big5' }).end(html('<p>', BIG5_ZHONGWEN, '</p>'));
  if (path === '/big5-header-gbk-meta')
    return void res
      .writeHead(200, { 'content-type': 'text/html;charset="big5"' })
      .end(html('<meta charset="gbk"><p>', BIG5_ZHONGWEN, '</p>'));
  if (path === '/gbk-meta')
    return void res.writeHead(200, { 'content-type': 'text/html' }).end(html('<meta charset="gb2312"><p>', GBK_ZHONGWEN, '</p>'));
  if (path === '/bom-beats-header')
    return void res.writeHead(200, { 'content-type': 'text/html; charset=gbk' }).end(html([0xef, 0xbb, 0xbf], '<p>你好</p>'));
  if (path === '/silent') return; // never answers
  if (path === '/big')
    return void res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(5000) }).end('x'.repeat(5000));
  if (path === '/big-chunked') {
    res.writeHead(200, { 'content-type': 'text/html' });
    let i = 0;
    const more = () => {
      if (i++ < 50) res.write('y'.repeat(1000), more);
      else res.end();
    };
    return void more();
  }
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<p>没有这个页面</p>');
});
before(async () => {
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise(r => server.close(r));
});

test('a UTF-8 page: text, status, final URL', async () => {
  const r = await fetchHtml(`${origin}/utf8`);
  assert.deepEqual([r.text, r.charset, r.status, r.finalUrl], ['<p>你好</p>', 'utf-8', 200, `${origin}/utf8`]);
});

test('redirects are followed and the final URL is the last one; a redirect loop fails after 20 hops', async () => {
  const r = await fetchHtml(`${origin}/moved`);
  assert.equal(r.finalUrl, `${origin}/utf8`);
  assert.equal(r.text, '<p>你好</p>');
  await assert.rejects(fetchHtml(`${origin}/loop`), (e: unknown) => e instanceof FetchPageError && e.kind === 'network');
});

test("the charset: the header's first (over a wrong <meta>), then the page's <meta> (GB2312 read as GB18030), a BOM over both", async () => {
  assert.equal((await fetchHtml(`${origin}/big5-header`)).text, '<p>中文</p>');
  const wrongMeta = await fetchHtml(`${origin}/big5-header-gbk-meta`);
  assert.equal(wrongMeta.text, '<meta charset="gbk"><p>中文</p>');
  assert.equal(wrongMeta.charset, 'big5');
  assert.equal((await fetchHtml(`${origin}/gbk-meta`)).text, '<meta charset="gb2312"><p>中文</p>');
  const bom = await fetchHtml(`${origin}/bom-beats-header`);
  assert.deepEqual([bom.text, bom.charset], ['<p>你好</p>', 'utf-8']);
  assert.equal(headerCharset('text/html; Charset="Big5"'), 'big5');
  assert.equal(headerCharset('text/html'), null);
  assert.equal(
    decodeFetched(new Uint8Array(Buffer.from('<p>ok</p>')), 'no-such-charset').text,
    '<p>ok</p>',
    'an unknown label falls back as charset.ts does',
  );
});

test('a 404 is returned with its status (the caller decides)', async () => {
  const r = await fetchHtml(`${origin}/nothing-here`);
  assert.equal(r.status, 404);
});

test('the time limit: a server that never answers fails as a timeout', async () => {
  await assert.rejects(
    fetchHtml(`${origin}/silent`, { timeoutMs: 300 }),
    (e: unknown) => e instanceof FetchPageError && e.kind === 'timeout',
  );
});

test('the size cap: a large Content-Length is refused before reading; a stream past the cap stops there', async () => {
  await assert.rejects(
    fetchHtml(`${origin}/big`, { maxBytes: 4000 }),
    (e: unknown) => e instanceof FetchPageError && e.kind === 'too-large',
  );
  await assert.rejects(
    fetchHtml(`${origin}/big-chunked`, { maxBytes: 10_000 }),
    (e: unknown) => e instanceof FetchPageError && e.kind === 'too-large',
  );
  assert.equal((await fetchHtml(`${origin}/big-chunked`, { maxBytes: 60_000 })).bytes.length, 50_000);
});

test('only http(s): file:, javascript: and relative URLs are refused', async () => {
  for (const u of ['file:///etc/passwd', 'javascript:alert(1)', '/relative']) {
    await assert.rejects(fetchHtml(u), (e: unknown) => e instanceof FetchPageError && e.kind === 'bad-url', u);
  }
});

test('end to end over HTTP: the zh-Hans site fetched, extracted, followed and merged as `jingyue clean URL --pages` will', async () => {
  const site = await servePaged();
  try {
    const url = site.url('zh-hans/a8823.shtml');
    const got = await fetchHtml(url);
    const doc = jsdom(got.text, got.finalUrl).window.document;
    const first = clean(doc, { url: got.finalUrl });
    const { parts, end } = await collectPages({
      firstUrl: got.finalUrl,
      pager: detectPager(doc, got.finalUrl)!,
      first: { ...first, template: templateSignal(doc) },
      fetchPage: async (u, signal) => {
        const r = await fetchHtml(u, { signal });
        return { html: r.text, finalUrl: r.finalUrl, status: r.status };
      },
      parse: (h, u) => jsdom(h, u).window.document,
      extract: (d, u) => clean(d, { url: u }),
    });
    assert.deepEqual([parts.length, end.reason], [2, 'done']);
    const text = mergeArticles(first, parts, doc).text;
    assert.ok(text.indexOf('傍晚六点十分') < text.indexOf('第 2 页') && text.indexOf('第 2 页') < text.indexOf('再也不会重复的航程'));
  } finally {
    await site.close();
  }
});
