/**
 * One vocabulary of characters (src/core/text/chars.ts): the whitespace class and the sentence punctuation are
 * written there and nowhere else in src/ (nor in the tests' shared helpers); everything else imports them, so a
 * change to what counts as whitespace or a sentence end reaches every measure at once. Nothing is allowed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOME = 'src/core/text/';

/** Source files under `dir` (relative to ROOT). */
function sources(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter((f) => /\.(tsx?|mjs)$/.test(f)).map((f) => `${dir}/${f.split(path.sep).join('/')}`);
}

/**
 * What a line writes again: a character class holding the no-break and the ideographic space (the whitespace
 * class, whatever else it holds), or one holding 。！？ (the sentence punctuation), or that punctuation run
 * together in a string.
 */
export function copies(line: string): string[] {
  const found: string[] = [];
  for (const m of line.matchAll(/\[((?:\\.|[^\]\\])*)\]/g)) {
    const cls = m[1]!;
    if (cls.includes('\\u00a0') && cls.includes('\\u3000')) found.push(`whitespace class ${m[0]}`);
    if (['。', '！', '？'].every((c) => cls.includes(c))) found.push(`sentence punctuation ${m[0]}`);
  }
  if (/[。！？]{3}/u.test(line) && !found.length) found.push('sentence punctuation');
  return found;
}

test('the whitespace class and the sentence punctuation are written only in src/core/text/', () => {
  const files = [...sources('src'), 'test/helpers/text.ts'].filter((f) => !f.startsWith(HOME));
  assert.ok(files.length > 100, `found the sources (${files.length})`);
  const offenders: string[] = [];
  for (const f of files) {
    fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').forEach((line, i) => {
      for (const what of copies(line)) offenders.push(`${f}:${i + 1}: ${what}`);
    });
  }
  assert.deepEqual(offenders, []);
  const home = fs.readFileSync(path.join(ROOT, HOME, 'chars.ts'), 'utf8').split('\n').flatMap(copies);
  assert.ok(home.some((w) => w.startsWith('whitespace')) && home.some((w) => w.startsWith('sentence')), 'chars.ts holds both (the scan finds them)');
});

test('the scan finds a copy written any way (it can fail)', () => {
  assert.equal(copies("const f = (s) => s.replace(/[\\s\\u00a0\\u3000]+/g, ' ');").length, 1);
  assert.equal(copies("const k = s.replace(/[\\s\\u3000\\u00a0\\u200b]+/g, '');").length, 1, 'another order, another member');
  assert.equal(copies("const S = /[。！？!?]|[a-z]{2}\\.(?:\\s|$)/;").length, 1);
  assert.equal(copies("const E = /[!?；;。？！]\\s*$/;").length, 1, 'the punctuation in another order');
  assert.equal(copies("const STOPS = '。！？!?';").length, 1, 'the punctuation in a string');
  assert.deepEqual(copies("const D = /[【】\\[\\]·]+/u; // 。 ！ ？ named in prose"), []);
});
