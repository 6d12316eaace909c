/** Deep nesting is capped before Readability (src/core/dom/flatten.ts); pages that nest like real ones are untouched. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { flattenDeepNesting } from '../../src/core/dom/flatten';
import * as THRESHOLDS from '../../src/core/text/thresholds';

const MAX_DEPTH = THRESHOLDS.maxDepth;
import { clean } from '../../src/core/pipeline/index';
import { load, page, ZH_PARAS } from '../helpers/core';

const depthOf = (root: Element): number => {
  let max = 0;
  const walk = (el: Element, d: number) => {
    if (d > max) max = d;
    for (const c of el.children) walk(c, d + 1);
  };
  walk(root, 0);
  return max;
};
const words = (s: string) => s.replace(/\s+/g, ' ').trim();

test('every fixture page is left exactly as it was', () => {
  const dir = path.join(import.meta.dirname, '../fixtures');
  for (const name of fs.readdirSync(dir)) {
    const { doc } = load(fs.readFileSync(path.join(dir, name, 'source.html'), 'utf8'));
    const before = doc.body.outerHTML;
    assert.equal(flattenDeepNesting(doc.body), 0, name);
    assert.equal(doc.body.outerHTML, before, name);
  }
});

test('wrappers nested to the cap are untouched; one level past it is dissolved', () => {
  for (const [levels, changed] of [
    [MAX_DEPTH, 0],
    [MAX_DEPTH + 1, 1],
  ] as const) {
    const { doc } = load(`<body>${'<div>'.repeat(levels)}deep text${'</div>'.repeat(levels)}</body>`);
    assert.equal(depthOf(doc.body), levels);
    assert.equal(flattenDeepNesting(doc.body), changed, `${levels} levels`);
    assert.equal(depthOf(doc.body), MAX_DEPTH);
    assert.equal(words(doc.body.textContent!), 'deep text');
  }
});

test('tables nested 300 deep: every word kept in order, cells not run together, depth capped', () => {
  const cells = (i: number) => `<table><tr><td>cell ${i}a</td><td>cell ${i}b`;
  let html = '';
  for (let i = 0; i < 300; i++) html += cells(i);
  html += '<p>The <a href="/x">bottom</a> paragraph.</p>' + '</td></tr></table>'.repeat(300);
  const { doc } = load(`<body>${html}</body>`);
  const before = doc.body.textContent!.replace(/\s/g, '');
  assert.ok(flattenDeepNesting(doc.body) > 0);
  assert.ok(depthOf(doc.body) <= MAX_DEPTH + 2, `depth ${depthOf(doc.body)}`); // the paragraph and its link
  assert.equal(doc.body.textContent!.replace(/\s/g, ''), before);
  assert.match(doc.body.textContent!, /cell 299a cell 299b/);
  assert.equal(doc.querySelector('a[href="/x"]')?.textContent, 'bottom', 'a paragraph keeps its link');
});

test('inline nesting inside a paragraph past the cap is bounded too (2,000 <b>)', () => {
  const { doc } = load(
    `<body>${'<div>'.repeat(MAX_DEPTH)}<p>${'<b>'.repeat(2000)}bold${'</b>'.repeat(2000)}</p>${'</div>'.repeat(MAX_DEPTH)}</body>`,
  );
  flattenDeepNesting(doc.body);
  assert.ok(depthOf(doc.body) <= MAX_DEPTH + 20, `depth ${depthOf(doc.body)}`);
  assert.equal(words(doc.body.textContent!), 'bold');
});

test('an article nested 250 deep in divs is cleaned, and the page itself is unchanged', () => {
  const html = page({ lang: 'zh-CN', paras: ZH_PARAS })
    .replace('<main>', `<main>${'<div>'.repeat(250)}`)
    .replace('</main>', `${'</div>'.repeat(250)}</main>`);
  const { doc } = load(html);
  const before = doc.documentElement.outerHTML;
  const a = clean(doc, { url: 'https://news.example.com/a/1.html' });
  for (const p of ZH_PARAS) assert.ok(a.text.includes(p));
  assert.equal(doc.documentElement.outerHTML, before);
});

test('a level past the cap holding 70,000 wrapped nodes (Blink caps 400,000 nested divs to one such level) flattens without overflowing the stack', () => {
  // Built bottom-up and detached: jsdom parses a node at depth d in O(d), and the test is about flatten.
  const { doc } = load('<body></body>');
  const section = doc.createElement('section');
  const n = 70_000; // replaceChildren(...nodes) overflows jsdom's stack from about 60,000 arguments
  for (let i = 0; i < n; i++) section.appendChild(doc.createElement('i')).append('x');
  let top: Element = section;
  for (let d = 0; d < MAX_DEPTH; d++) {
    const div = doc.createElement('div');
    div.append(top);
    top = div;
  }
  top.lastElementChild!.append('end');
  const root = doc.createElement('body');
  root.append(top);
  assert.equal(flattenDeepNesting(root), n + 1);
  assert.equal(depthOf(root), MAX_DEPTH);
  const text = root.textContent!;
  assert.equal(text.split('x').length - 1, n);
  assert.ok(text.trim().endsWith('end'));
});
