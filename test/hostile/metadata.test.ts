/**
 * Hostile metadata: the title, byline, site name, date and lang come from the page and reach the popup's
 * header and every export. They are text everywhere: nothing in them becomes markup.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom } from '../helpers/dom.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { toHtmlDocument, toMarkdown, toText } from '../../src/core/export/index.ts';
import { casePage, hazards, inert } from './hostile-lib.ts';

const URL_ = 'https://news.example.com/coast/sea-wall.html';
const XSS = '"><img src=x onerror=alert(1)><script>alert(2)</script>';

test('markup in title, byline, site name, date and lang stays text in the .html, .md and .txt exports', () => {
  const attr = XSS.replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html = casePage('proto-pollution', 'http://127.0.0.1:9/canary')
    .replace('<html lang="en">', `<html lang="${attr}">`)
    .replace(
      /<title>[^<]*<\/title>/,
      `<title>${XSS.replace(/</g, '&lt;')}</title>
<meta property="og:site_name" content="${attr}"><meta name="author" content="${attr}">
<meta property="article:published_time" content="${attr}"><meta property="og:title" content="${attr}">`,
    );
  const dom = jsdom(html, URL_);
  const article = clean(dom.window.document, { url: URL_ });
  assert.ok(
    [article.title, article.siteName, article.byline, article.lang].some(v => v?.includes('<img')),
    'the payload did reach the metadata',
  );
  const exported = inert(toHtmlDocument(article));
  assert.equal(exported.querySelectorAll('script, img[onerror], [onerror]').length, 0);
  assert.deepEqual(
    hazards(exported.body).filter(h => !h.startsWith('<header') && !h.startsWith('<body')),
    [],
  );
  assert.equal(exported.title, article.title, 'the title is the text it was');
  assert.ok(exported.documentElement.getAttribute('lang') === article.lang);
  const md = toMarkdown(article, dom.window.document);
  const head = md.split('\n\n').slice(0, 2).join('\n\n');
  assert.ok(!/(?<!\\)<(img|script)/.test(head), `the Markdown header escapes markup: ${head}`);
  assert.ok(toText(article).startsWith(article.title));
});
