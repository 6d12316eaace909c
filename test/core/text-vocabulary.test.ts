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
    .filter(f => /\.(tsx?|m?js)$/.test(f))
    .map(f => `${dir}/${f.split(path.sep).join('/')}`);
}

/** The characters the scan looks for, each in every spelling a source may use: \uXXXX, \u{…}, \xXX, or itself. */
const SPELLINGS: [RegExp, string][] = [
  [/\\u00a0|\\u\{0*a0\}|\\xa0/gi, '\u00a0'],
  [/\\u3000|\\u\{0*3000\}/gi, '\u3000'],
  [/\\u3002|\\u\{0*3002\}/gi, '。'],
  [/\\uff01|\\u\{0*ff01\}/gi, '！'],
  [/\\uff1f|\\u\{0*ff1f\}/gi, '？'],
];

/** A line with those characters written as themselves, whatever the spelling. */
const spelled = (line: string): string => SPELLINGS.reduce((l, [re, c]) => l.replace(re, c), line);

/**
 * What a line writes again: a character class holding the no-break and the ideographic space (the whitespace
 * class, whatever else it holds), or one holding 。！？ (the sentence punctuation), or that punctuation run
 * together in a string or listed as three strings.
 */
export function copies(raw: string): string[] {
  const line = spelled(raw);
  const found: string[] = [];
  for (const m of line.matchAll(/\[((?:\\.|[^\]\\])*)\]/g)) {
    const cls = m[1]!;
    if (cls.includes('\u00a0') && cls.includes('\u3000')) found.push(`whitespace class ${m[0]}`);
    if (['。', '！', '？'].every(c => cls.includes(c))) found.push(`sentence punctuation ${m[0]}`);
  }
  if (!found.length && (/[。！？]{3}/u.test(line) || ['。', '！', '？'].every(c => new RegExp(`(['"\`])${c}\\1`).test(line))))
    found.push('sentence punctuation');
  return found;
}

test('the whitespace class and the sentence punctuation are written only in src/core/text/', () => {
  const files = [...sources('src'), 'test/helpers/text.ts'].filter(f => !f.startsWith(HOME));
  assert.ok(files.length > 100, `found the sources (${files.length})`);
  const offenders: string[] = [];
  for (const f of files) {
    fs.readFileSync(path.join(ROOT, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        for (const what of copies(line)) offenders.push(`${f}:${i + 1}: ${what}`);
      });
  }
  assert.deepEqual(offenders, []);
  const home = fs
    .readFileSync(path.join(ROOT, HOME, 'chars.ts'), 'utf8')
    .split('\n')
    .flatMap(copies);
  assert.ok(
    home.some(w => w.startsWith('whitespace')) && home.some(w => w.startsWith('sentence')),
    'chars.ts holds both (the scan finds them)',
  );
});

test('the scan finds a copy written any way (it can fail)', () => {
  assert.equal(copies("const f = (s) => s.replace(/[\\s\\u00a0\\u3000]+/g, ' ');").length, 1);
  assert.equal(copies("const k = s.replace(/[\\s\\u3000\\u00a0\\u200b]+/g, '');").length, 1, 'another order, another member');
  assert.equal(copies('const S = /[。！？!?]|[a-z]{2}\\.(?:\\s|$)/;').length, 1);
  assert.equal(copies('const E = /[!?；;。？！]\\s*$/;').length, 1, 'the punctuation in another order');
  assert.equal(copies("const STOPS = '。！？!?';").length, 1, 'the punctuation in a string');
  assert.deepEqual(copies('const D = /[【】\\[\\]·]+/u; // 。 ！ ？ named in prose'), []);
  assert.equal(copies('const W = /[\\s\\xA0\\u{3000}]/u;').length, 1, 'other escapes, upper case');
  assert.equal(copies('const W = /[\\s\u00a0\u3000]/;').length, 1, 'the characters themselves');
  assert.equal(copies('const E = /[\\u3002\\uFF01\\uff1f]/;').length, 1, 'the punctuation escaped');
  assert.equal(copies("const ENDS = new Set(['。', '！', '？']);").length, 1, 'the punctuation as three strings');
});
