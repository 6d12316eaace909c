/**
 * parseArticle (src/core/export/dom.ts) parses with the window's DOMParser where there is one: the tree is the
 * one a fragment parse into a fresh no-quirks document gives, on sanitized HTML from generated tag soup
 * (misnested, table parts, forbidden elements whose content DOMPurify keeps).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsdom } from '../helpers/dom.ts';
import { parseArticle } from '../../src/core/export/dom.ts';
import { sanitizeHtml } from '../../src/core/dom/sanitize.ts';

const { window } = jsdom('', 'https://news.example.com/a/1.html');

/** The fragment parse: the body of a document made by the implementation, its innerHTML set. */
function fragmentParse(html: string): HTMLElement {
  const d = window.document.implementation.createHTMLDocument('');
  d.body.innerHTML = html;
  return d.body;
}

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'b',
  'i',
  'table',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'li',
  'ul',
  'ol',
  'h2',
  'pre',
  'code',
  'br',
  'img',
  'form',
  'button',
  'select',
  'option',
  'textarea',
  'noscript',
  'template',
  'svg',
  'math',
  'figure',
  'nobr',
  'font',
  'xmp',
];
const LEAVES = ['text', ' ', '\n', '中文。', '&amp;', '<!-- c -->', '<p>', '</p>', '<td>', '</table>', '<br>', '<hr>', '<a href="/x">'];
const soup = fc.letrec<{ node: string; nodes: string }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...LEAVES),
    fc.tuple(fc.constantFrom(...TAGS), tie('nodes'), fc.boolean()).map(([t, inner, close]) => `<${t}>${inner}${close ? `</${t}>` : ''}`),
  ),
  nodes: fc.array(tie('node'), { maxLength: 6 }).map(xs => xs.join('')),
})).nodes;

test('the DOMParser parse of sanitized HTML is the fragment parse', () => {
  fc.assert(
    fc.property(soup, dirty => {
      const { html } = sanitizeHtml(dirty, window as never);
      assert.equal(parseArticle(html, window.document).innerHTML, fragmentParse(html).innerHTML, html);
    }),
    { numRuns: 600 },
  );
});

test('a document without a window (a DOMParser document) still parses, through its implementation', () => {
  const doc = new window.DOMParser().parseFromString('', 'text/html');
  assert.equal(doc.defaultView, null);
  assert.equal(parseArticle('<p>a<b>b</b></p>', doc).innerHTML, '<p>a<b>b</b></p>');
});
