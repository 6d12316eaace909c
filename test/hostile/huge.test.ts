/**
 * Huge and strange pages through the core on jsdom (the CLI's DOM): each gives an article or a clear
 * NoArticleError. Timings are printed, not asserted tightly (jsdom is several times slower than a browser);
 * a generous ceiling only catches a hang. The worst two also run in the real popup: test/e2e/hostile-huge.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom } from '../helpers/dom.ts';
import { clean, NoArticleError } from '../../src/core/pipeline/index.ts';
import type { Article } from '../../src/core/types.ts';
import { capParseDepth } from '../../src/cli/parse-depth.ts';
import { deepTablesPage, emptyBodyPage, framesetPage, hugePage, MARKER, mixedScriptsPage, siblingsPage, xhtmlPage } from './pages-gen.ts';

const URL_ = 'https://news.example.com/a/1.html';
/** A hang, not a slow machine: jsdom on a loaded 2-core box. */
const CEILING_MS = 180_000;

function run(name: string, html: string, contentType = 'text/html'): { article: Article | null; error: Error | null } {
  let t0 = performance.now();
  // As the CLI parses: capped at Blink's 512 levels (src/cli/parse-depth.ts).
  const dom = jsdom(contentType === 'text/html' ? capParseDepth(html) : html, URL_, { contentType });
  const parseMs = performance.now() - t0;
  const elements = dom.window.document.getElementsByTagName('*').length;
  t0 = performance.now();
  let article: Article | null = null,
    error: Error | null = null;
  try {
    article = clean(dom.window.document, { url: URL_ });
  } catch (e) {
    error = e as Error;
  }
  const cleanMs = performance.now() - t0;
  console.log(
    `# ${name}: ${(html.length / 1e6).toFixed(2)} MB, ${elements} elements; jsdom parse ${parseMs.toFixed(0)} ms, ` +
      `clean ${cleanMs.toFixed(0)} ms → ${article ? `article “${article.title}” (${article.text.length} chars, lang ${article.lang})` : `${error!.name}: ${error!.message}`}`,
  );
  assert.ok(parseMs + cleanMs < CEILING_MS, `${name} finished within ${CEILING_MS} ms`);
  return { article, error };
}

test('a 5 MB page with 100,000 elements gives its article', () => {
  const { article } = run('5 MB / 100,000 elements', hugePage(100_000, 5));
  assert.ok(article?.text.includes(MARKER));
});

let deep: ReturnType<typeof run> | null = null;
test('an article inside tables nested 2,000 deep: an article or an error, within the ceiling', () => {
  deep = run('tables nested 2,000 deep', deepTablesPage(2000));
  assert.ok(deep.article?.text.includes(MARKER) || deep.error instanceof Error);
});

test('tables nested 2,000 deep give an article or a NoArticleError, not a stack overflow', () => {
  assert.ok(deep, 'the run above happened');
  assert.ok(deep.article || deep.error instanceof NoArticleError, `got ${deep.error?.name}: ${deep.error?.message}`);
});

test('tables nested 200 deep give their article (Readability is quadratic in depth: timing printed)', () => {
  const { article } = run('tables nested 200 deep', deepTablesPage(200));
  assert.ok(article?.text.includes(MARKER));
});

test('a frameset page (no body) is a clear NoArticleError', () => {
  const { error } = run('frameset', framesetPage());
  assert.ok(error instanceof NoArticleError, String(error));
  assert.match(error.message, /article|body/i);
});

test('an XHTML page parsed as XML gives its article', () => {
  const { article } = run('XHTML as application/xhtml+xml', xhtmlPage(), 'application/xhtml+xml');
  assert.ok(article?.text.includes(MARKER));
  assert.equal(article?.title, 'XHTML article');
});

test('an empty <body> is a clear NoArticleError', () => {
  const { error } = run('empty body', emptyBodyPage());
  assert.ok(error instanceof NoArticleError);
  assert.equal(error.message, 'No article was found on this page.');
});

test('no <html lang> and five scripts mixed: an article with a detected language and a reading time', () => {
  const { article } = run('no lang, mixed scripts', mixedScriptsPage());
  assert.ok(article);
  for (const s of ['豆浆', 'ovens warm', 'パン屋', 'пекарня', 'المخبز', '빵집']) assert.ok(article.text.includes(s), s);
  assert.ok(article.lang && /^(zh|ja|en)/.test(article.lang), `a language is detected (${article.lang})`);
  assert.ok(article.readingTime.minutes >= 1);
});

test('an article beside 10,000 short siblings (spans, inline links, nested lists) gives its article', () => {
  // The label scan read every sibling from each sibling (N²): 70 s of CPU at 10,000 (issue 16). 200,000 run
  // through the CLI (test/cli/odd-input.test.ts); test/core/walk.test.ts counts the steps at N and 2N.
  for (const [n, kind] of [
    [10_000, 'spans'],
    [10_000, 'links'],
    [10_000, 'lists'],
  ] as const) {
    const { article } = run(`${n.toLocaleString('en')} sibling ${kind}`, siblingsPage(n, kind));
    assert.ok(article?.text.includes(MARKER), `${n} ${kind}`);
  }
});
