/** The two halves of the pipeline: the page half never sanitizes, the finishing half does, and block marks trace back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, extract, finish, settle, type Extracted } from '../../src/core/pipeline/index';
import { BLOCK_MARK } from '../../src/core/dom/block-mark';

/** Steps 4–9 on the page's answer, with the bundled rules, in the window's own DOMParser and DOMPurify. */
const finishArticle = (ex: Extracted, win: Window & typeof globalThis, opts?: { keepMarks?: boolean }) =>
  finish(settle(ex, { url: ex.url }, { window: win }), win as never, opts);
import { load, page, ZH_PARAS, linkList } from '../helpers/core';

const URL = 'https://news.example.com/a/1.html';
const html = page({
  lang: 'zh-CN',
  paras: ZH_PARAS,
  inside: linkList('大家都在看', ['标题一号新闻', '标题二号新闻', '标题三号新闻']),
  at: 2,
}).replace(ZH_PARAS[1]!, `${ZH_PARAS[1]!}<img src="/a.jpg" onerror="alert(1)">`);

test('the page half hands over unsanitized HTML; the finishing half sanitizes it', () => {
  const { doc, window } = load(html, URL);
  const ex = extract(doc, { url: URL });
  assert.match(ex.html, /onerror=/, 'the page half does not sanitize (the popup must not trust it)');
  assert.equal(ex.removed.length, 1);
  const article = finishArticle(ex, window as never);
  assert.doesNotMatch(article.html, /onerror=/);
  assert.deepEqual(article, clean(load(html, URL).doc, { url: URL }), 'extract + finish is the whole pipeline');
});

test('the extraction is plain JSON: it survives the structured clone of scripting.executeScript unchanged', () => {
  const { doc } = load(html, URL);
  const ex = extract(doc, { url: URL });
  assert.deepEqual(JSON.parse(JSON.stringify(ex)), ex);
});

test('block marks: only when asked, each mark names its source element in the live page, and exports drop them', () => {
  const { doc, window } = load(html, URL);
  assert.doesNotMatch(extract(doc, { url: URL }).html, new RegExp(BLOCK_MARK), 'no marks unless asked');
  const ex = extract(doc, { url: URL, marks: true });
  const marked = load(`<body>${ex.html}`).doc.querySelectorAll(`[${BLOCK_MARK}]`);
  assert.ok(marked.length >= ZH_PARAS.length, `${marked.length} marked elements`);
  const live = doc.body.getElementsByTagName('*');
  let paragraphs = 0;
  for (const el of marked) {
    const source = live[Number(el.getAttribute(BLOCK_MARK))]!;
    if (el.localName === 'p') {
      paragraphs++;
      assert.equal(source.localName, 'p');
      assert.equal(source.textContent, el.textContent, 'the mark points at the paragraph it came from');
    }
  }
  assert.equal(paragraphs, ZH_PARAS.length);
  assert.equal(doc.querySelector(`[${BLOCK_MARK}]`), null, 'the live page is not stamped');
  assert.doesNotMatch(finishArticle(ex, window as never).html, new RegExp(BLOCK_MARK), 'finishing strips marks by default');
  assert.match(finishArticle(ex, window as never, { keepMarks: true }).html, new RegExp(BLOCK_MARK), 'the remove-blocks view keeps them');
});

test('warmUp (the popup runs it while the page works) changes nothing a later finish returns, and never throws', async () => {
  const { warmUp } = await import('../../src/popup/warm-up.ts');
  const before = clean(load(html, URL).doc, { url: URL });
  const { window } = load(html, URL);
  warmUp(window as never);
  warmUp({} as never); // a window without DOMParser: swallowed
  assert.deepEqual(clean(load(html, URL).doc, { url: URL }), before);
});
