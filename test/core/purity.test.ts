/** House style 1: core and settings are pure — no extension APIs, no browser globals, no network. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FORBIDDEN: [RegExp, string][] = [
  [/from\s+['"]webextension-polyfill['"]|require\(['"]webextension-polyfill['"]\)/, 'imports webextension-polyfill'],
  [/\b(?:browser|chrome)\s*\.\s*[a-z]/, 'uses an extension API (browser.* / chrome.*)'],
  [/(?<![.\w])(?:window|document|navigator|location|localStorage|sessionStorage|globalThis)\b(?!\s*\??:)/, 'touches a browser global'],
  [/(?<![.\w])(?:fetch|XMLHttpRequest|WebSocket|importScripts)\s*\(/, 'does network I/O'],
  [/(?<![.\w])eval\s*\(|new\s+Function\s*\(/, 'evaluates code'],
];

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Code without comments and string contents, so prose about "the window" does not count. */
const code = (src: string) =>
  src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, "''");

test('src/core and src/settings use no browser or extension globals', () => {
  const offenders: string[] = [];
  const all = [...files(path.join(ROOT, 'src/core')), ...files(path.join(ROOT, 'src/settings'))];
  assert.ok(all.length > 10, 'found the sources');
  for (const f of all) {
    const src = fs.readFileSync(f, 'utf8');
    const c = code(src);
    for (const [re, what] of FORBIDDEN) {
      const hit = (re.source.includes('webextension') ? src : c).match(re);
      if (hit) offenders.push(`${path.relative(ROOT, f)}: ${what} ("${hit[0]}")`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('the check catches a violation (it can fail)', () => {
  const bad = code("import x from 'y';\nconst t = document.title; // window\n");
  assert.ok(FORBIDDEN[2]![0].test(bad));
  assert.ok(!FORBIDDEN[2]![0].test(code('// the window is not used here\nconst w = opts.window;')));
});
