/**
 * The folders say who may use whom (DESIGN.md's layout): the extension pages (popup, reader, options) share
 * code through src/ui and never import each other; src/ui is theirs and imports none of them; the page scripts
 * (src/page) run in a web page and import no extension page's code. In test/, the suites use the one browser
 * harness (test/harness) and the one folder of helpers (test/helpers), which needs no other test folder, and
 * no two test folders import each other.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every import specifier of a source file: static, re-export and dynamic. */
export function importsOf(text: string): string[] {
  return [...text.matchAll(/\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)].map(
    m => m[1] ?? m[2] ?? m[3]!,
  );
}

/** `dir`'s source files (relative to ROOT) and the top folder under `dir` each relative import lands in. */
export function folderImports(dir: string): { file: string; from: string; to: string }[] {
  const base = path.join(ROOT, dir);
  const files = (fs.readdirSync(base, { recursive: true, encoding: 'utf8' }) as string[]).filter(f => /\.(tsx?|mjs)$/.test(f));
  return files.flatMap(f => {
    const from = f.split(path.sep)[0]!;
    return importsOf(fs.readFileSync(path.join(base, f), 'utf8'))
      .filter(s => s.startsWith('.'))
      .map(s => path.relative(base, path.resolve(base, path.dirname(f), s)).split(path.sep))
      .filter(parts => parts[0] !== '..' && parts.length > 1)
      .map(parts => ({ file: `${dir}/${f.split(path.sep).join('/')}`, from, to: parts[0]! }));
  });
}

/** src folder → the src folders it must never import. */
const FORBIDDEN: Record<string, string[]> = {
  popup: ['reader', 'options'],
  reader: ['popup', 'options'],
  options: ['popup', 'reader'],
  ui: ['popup', 'reader', 'options', 'page'],
  page: ['popup', 'reader', 'options', 'ui'],
};

test('extension pages share code through src/ui only; src/ui and the page scripts import no extension page', () => {
  const edges = folderImports('src');
  assert.ok(
    edges.some(e => e.from === 'reader' && e.to === 'ui'),
    "the scan finds the reader tab's imports of src/ui",
  );
  const offenders = edges.filter(e => FORBIDDEN[e.from]?.includes(e.to)).map(e => `${e.file} imports src/${e.to}`);
  assert.deepEqual(offenders, []);
});

test('no two test folders import each other both ways; test/helpers imports no other test folder', () => {
  const edges = folderImports('test').filter(e => e.from !== e.to);
  assert.ok(
    edges.some(e => e.from === 'e2e' && e.to === 'harness'),
    "the scan finds the suites' imports of test/harness",
  );
  const pairs = new Set(edges.map(e => `${e.from}>${e.to}`));
  const both = [...pairs].filter(p => {
    const [a, b] = p.split('>');
    return a! < b! && pairs.has(`${b}>${a}`);
  });
  assert.deepEqual(
    both.map(p => p.replace('>', ' <-> ')),
    [],
  );
  assert.deepEqual(
    edges.filter(e => e.from === 'helpers').map(e => `${e.file} imports test/${e.to}`),
    [],
  );
});

test('the scan sees static, re-export and dynamic imports (it can fail)', () => {
  assert.deepEqual(
    importsOf(
      "import { a } from '../popup/a.ts';\nexport { b } from './b';\nconst c = () => import('../reader/c.tsx');\nimport './d.css';",
    ),
    ['../popup/a.ts', './b', '../reader/c.tsx', './d.css'],
  );
});
