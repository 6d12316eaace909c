/** House style 2: the document given to the core is never changed (the live page in the extension). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean } from '../../src/core/pipeline/index';
import { load, page, ZH_PARAS, linkList } from '../helpers/core';

test('cleaning leaves the input document exactly as it was', () => {
  const html = page({
    lang: 'zh-CN',
    paras: ZH_PARAS,
    inside: linkList('大家都在看', ['标题一号新闻', '标题二号新闻', '标题三号新闻']),
    at: 2,
    after: '<img data-src="/lazy.jpg" src="data:image/gif;base64,R0lGOD"><a href="/rel">rel</a>',
  });
  const { doc } = load(html);
  const before = doc.documentElement.outerHTML;
  const a = clean(doc, { url: 'https://news.example.com/a/1.html' });
  assert.equal(a.removed.length, 1, 'the cleanup did remove something');
  assert.equal(doc.documentElement.outerHTML, before);
  assert.equal(doc.querySelectorAll('.rec').length, 1);
});

test('a doctype jsdom cannot clone ("<!DOCTYPE<!DOCTYPE html>", found by the fuzzer) still gives an article', () => {
  const html = page({ lang: 'zh-CN', paras: ZH_PARAS }).replace('<!DOCTYPE html>', '<!DOCTYPE<!DOCTYPE html>');
  const { doc } = load(html);
  assert.equal(doc.doctype?.name, '<!doctype');
  assert.throws(() => doc.cloneNode(true)); // the jsdom behaviour the fallback exists for
  const before = doc.documentElement.outerHTML;
  const a = clean(doc, { url: 'https://news.example.com/a/1.html' });
  assert.ok(a.text.includes(ZH_PARAS[0]!));
  assert.equal(doc.documentElement.outerHTML, before);
});
