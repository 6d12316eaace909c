/**
 * The pipeline is told as one list of nine steps (src/core/pipeline/index.ts): each step's "// N." comment
 * sits in the one file that holds it, in order, and no other source numbers its comments that way. The public
 * API is index.ts's four calls; the page script carries steps 1–3 only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as api from '../../src/core/pipeline/index.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const HOLDERS: Record<string, number[]> = {
  'src/core/pipeline/extract.ts': [1, 2, 3],
  'src/core/pipeline/settle.ts': [4, 5, 6],
  'src/core/pipeline/finish.ts': [7, 8, 9],
};

/** The step numbers a source's comments give, in order ("  // 4. Post-prune …"). */
const stepsIn = (src: string): number[] => [...src.matchAll(/^\s*\/\/ (\d)\. /gm)].map(m => Number(m[1]));

test('steps 1–9 are numbered once each, in the file that holds them, in order', () => {
  for (const [file, steps] of Object.entries(HOLDERS))
    assert.deepEqual(stepsIn(fs.readFileSync(path.join(ROOT, file), 'utf8')), steps, file);
  const others = (fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }) as string[])
    .map(f => `src/${f.split(path.sep).join('/')}`)
    .filter(f => /\.tsx?$/.test(f) && !(f in HOLDERS))
    .filter(f => stepsIn(fs.readFileSync(path.join(ROOT, f), 'utf8')).length);
  assert.deepEqual(others, [], 'no other source numbers its comments as steps');
  const index = fs.readFileSync(path.join(ROOT, 'src/core/pipeline/index.ts'), 'utf8');
  for (const [range, file] of [
    ['steps 1–3', 'extract.ts'],
    ['steps 4–6', 'settle.ts'],
    ['steps 7–9', 'finish.ts'],
  ] as const) {
    assert.match(index, new RegExp(`${range}[^\\n]*\\(${file.replace('.', '\\.')}\\)`), `index.ts names ${range} in ${file}`);
  }
});

test('the public API is extract, settle, finish and clean (and the error they throw)', () => {
  assert.deepEqual(Object.keys(api).sort(), ['NoArticleError', 'clean', 'extract', 'finish', 'settle']);
});

test('the page script imports steps 1–3 alone: settle and finish (DOMPurify) stay out of content.js', () => {
  const src = fs.readFileSync(path.join(ROOT, 'src/page/content.ts'), 'utf8');
  const pipeline = [...src.matchAll(/from '\.\.\/core\/pipeline\/([\w-]+)\.ts'/g)].map(m => m[1]);
  assert.deepEqual(pipeline, ['extract']);
});
