/**
 * The CLI on input that is not a plain page (issue 16, items 2, 13, 14): bytes that are no HTML, a full
 * stdout, charsets as a browser reads them, rule files and URLs it must refuse or accept, pages that nest or
 * spread far past real ones. Every refusal is one line on stderr (`jingyue: …`) with exit 2, never a stack.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { Writable } from 'node:stream';
import { page, ZH_PARAS } from '../helpers/core.ts';
import { deepNestingPage, MARKER, siblingsPage } from '../hostile/pages-gen';
import { main } from '../../src/cli/main';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.jingyue);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-odd-'));
const write = (name: string, data: string | Buffer) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, data);
  return f;
};
const run = (args: string[], opts: { input?: Buffer; stdout?: number } = {}) =>
  spawnSync('node', [BIN, ...args], {
    input: opts.input,
    encoding: 'utf8',
    cwd: ROOT,
    stdio: ['pipe', opts.stdout ?? 'pipe', 'pipe'],
    maxBuffer: 1 << 28,
  });
const URL = 'https://news.example.com/a/1.html';
const zhHtml = page({ lang: 'zh-CN', title: '老街的早点铺', paras: ZH_PARAS });
const zhPage = write('zh.html', zhHtml);

/** One line on stderr, starting "jingyue: ", and no stack frame in it. */
function oneLine(r: SpawnSyncReturns<string>): string {
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^jingyue: /);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
  return lines[0]!;
}

test('binary, gzip and PNG input exit 2 "not an HTML document" and print nothing', () => {
  let seed = 7;
  const random = Buffer.from(
    Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed >> 23;
    }),
  );
  const inputs: [string, Buffer][] = [
    ['page.html.gz', zlib.gzipSync(Buffer.from(zhHtml))],
    ['photo.png', fs.readFileSync(path.join(ROOT, 'test/hostile/pages/photo.png'))],
    ['random.bin', random],
  ];
  for (const [name, bytes] of inputs) {
    const r = run(['clean', write(name, bytes), '--url', URL]);
    assert.equal(r.status, 2, `${name}: ${r.stderr}`);
    assert.match(oneLine(r), /not an HTML document/, name);
    assert.equal(r.stdout, '', name);
    const stdin = run(['clean', '-', '--url', URL], { input: bytes });
    assert.equal(stdin.status, 2, `${name} on stdin`);
  }
  // UTF-16 with its BOM holds NUL bytes and is still a page.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(zhHtml, 'utf16le')]);
  const r = run(['clean', write('utf16.html', utf16), '--url', URL]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.includes(ZH_PARAS[0]!.slice(0, 10)));
});

test('a full stdout (/dev/full) exits 2 with one line on stderr', { skip: !fs.existsSync('/dev/full') && 'no /dev/full here' }, () => {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const r = run(['clean', zhPage, '--url', URL, '--format', 'json'], { stdout: full });
    assert.equal(r.status, 2, r.stderr);
    assert.match(oneLine(r), /cannot write the output.*ENOSPC/);
  } finally {
    fs.closeSync(full);
  }
});

test('an unexpected error inside the CLI exits 2 with one line, never a stack', async () => {
  let err = '';
  const out = new Writable({
    write() {
      throw new TypeError('the sink broke');
    },
  });
  const errSink = new Writable({
    write(c, _e, cb) {
      err += String(c);
      cb();
    },
  });
  const code = await main(['clean', zhPage, '--url', URL], { out, err: errSink } as never);
  assert.equal(code, 2);
  assert.equal(err.trimEnd().split('\n').length, 1, err);
  assert.match(err, /^jingyue: .*TypeError: the sink broke/);
});

test('a rule file with a UTF-8 BOM is read', () => {
  const rules = JSON.stringify({ version: 1, rules: [{ id: 'bom-rule', title: 'BOM', sites: ['example.com'], texts: [ZH_PARAS[1]!] }] });
  const r = run([
    'clean',
    zhPage,
    '--url',
    URL,
    '--format',
    'json',
    '--rules',
    write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rules)])),
  ]);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).removed.some((x: { ruleId: string }) => x.ruleId === 'bom-rule'));
});

test('--url must be http(s) or file: a javascript: or data: URL is refused', () => {
  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(document.domain)',
    'data:text/html,x',
    'ftp://example.com/a.html',
    'about:blank',
  ]) {
    const r = run(['clean', zhPage, '--url', bad]);
    assert.equal(r.status, 2, bad);
    assert.match(oneLine(r), /--url/, bad);
  }
  for (const good of [URL, 'http://example.com/a.html', `file://${zhPage}`])
    assert.equal(run(['clean', zhPage, '--url', good]).status, 0, good);
});

test('a selector that Chromium refuses (:has() inside :has()) is refused by the rule check, naming the field', () => {
  const rules = write(
    'has.json',
    JSON.stringify({ version: 1, rules: [{ id: 'nested-has', title: 'N', sites: ['*'], remove: ['div:has(p:has(a))'] }] }),
  );
  const r = run(['clean', zhPage, '--url', URL, '--rules', rules]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /rule nested-has, field remove\[0\]: invalid CSS selector "div:has\(p:has\(a\)\)"/);
});

test('100,000 nested <div>s: an answer or "no article", exit 0/1/2 and one line', () => {
  const r = run(['clean', write('deep.html', deepNestingPage(100_000)), '--url', URL]);
  assert.ok([0, 1, 2].includes(r.status!), `exit ${r.status}: ${r.stderr}`);
  if (r.status) oneLine(r);
  else assert.ok(r.stdout.includes(MARKER));
});

test('pages of 10,000 short siblings (spans, inline links, nested lists) and of 200,000 spans give their article', () => {
  for (const [n, kind] of [
    [10_000, 'spans'],
    [10_000, 'links'],
    [10_000, 'lists'],
    [200_000, 'spans'],
  ] as const) {
    const r = run(['clean', write(`sib-${kind}-${n}.html`, siblingsPage(n, kind)), '--url', URL]);
    assert.equal(r.status, 0, `${n} ${kind}: ${r.stderr}`);
    assert.ok(r.stdout.includes(MARKER), `${n} ${kind}`);
  }
});

/** A page in the given charset's bytes: `head` goes in <head>, the body is the Chinese paragraphs. */
function zhBytes(head: string, encode: (s: string) => Buffer, body = ZH_PARAS.map(p => `<p>${p}</p>`).join('')): Buffer {
  return Buffer.concat([
    Buffer.from(`<!DOCTYPE html><html><head>${head}<title>t</title></head><body><article>`),
    encode(body),
    Buffer.from('</article></body></html>'),
  ]);
}
const utf8 = (s: string) => Buffer.from(s, 'utf8');
const textOf = (bytes: Buffer, name: string): string => {
  const r = run(['clean', write(name, bytes), '--url', URL, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout).text as string;
};

test('a page that declares UTF-8 and holds one invalid byte reads as UTF-8, the byte a replacement character', () => {
  const bytes = zhBytes('<meta charset="utf-8">', s => Buffer.concat([utf8(s.slice(0, 20)), Buffer.from([0xff]), utf8(s.slice(20))]));
  const text = textOf(bytes, 'bad-byte.html');
  assert.ok(text.includes(ZH_PARAS[1]!), 'the Chinese text is intact');
  assert.ok(text.includes('\ufffd'), 'the bad byte is U+FFFD');
  // The same with the declaration past the first 1,024 bytes (a browser's parser still honours it in <head>).
  const late = zhBytes(`<meta name="description" content="${'x'.repeat(1100)}"><meta charset="utf-8">`, s =>
    Buffer.concat([utf8(s), Buffer.from([0xff])]),
  );
  assert.ok(textOf(late, 'late-meta.html').includes(ZH_PARAS[1]!));
});

test('<meta charset="utf-16"> without a BOM reads as UTF-8 (the HTML standard)', () => {
  assert.ok(textOf(zhBytes('<meta charset="utf-16">', utf8), 'utf16-meta.html').includes(ZH_PARAS[1]!));
  assert.ok(
    textOf(zhBytes('<meta http-equiv="Content-Type" content="text/html; charset=UTF-16LE">', utf8), 'utf16le-meta.html').includes(
      ZH_PARAS[1]!,
    ),
  );
});

test('a page that declares gb2312 but whose bytes are UTF-8 (a page saved again as UTF-8) reads as UTF-8', () => {
  assert.ok(textOf(zhBytes('<meta charset="gb2312">', utf8), 'resaved.html').includes(ZH_PARAS[1]!));
});

test('undeclared bytes that are not UTF-8 are read as GB18030; a GBK page with one bad byte keeps the rest', () => {
  // 中文 is D6 D0 CE C4 in GBK; 。 is A1 A3.
  const gbk = (s: string) =>
    Buffer.from(
      s
        .replace(/中文。/g, '\u0000')
        .split('\u0000')
        .flatMap((part, i) => (i ? [[0xd6, 0xd0, 0xce, 0xc4, 0xa1, 0xa3], [...Buffer.from(part)]] : [[...Buffer.from(part)]]))
        .flat(),
    );
  const body = `<p>${'中文。'.repeat(60)}</p><p>${'中文。'.repeat(60)}</p>`;
  assert.ok(textOf(zhBytes('', gbk, body), 'undeclared-gbk.html').includes('中文。中文。'));
  const broken = zhBytes('<meta charset="gbk">', s => Buffer.concat([gbk(s), Buffer.from([0xff])]), body);
  assert.ok(textOf(broken, 'gbk-bad-byte.html').includes('中文。中文。'));
});
