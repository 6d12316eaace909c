/** The reading history's pure half (src/settings/history.ts): bounds, eviction order, same page, delete, repair. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addToHistory, deleteFromHistory, historyKey, readHistoryIndex, utf8Bytes, type HistoryEntry } from '../../src/settings/index.ts';

const article = (n: number, chars = 100) => ({
  article: { url: `https://news.example.com/${n}`, title: `Story ${n}`, siteName: 'Daily', html: 'x'.repeat(chars) },
});

/** Adds articles 0..count-1 one at a time, oldest first, under `limits`; returns the index and every id dropped. */
function fill(count: number, limits = { articles: 3, bytes: 1_000_000 }, chars = 100): { index: HistoryEntry[]; dropped: string[] } {
  let index: HistoryEntry[] = [];
  const dropped: string[] = [];
  for (let i = 0; i < count; i++) {
    const change = addToHistory(index, `id-${i}`, article(i, chars), 1000 + i, limits)!;
    index = change.index;
    dropped.push(...change.drop);
  }
  return { index, dropped };
}

test('newest first; past the article bound the oldest go first, one at a time', () => {
  const { index, dropped } = fill(5);
  assert.deepEqual(
    index.map(e => e.id),
    ['id-4', 'id-3', 'id-2'],
  );
  assert.deepEqual(dropped, ['id-0', 'id-1'], 'the oldest, in the order they were added');
});

test('past the byte bound the oldest go until the rest fit; each entry counts its stored bytes', () => {
  const one = utf8Bytes(JSON.stringify(article(0, 1000))) + utf8Bytes(historyKey('id-0'));
  const { index, dropped } = fill(4, { articles: 50, bytes: one * 2 + 10 }, 1000);
  assert.deepEqual(
    index.map(e => e.id),
    ['id-3', 'id-2'],
  );
  assert.deepEqual(dropped, ['id-0', 'id-1']);
  assert.ok(
    index.every(e => e.bytes === one),
    'the entry knows its size',
  );
});

test('an article larger than the whole bound is not kept, and nothing else is dropped for it', () => {
  const { index } = fill(2, { articles: 50, bytes: 5_000 }, 100);
  assert.equal(addToHistory(index, 'huge', article(9, 10_000), 5000, { articles: 50, bytes: 5_000 }), null);
});

test('the same page read again replaces its older copy (one entry per page); the article is set under its own key', () => {
  const first = addToHistory([], 'a', article(1), 1)!;
  const second = addToHistory(first.index, 'b', article(1), 2)!;
  assert.deepEqual(
    second.index.map(e => e.id),
    ['b'],
  );
  assert.deepEqual(second.drop, ['a']);
  assert.deepEqual(Object.keys(second.set), ['history:b']);
});

test('delete one, delete all, and delete an id the index lost (its article is swept too)', () => {
  const { index } = fill(3);
  assert.deepEqual(deleteFromHistory(index, ['id-1']), { index: index.filter(e => e.id !== 'id-1'), set: {}, drop: ['id-1'] });
  assert.deepEqual(deleteFromHistory(index, null).index, []);
  assert.deepEqual(deleteFromHistory(index, null).drop.sort(), ['id-0', 'id-1', 'id-2']);
  assert.deepEqual(deleteFromHistory(index, ['orphan']).drop, ['orphan']);
});

test('a damaged index is repaired entry by entry, newest first; ids that could not come from a URL are refused', () => {
  const good = { id: 'x1', url: 'https://a.example/1', title: 'A', siteName: null, at: 5, bytes: 10 };
  const repaired = readHistoryIndex([{ ...good, id: 'old', at: 1 }, 'junk', { ...good, id: '../etc' }, { id: 'y' }, good, good]);
  assert.deepEqual(
    repaired.map(e => e.id),
    ['x1', 'old'],
  );
  assert.deepEqual(readHistoryIndex({ not: 'a list' }), []);
  assert.equal(addToHistory([], 'bad id!', article(1), 1), null);
});

test('UTF-8 bytes: CJK counts three, astral four', () => {
  assert.equal(utf8Bytes('a'), 1);
  assert.equal(utf8Bytes('净阅'), 6);
  assert.equal(utf8Bytes('😀'), 4);
  assert.equal(utf8Bytes('é'), 2);
});
