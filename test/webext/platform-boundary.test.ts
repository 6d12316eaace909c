/** Only src/platform talks to the browser: the polyfill is imported there alone, and nothing else names chrome.* or browser.*. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '../../src');
const files = (fs.readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .filter(f => /\.tsx?$/.test(f))
  .map(f => ({ rel: f.split(path.sep).join('/'), text: fs.readFileSync(path.join(SRC, f), 'utf8') }));

test('webextension-polyfill is imported only under src/platform', () => {
  const offenders = files.filter(f => !f.rel.startsWith('platform/') && /from ['"]webextension-polyfill['"]/.test(f.text));
  assert.deepEqual(
    offenders.map(f => f.rel),
    [],
  );
});

test('no code outside src/platform uses the chrome or browser globals', () => {
  // Comments and strings may mention them ('chrome.google.com'); code may not. Strip both before looking.
  const code = (t: string) =>
    t
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:])\/\/.*$/gm, '$1')
      .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
  const offenders = files.filter(f => !f.rel.startsWith('platform/') && /\b(chrome|browser)\.\w+\s*[.(]/.test(code(f.text)));
  assert.deepEqual(
    offenders.map(f => f.rel),
    [],
  );
});
