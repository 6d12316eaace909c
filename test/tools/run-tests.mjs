#!/usr/bin/env node
// Finds the test files one way for every npm script: test/<folder>/*.test.ts, every folder. `unit` leaves out
// the folders that drive real browsers (BROWSER_FOLDERS); `all` runs everything. Node 20's --test takes no
// globs, so this lists them. usage: node test/tools/run-tests.mjs all|unit [node --test options…]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const TEST = path.resolve(import.meta.dirname, '..');
/** The suites that start Chromium or Firefox (they need `node build.mjs` first). */
export const BROWSER_FOLDERS = ['e2e', 'firefox'];

/** Every test/<folder>/*.test.ts, sorted, relative to the project root; `unit` skips BROWSER_FOLDERS. */
export function testFiles(which) {
  return fs
    .readdirSync(TEST, { withFileTypes: true })
    .filter(d => d.isDirectory() && (which === 'all' || !BROWSER_FOLDERS.includes(d.name)))
    .flatMap(d =>
      fs
        .readdirSync(path.join(TEST, d.name))
        .filter(f => f.endsWith('.test.ts'))
        .map(f => `test/${d.name}/${f}`),
    )
    .sort();
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(TEST, 'tools/run-tests.mjs')) {
  const [which, ...opts] = process.argv.slice(2);
  if (which !== 'all' && which !== 'unit') {
    console.error('usage: node test/tools/run-tests.mjs all|unit [node --test options…]');
    process.exit(2);
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...opts, ...testFiles(which)], {
    stdio: 'inherit',
    cwd: path.resolve(TEST, '..'),
  });
  process.exit(r.status ?? 1);
}
