/** The CLI as other tools call it: flags, JSON fields, exit codes, charsets, rule-file errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { page, ZH_PARAS, EN_PARAS, linkList } from '../helpers/core';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.jingyue);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-cli-'));
const write = (name: string, data: string | Buffer) => {
  const f = path.join(tmp, name);
  fs.writeFileSync(f, data);
  return f;
};
const run = (args: string[], input?: string | Buffer) => spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', cwd: ROOT });

const zhPage = write(
  'zh.html',
  page({
    lang: 'zh-CN',
    title: '老街的早点铺',
    paras: ZH_PARAS,
    inside: linkList('大家都在看', ['标题一号新闻来了', '标题二号新闻来了', '标题三号新闻来了']),
    at: 3,
  }),
);
const URL = 'https://news.example.com/a/1.html';

test('json output has every documented field and the removal report', () => {
  const r = run(['clean', zhPage, '--url', URL, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  for (const k of [
    'title',
    'byline',
    'siteName',
    'lang',
    'publishedTime',
    'url',
    'excerpt',
    'readingTime',
    'text',
    'markdown',
    'html',
    'removed',
  ])
    assert.ok(k in j, k);
  assert.equal(j.url, URL);
  assert.equal(j.lang, 'zh-CN');
  assert.deepEqual(Object.keys(j.readingTime), ['minutes', 'min', 'max']);
  assert.deepEqual(Object.keys(j.removed[0]), ['ruleId', 'reason', 'preview', 'chars']);
  assert.equal(j.removed[0].ruleId, 'feed-popular');
  assert.ok(!j.text.includes('标题一号新闻来了'));
  assert.ok(j.markdown.startsWith('# 老街的早点铺'));
});

test('--disable and --no-rules keep the block; text, markdown and html formats; stdin', () => {
  assert.ok(run(['clean', zhPage, '--url', URL, '--disable', 'feed-popular']).stdout.includes('标题一号新闻来了'));
  assert.ok(run(['clean', zhPage, '--url', URL, '--no-rules']).stdout.includes('标题一号新闻来了'));
  assert.ok(run(['clean', zhPage, '--url', URL, '--format', 'markdown']).stdout.startsWith('# 老街的早点铺'));
  assert.ok(run(['clean', zhPage, '--url', URL, '--format', 'html']).stdout.startsWith('<!DOCTYPE html>'));
  const r = run(['clean', '-', '--url', URL], fs.readFileSync(zhPage));
  assert.equal(r.status, 0, r.stderr);
  assert.ok(r.stdout.startsWith('老街的早点铺\n原文链接：https://news.example.com/a/1.html'));
});

test('GBK (declared gb2312) and Big5 pages are decoded', () => {
  // 中文 in GBK is D6 D0 CE C4, in Big5 A4 A4 A4 E5; a page of them is readable only when decoded right.
  const para = (bytes: number[]) =>
    Buffer.from(
      Array.from({ length: 80 }, () => bytes)
        .flat()
        .concat([0xa1, 0xa3]),
    );
  const gbk = Buffer.concat([
    Buffer.from('<html><head><meta charset="gb2312"><title>t</title></head><body><article><p>'),
    para([0xd6, 0xd0, 0xce, 0xc4]),
    Buffer.from('</p><p>'),
    para([0xd6, 0xd0, 0xce, 0xc4]),
    Buffer.from('</p></article></body></html>'),
  ]);
  const r = run(['clean', write('gbk.html', gbk), '--url', URL, '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).text.includes('中文中文中文'));
  const big5 = Buffer.concat([
    Buffer.from('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body><article><p>'),
    Buffer.from(Array.from({ length: 80 }, () => [0xa4, 0xa4, 0xa4, 0xe5]).flat()),
    Buffer.from('</p></article></body></html>'),
  ]);
  const b = run(['clean', write('big5.html', big5), '--url', URL, '--format', 'json']);
  assert.equal(b.status, 0, b.stderr);
  assert.ok(JSON.parse(b.stdout).text.includes('中文中文中文'));
});

test('exit 1 with a message when there is no article', () => {
  const r = run(['clean', write('empty.html', '<html><body><nav><a href="/">Home</a></nav></body></html>'), '--url', URL]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /No article/);
  assert.equal(r.stdout, '');
});

test('exit 2 for bad input: unreadable file, bad flags, bad URL, invalid rule file naming file, rule and field', () => {
  const missing = run(['clean', path.join(tmp, 'nope.html')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read .*nope\.html: ENOENT/);
  assert.equal(run(['clean', zhPage, '--format', 'pdf']).status, 2);
  assert.equal(run(['clean', zhPage, '--bogus']).status, 2);
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['clean', zhPage, '--url', 'not a url']).status, 2);
  const rules = write(
    'bad-rules.json',
    JSON.stringify({ version: 1, rules: [{ id: 'broken', title: 'B', sites: ['*'], remove: ['a[[['] }] }),
  );
  const r = run(['clean', zhPage, '--url', URL, '--rules', rules]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad-rules\.json: rule broken, field remove\[0\]: invalid CSS selector/);
  const notJson = run(['clean', zhPage, '--rules', write('x.json', '{oops')]);
  assert.equal(notJson.status, 2);
  assert.match(notJson.stderr, /x\.json: rule \(file\): not valid JSON/);
});

test('--rules adds a user rule that runs on its site', () => {
  const en = write(
    'en.html',
    page({
      lang: 'en',
      paras: EN_PARAS,
      inside: '<div class="newsletter">Sign up for our newsletter today and get the morning briefing.</div>',
      at: 2,
    }),
  );
  const rules = write(
    'mine.json',
    JSON.stringify({ version: 1, rules: [{ id: 'newsletter', title: 'Newsletter box', sites: ['example.com'], remove: ['.newsletter'] }] }),
  );
  const j = JSON.parse(run(['clean', en, '--url', URL, '--rules', rules, '--format', 'json']).stdout);
  assert.ok(!j.text.includes('Sign up for our newsletter'));
  assert.ok(j.removed.some((r: { ruleId: string }) => r.ruleId === 'newsletter'));
});

test('json reports source/editor lines in their own fields, not in text; --disable header-lines keeps them in text', () => {
  const f = write(
    'credits.html',
    page({
      lang: 'zh-CN',
      title: '老街的早点铺',
      paras: ['原标题：一条老街的早晨', ...ZH_PARAS, '本文来源：示例日报 责任编辑：张三', '声明：本文仅代表作者观点。'],
    }).replace('<title>老街的早点铺</title>', '<title>老街的早点铺_示例新闻网</title>'),
  );
  const j = JSON.parse(run(['clean', f, '--url', URL, '--format', 'json']).stdout);
  for (const k of ['source', 'originalTitle', 'editor', 'disclaimer']) assert.ok(k in j, k);
  assert.equal(j.title, '老街的早点铺');
  assert.equal(j.originalTitle, '一条老街的早晨');
  assert.equal(j.source, '示例日报');
  assert.equal(j.editor, '责任编辑：张三');
  assert.equal(j.disclaimer, '声明：本文仅代表作者观点。');
  for (const s of ['原标题', '示例日报', '张三', '声明']) assert.ok(!j.text.includes(s), s);
  assert.ok(j.removed.some((r: { ruleId: string }) => r.ruleId === 'header-lines'));
  assert.ok(j.markdown.includes('> 本文来源：示例日报'), 'the Markdown export keeps them in the header');
  const text = run(['clean', f, '--url', URL]).stdout;
  assert.ok(text.split('\n\n')[0]!.includes('责任编辑：张三'), 'the text export keeps them in the header');
  const off = JSON.parse(run(['clean', f, '--url', URL, '--format', 'json', '--disable', 'header-lines']).stdout);
  assert.equal(off.editor, null);
  assert.ok(off.text.includes('责任编辑：张三'));
  const plain = JSON.parse(run(['clean', f, '--url', URL, '--format', 'json', '--no-rules']).stdout);
  assert.equal(plain.title, '老街的早点铺_示例新闻网', '--no-rules is plain Readability, title included');
});
