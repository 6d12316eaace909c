/**
 * Every fixture page in test/fixtures/<slug>/ (found by listing the folder, as Readability's
 * test-pages harness does): the hand-written expectations (mustContain, mustNotContain, expectRemoved,
 * error) are checked on every run; the `snapshot` block is compared too, and rewritten only when a
 * person asks with UPDATE_FIXTURES=1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { clean, NoArticleError } from '../../src/core/pipeline/index';
import { contains, load } from '../helpers/core';
import { expectedFile, fixtureSlugs, readExpected, readSource } from '../helpers/fixtures.ts';

const UPDATE = process.env.UPDATE_FIXTURES === '1';

const slugs = fixtureSlugs();

test('there are fixture pages', () => assert.ok(slugs.length >= 12, `${slugs.length} fixtures`));

for (const slug of slugs) {
  test(`fixture ${slug}`, () => {
    const file = expectedFile(slug);
    const exp = readExpected(slug);
    const { doc } = load(readSource(slug), exp.url);
    const before = doc.documentElement.outerHTML;
    if (exp.error === 'no-article') {
      assert.throws(() => clean(doc, { url: exp.url }), NoArticleError);
      return;
    }
    const a = clean(doc, { url: exp.url });
    assert.equal(doc.documentElement.outerHTML, before, 'input document unchanged');
    const missing = exp.mustContain.filter(s => !contains(a.text, s));
    assert.deepEqual(missing, [], 'every mustContain paragraph kept');
    const leaked = exp.mustNotContain.filter(s => contains(a.text, s));
    assert.deepEqual(leaked, [], 'no mustNotContain snippet left');
    for (const h of exp.mustContainHtml ?? []) assert.ok(a.html.includes(h), `html contains ${h}`);
    for (const [k, v] of Object.entries(exp.expectFields ?? {}))
      assert.equal((a as unknown as Record<string, unknown>)[k], v, `field ${k}`);
    assert.deepEqual([...new Set(a.removed.map(r => r.ruleId))].sort(), [...exp.expectRemoved].sort(), 'rules that fired');

    const snapshot = {
      title: a.title,
      lang: a.lang,
      readingTime: a.readingTime,
      removed: a.removed.map(r => ({ ruleId: r.ruleId, reason: r.reason, chars: r.chars })),
      text: a.text,
    };
    if (UPDATE || exp.snapshot === undefined) {
      if (!UPDATE) assert.fail(`${slug} has no snapshot yet: run UPDATE_FIXTURES=1 npm test after checking its output`);
      fs.writeFileSync(file, JSON.stringify({ ...exp, snapshot }, null, 2) + '\n');
    } else {
      assert.deepEqual(snapshot, exp.snapshot, 'output matches the snapshot (UPDATE_FIXTURES=1 to accept a change)');
    }
  });
}
