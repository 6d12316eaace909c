/** Never worse than plain Readability: the suspicion signal and the choice between the two runs. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { climbedAbove, plainIsBetter, suspectPrunedPick } from '../../src/core/pipeline/never-worse';
import type { Rule } from '../../src/core/rules/index';
import { applyRules } from '../../src/core/removals/apply-page';
import { removalContext } from '../../src/core/removals/context';
import { cleanHtml, load } from '../helpers/core';

const FIX = path.resolve(import.meta.dirname, '../fixtures/en-prune-changes-readability-pick');

test("applyRules names the removed blocks' former parents, as they were when removed", () => {
  const { doc } = load('<body><div id="a"><p>x</p><div id="m" class="promo"><a>1</a></div></div><div id="b"></div></body>');
  const parents = new Set<Element>();
  const rule: Rule = { id: 'r', title: 'r', sites: ['*'], remove: ['.promo'] };
  const removed = applyRules(doc.body, removalContext([rule]), parents);
  assert.equal(removed.length, 1);
  assert.deepEqual(
    [...parents].map(s => s.id),
    ['a'],
  );
});

test("a pick two levels above the pruned block is suspect; the pruned block's own parent is not", () => {
  const { doc } = load(
    '<body><div id="r"><div class="page"><div id="c"><div id="s"><div id="b"><p>t</p></div></div></div></div></div></body>',
  );
  const root = doc.getElementById('r')!;
  const long = 'Long enough text for an article body that is not small at all. '.repeat(10);
  doc.querySelector('p')!.textContent = long;
  assert.equal(climbedAbove(root, [doc.getElementById('b')!]), true, 'page > c > s > b: climbed');
  assert.equal(climbedAbove(root, [doc.getElementById('c')!]), false, "page > c: Readability picked the pruned block's parent");
  assert.equal(suspectPrunedPick(root, { pruned: true, climbed: true }), true);
  assert.equal(suspectPrunedPick(root, { pruned: true, climbed: false }), false, 'long and not climbed: no second run');
  assert.equal(suspectPrunedPick(root, { pruned: false, climbed: false }), false, 'nothing pruned: no second run');
  assert.equal(suspectPrunedPick(root, null), false, 'a content selector chose the article: no second run');
  doc.querySelector('p')!.textContent = 'Short.';
  assert.equal(suspectPrunedPick(root, { pruned: true, climbed: false }), true, 'pruned and small after post-pruning: a second run');
});

test('the plain run wins when it keeps the prose and drops furniture; not when it loses prose', () => {
  const para = (s: string) => `<p>${s} ${'The council said the service would be reviewed after six months of running. '.repeat(2)}</p>`;
  const article = para('One.') + para('Two.') + para('Three.');
  const { doc } =
    load(`<body><div id="pruned">${article}<ul><li><a href="/a">News</a></li><li><a href="/b">Sport</a></li></ul><p>Watch: a short video caption.</p></div>
    <div id="plain">${article}</div><div id="half">${para('One.')}</div></body>`);
  const $ = (id: string) => doc.getElementById(id)!;
  assert.equal(plainIsBetter($('pruned'), $('plain')), true);
  assert.equal(plainIsBetter($('pruned'), $('half')), false);
  assert.equal(plainIsBetter($('plain'), $('pruned')), false, 'bigger with no more prose is not better');
});

test('fixture en-prune-changes-readability-pick: the guarded result equals plain Readability post-pruned', () => {
  const html = fs.readFileSync(path.join(FIX, 'source.html'), 'utf8');
  const url = 'https://www.marlowvalley.example/news/tool-library';
  const a = cleanHtml(html, { url });
  assert.ok(!a.text.includes('More News'), a.text);
  assert.ok(!a.text.includes('Obituaries'));
  assert.ok(a.text.includes('The library is open on Thursday evenings'));
  assert.deepEqual(a.removed.map(r => r.ruleId).sort(), ['feed-for-you', 'feed-related', 'page-menus']); // page-menus: the menu Readability's plain pick holds at its top
});
