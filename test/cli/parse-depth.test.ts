/** The CLI caps its parse at Blink's 512 levels (src/cli/parse-depth.ts); every other page reaches jsdom untouched. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { capParseDepth, guessDepth, ParseDepthError, PARSER_MAX_DEPTH } from '../../src/cli/parse-depth';
import { deepNestingPage, deepTablesPage, hugePage, MARKER } from '../hostile/pages-gen';

const depthOf = (root: Element): number => {
  let max = 0;
  const walk = (el: Element, d: number) => {
    if (d > max) max = d;
    for (const c of el.children) walk(c, d + 1);
  };
  walk(root, 1);
  return max;
};

test('fixture pages and the 5 MB page are handed to jsdom as they are (the very same string)', () => {
  const dir = path.join(import.meta.dirname, '../fixtures');
  for (const name of fs.readdirSync(dir)) {
    const html = fs.readFileSync(path.join(dir, name, 'source.html'), 'utf8');
    assert.ok(guessDepth(html) <= PARSER_MAX_DEPTH, name);
    assert.equal(capParseDepth(html), html, name);
  }
  const huge = hugePage(20_000, 1);
  assert.equal(capParseDepth(huge), huge);
});

test('the guess is never below the real depth on nested tables, and unclosed <p>/<li>/<td> do not inflate it', () => {
  const deep = deepTablesPage(300);
  const real = depthOf(new JSDOM(deep).window.document.documentElement);
  assert.ok(guessDepth(deep, Infinity) >= real, `guess ${guessDepth(deep, Infinity)} >= real ${real}`);
  assert.ok(guessDepth(deep) > PARSER_MAX_DEPTH, 'asked only whether it passes the cap, it says so');
  assert.ok(
    guessDepth(`<body>${'<p>para'.repeat(2000)}<ul>${'<li>item'.repeat(2000)}</ul><table><tr>${'<td>x'.repeat(2000)}</table>`) < 10,
  );
  assert.ok(guessDepth(`<body><script>${'<div>'.repeat(2000)}</script><!-- ${'<div>'.repeat(2000)} --></body>`) < 10);
});

test('tables nested 2,000 deep: the tree jsdom builds is at most 512 levels and still holds the article', () => {
  const capped = capParseDepth(deepTablesPage(2000));
  const t = performance.now();
  const doc = new JSDOM(capped).window.document;
  console.log(`# jsdom parse of the capped page: ${(performance.now() - t).toFixed(0)} ms`);
  // jsdom re-parses the capped tree's HTML: table repairs (foster parenting) may shift a level or two.
  assert.ok(depthOf(doc.documentElement) <= PARSER_MAX_DEPTH + 4, `depth ${depthOf(doc.documentElement)}`);
  assert.ok(doc.body.textContent!.includes(MARKER));
});

test('the tag scan stops as soon as it knows the page nests past the cap', () => {
  // It keeps at most PARSER_MAX_DEPTH + 1 open tags, so each stray end tag looks through that many at most.
  assert.equal(guessDepth(deepNestingPage(100_000)), PARSER_MAX_DEPTH + 1);
  assert.equal(guessDepth(`${'<div>'.repeat(600)}${'</span>'.repeat(100_000)}`), PARSER_MAX_DEPTH + 1);
});

test('past MAX_NESTING_WORK the capped parse refuses the page (ParseDepthError) instead of running for minutes', () => {
  // parse5 looks through its stack of open elements for most start tags: 100,000 nested <div>s ran past three minutes.
  for (const html of [deepNestingPage(100_000), deepNestingPage(400_000), deepNestingPage(50_000, 'b')]) {
    assert.throws(
      () => capParseDepth(html),
      (e: unknown) => e instanceof ParseDepthError && /nested too deeply/.test(e.message),
    );
  }
  assert.ok(capParseDepth(deepTablesPage(2000)).includes(MARKER), 'tables nested 2,000 deep (8,000 levels of markup) are read');
  assert.ok(capParseDepth(deepNestingPage(5_000)).includes(MARKER), '5,000 nested <div>s are read');
});
