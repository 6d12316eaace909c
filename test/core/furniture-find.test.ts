/** furniture.ts phraseFinder finds the phrase the plain `phrases.find(p => n.includes(p.n))` found. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLine, phraseFinder } from '../../src/core/removals/furniture';

test('the first-character index finds the first phrase in rule order that a line holds', () => {
  const lines = ['分享到', '分享', '扫描下方二维码', '二维码', '返回顶部', '点【在看】', 'report an error', 'error', '在看', '😀赞'];
  const phrases = lines.map((line, i) => ({ n: normalizeLine(line), hit: { line, ruleId: `r${i}` } }));
  const find = phraseFinder(phrases);
  const naive = (t: string) => {
    const n = normalizeLine(t);
    return phrases.find(p => n.includes(p.n))?.hit ?? null;
  };
  const pool = [...'分享到扫描下方二维码返回顶部点【在看】赞ERROR report an', '😀', ' ', '：'];
  let seed = 5;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 8) % n;
  };
  let hits = 0;
  for (let i = 0; i < 20_000; i++) {
    let t = '';
    for (let k = rnd(20); k > 0; k--) t += pool[rnd(pool.length)];
    if (rnd(3) === 0) t += lines[rnd(lines.length)];
    assert.equal(find(t), naive(t), JSON.stringify(t));
    if (naive(t)) hits++;
  }
  assert.ok(hits > 5000);
});
