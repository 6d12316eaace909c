/**
 * No state outlives a clean in the pure core (src/core, src/settings): what one clean builds from its rules (the
 * label indexes, the furniture phrases) is built per clean and passed down (removals/context.ts), so a rule a
 * person switched off or deleted never lingers in a cache. A module may hold only data fixed at load: a
 * `ReadonlySet` / `ReadonlyMap` built from literals in the source (tag names, credit labels), which the type
 * checker keeps from being added to. Refused: a module-level `let` or `var`, a WeakMap or WeakSet (their keys are
 * objects of some clean), a Map or Set not typed read-only, an empty array or object to fill later.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The TypeScript sources under `dir` (relative to ROOT). */
function sources(dir: string): string[] {
  return (fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }) as string[])
    .filter(f => /\.tsx?$/.test(f))
    .map(f => `${dir}/${f.split(path.sep).join('/')}`);
}

/** Code without comments, so prose about "a new Map" does not count. */
const code = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');

/** The module-level state a source declares: one line per declaration, with what is wrong with it. */
export function moduleState(src: string): string[] {
  const found: string[] = [];
  // Top-level declarations start at column 0 (a class body's or a function's are indented).
  for (const m of code(src).matchAll(
    /^(?:export\s+)?(let|var|const)\s+(\w+)\s*(?::\s*([^=]+?))?\s*=\s*(new\s+(\w+)\b|\[\s*\]|\{\s*\})?/gm,
  )) {
    const [, kind, name, type = '', init, ctor] = m;
    if (kind !== 'const') found.push(`${kind} ${name}: a module-level variable`);
    else if (ctor === 'WeakMap' || ctor === 'WeakSet') found.push(`${name}: a ${ctor} (a cache keyed by some clean's objects)`);
    else if ((ctor === 'Map' || ctor === 'Set') && !new RegExp(`^Readonly${ctor}<`).test(type.trim()))
      found.push(`${name}: a ${ctor} not typed Readonly${ctor}`);
    else if (init && !ctor) found.push(`${name}: an empty ${init.trim()[0] === '[' ? 'array' : 'object'} to fill later`);
  }
  // A class's static field is module-level state too.
  for (const m of code(src).matchAll(/^\s+(?:(?:private|protected|public|readonly)\s+)*static\s+(?!readonly\b)(\w+)\s*[:=]/gm))
    found.push(`static ${m[1]}: a class-level variable`);
  return found;
}

test('src/core and src/settings keep no state between cleans', () => {
  const files = [...sources('src/core'), ...sources('src/settings')];
  assert.ok(files.length > 50, `found the sources (${files.length})`);
  const offenders = files.flatMap(f => moduleState(fs.readFileSync(path.join(ROOT, f), 'utf8')).map(w => `${f}: ${w}`));
  assert.deepEqual(offenders, []);
});

test('the scan finds module-level state written any way (it can fail)', () => {
  assert.equal(moduleState('const labelSets = new Map<string, Labels>();').length, 1);
  assert.equal(moduleState('export const cache = new Set<string>();').length, 1);
  assert.equal(moduleState('const ruleKeys = new WeakMap<Rule, string>();').length, 1);
  assert.equal(moduleState('const ruleKeys: WeakMap<Rule, string> = new WeakMap();').length, 1, 'typed or not');
  assert.equal(moduleState('let service: TurndownService | null = null;').length, 1);
  assert.equal(moduleState('const plainForms: (string | undefined)[] = [];').length, 1);
  assert.equal(moduleState('const memo = {};').length, 1);
  assert.equal(moduleState('const byKey =\n  new Map();').length, 1, 'the constructor on the next line');
  assert.equal(moduleState('class A {\n  static cache = new Map();\n}').length, 1);
  assert.deepEqual(moduleState("const TAGS: ReadonlySet<string> = new Set(['p', 'div']);"), [], 'data fixed at load');
  assert.deepEqual(moduleState('function f() {\n  const seen = new Set<string>();\n}'), [], "a function's own");
  assert.deepEqual(moduleState('// const old = new Map();\n/* let x = 1; */'), [], 'comments');
});
