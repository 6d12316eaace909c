/** One definition of a valid rule (src/core/rules/parse.ts checkRule): stored own rules, the CLI and import agree. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRules } from '../../src/core/rules/index.ts';
import { loadSettings } from '../../src/settings/index.ts';

/** parseRules rejects this on three fields: id (leading "-"), title (too long), labels[0] (too long). */
const BAD = { id: '-promo', title: 'x'.repeat(300), sites: ['example.com'], labels: ['猜你喜欢'.repeat(20)] };
const GOOD = { id: 'promo', title: 'Promo', sites: ['example.com'], remove: ['.promo'] };

test('the core rejects the bad rule on three fields', () => {
  const { rules, errors } = parseRules({ version: 1, rules: [BAD] }, 'f.json');
  assert.deepEqual(rules, []);
  assert.deepEqual(errors.map(e => e.field).sort(), ['id', 'labels[0]', 'title']);
});

test('a stored own rule the core rejects is not used, and its errors name the same fields', () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, userRules: [BAD, GOOD] });
  assert.deepEqual(settings.userRules, [GOOD]);
  for (const field of ['id', 'labels[0]', 'title'])
    assert.ok(
      errors.some(e => e.includes(`field ${field}`)),
      `${field}: ${errors.join(' | ')}`,
    );
});

test('every rule loadSettings keeps is one parseRules keeps (the same verdict on a mixed bag)', () => {
  const bag: unknown[] = [
    GOOD,
    BAD,
    { id: 'a-b', title: 'T', sites: ['*'], labels: ['x'] },
    { id: 'UP', title: 'T', sites: ['*'], labels: ['x'] },
    { id: 'nothing', title: 'T', sites: ['*'] },
    { id: 'psl', title: 'T', sites: ['a..b'], remove: ['.x'] },
    { id: 'extra', title: 'T', sites: ['*'], remove: ['.x'], eval: '1' },
  ];
  const core = parseRules({ version: 1, rules: bag }, 'f').rules.map(r => r.id);
  const stored = loadSettings({ schemaVersion: 1, userRules: bag }).settings.userRules.map(r => r.id);
  assert.deepEqual(stored, core);
});
