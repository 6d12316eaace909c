/**
 * Hostile markup through the core (jsdom, as the CLI runs it): for every page in test/hostile/pages the
 * article survives, and its HTML and its exports carry nothing that could run, load, restyle or clobber.
 * The same pages go through the real popup in test/e2e/hostile.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom } from '../helpers/dom.ts';
import { clean as cleanDoc } from '../../src/core/pipeline/index.ts';
import { sanitize } from '../../src/core/dom/sanitize.ts';
import { toHtmlDocument, toMarkdown, toText } from '../../src/core/export/index.ts';
import type { Article } from '../../src/core/types.ts';
import { canonical, caseIds, casePage, hazards, inert, PROSE, prototypePolluted } from './hostile-lib.ts';

const URL_ = 'https://news.example.com/coast/sea-wall.html';
const CANARY = 'http://127.0.0.1:9/canary';

/** The core's article for a case, from a jsdom page that runs no scripts. */
function clean(id: string): { article: Article; doc: Document } {
  const dom = jsdom(casePage(id, CANARY), URL_);
  return { article: cleanDoc(dom.window.document, { url: URL_ }), doc: dom.window.document };
}

const ids = caseIds();

test('there are hostile cases to run (one folder per case)', () => {
  assert.ok(ids.length >= 20, `found ${ids.length} cases`);
});

for (const id of ids) {
  test(`hostile ${id}: the article survives and its HTML is inert`, () => {
    const { article } = clean(id);
    const text = article.text.replace(/\s+/g, ' ');
    for (const p of PROSE) assert.ok(text.includes(p), `the article keeps “${p}”`);
    assert.deepEqual(hazards(inert(`<body>${article.html}`).body), []);
    assert.ok(!/<script|javascript:/i.test(article.html), 'no <script> or javascript: anywhere in the serialized HTML');
    assert.deepEqual(prototypePolluted(), [], 'Object.prototype is untouched');
  });

  test(`hostile ${id}: re-sanitizing the article changes nothing (no mutation XSS between parse and render)`, () => {
    const { article } = clean(id);
    // A renderer may parse article.html again and re-sanitize it (the reader tab, an export opened later): a stable result
    // means a second parse cannot turn text or attributes into markup.
    const win = jsdom('', undefined).window;
    const reparsed = inert(`<!doctype html><body>${article.html}`);
    const once = sanitize(reparsed.body, win as never);
    assert.equal(canonical(once.body), canonical(inert(`<!doctype html><body>${article.html}`).body));
    const twice = sanitize(inert(`<!doctype html><body>${once.html}`).body, win as never);
    assert.equal(canonical(twice.body), canonical(once.body));
  });

  test(`hostile ${id}: the .html, .md and .txt exports carry nothing that runs`, () => {
    const { article, doc } = clean(id);
    const html = toHtmlDocument(article);
    const exported = inert(html);
    assert.deepEqual(hazards(exported.querySelector('article')!), []);
    // The head is ours: one CSP meta that forbids scripts, the referrer policy, charset and viewport.
    const metas = [...exported.head.querySelectorAll('meta[http-equiv]')].map(m => m.getAttribute('http-equiv'));
    assert.deepEqual(metas, ['Content-Security-Policy']);
    assert.match(exported.head.querySelector('meta[http-equiv]')!.getAttribute('content')!, /default-src 'none'/);
    assert.equal(exported.querySelectorAll('script, base, link, iframe, object, embed').length, 0);

    const md = toMarkdown(article, doc);
    assert.ok(!/\]\(\s*(javascript|vbscript|data):/i.test(md), 'no javascript:/data: link in Markdown');
    assert.ok(!/!\[[^\]]*\]\([^)]*canary/i.test(md), 'no Markdown image from the canary');
    const txt = toText(article);
    for (const p of PROSE) assert.ok(txt.replace(/\s+/g, ' ').includes(p), `.txt keeps “${p}”`);
  });
}

test("a page's own images survive (the reader is not an image blocker) and relative links resolve as the page resolves them", () => {
  const { article } = clean('base-href');
  const body = inert(`<body>${article.html}`).body;
  assert.equal(body.querySelector('img')?.getAttribute('src'), 'http://127.0.0.1:9/img/photo.png', 'root-relative under the base origin');
  const earlier = [...body.querySelectorAll('a')].find(a => a.textContent === 'the first storm');
  // The browser resolves "earlier.html" against <base href>, so the reader does too; it is a link, never fetched.
  assert.equal(earlier?.getAttribute('href'), 'http://127.0.0.1:9/canary/base/earlier.html');
  assert.equal(earlier?.getAttribute('rel'), 'noopener noreferrer');
});

test('text that looks like markup stays text in the Markdown export', () => {
  const html = casePage('script', CANARY).replace(
    '<p>Volunteers worked',
    '<p>The council wrote &lt;img src=x onerror=alert(1)&gt; and &lt;script&gt;alert(2)&lt;/script&gt; in its report.</p><p>Volunteers worked',
  );
  const dom = jsdom(html, URL_);
  const article = cleanDoc(dom.window.document, { url: URL_ });
  assert.ok(article.text.includes('<img src=x onerror=alert(1)>'), 'the text is kept as text');
  const md = toMarkdown(article, dom.window.document);
  // "\<img" is escaped Markdown: viewers show the characters "<img", they do not parse a tag.
  const raw = /(^|[^\\])<(img|script)/i;
  assert.ok(!raw.test(md), `no raw HTML in the Markdown: ${md.split('\n').find(l => raw.test(l))}`);
  assert.ok(md.includes('\\<img src=x onerror=alert(1)>'), 'the text is still there, escaped');
});
