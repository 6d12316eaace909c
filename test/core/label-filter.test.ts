/** The label index's reading of plain text (removals/label-index.ts) refuses nothing the NFKC path would accept. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelSet, MORE_TAIL_SOURCE, normalizeLabel } from '../../src/core/removals/labels';
import { isPlainChar, LabelIndex, PlainForms, type Reading } from '../../src/core/removals/label-index';
import { LabelWords } from '../../src/core/removals/label-words';
import * as THRESHOLDS from '../../src/core/text/thresholds';

const plain: number[] = [];
for (let c = 0; c < 0x10000; c++) if (isPlainChar(c)) plain.push(c);
const ch = (c: number) => String.fromCharCode(c);
const forms = new PlainForms(normalizeLabel);
const plainForm = (c: number) => forms.of(c);

test('a plain character normalizes on its own, and beside any other plain character', () => {
  for (const c of plain) assert.equal(plainForm(c), normalizeLabel(ch(c)), `U+${c.toString(16)}`);
  const small = plain.filter(c => c < 0x4e00 || c > 0x9fff);
  for (const a of small)
    for (const b of small) {
      if (normalizeLabel(ch(a) + ch(b)) !== plainForm(a) + plainForm(b)) assert.fail(`U+${a.toString(16)} U+${b.toString(16)}`);
    }
  for (let c = 0x4e00; c <= 0x9fff; c++) {
    if (normalizeLabel('A' + ch(c) + '。ｶ') !== 'a' + ch(c) + 'ｶ'.normalize('NFKC')) assert.fail(`U+${c.toString(16)}`);
  }
});

test('what precedes a plain character normalizes the same whatever follows it (LabelIndex reading refuses there)', () => {
  const marks = [
    '\u0301',
    '\u0316',
    '\u031b',
    '\u0334',
    '\u0345',
    '\u3099',
    '\u309a',
    '\uff9e',
    '\u20d2',
    'Σ',
    'İ',
    '\u1161',
    '\u11a8',
    '\u0b3e',
    '\ufe0f',
    '😀',
    'ｶ',
  ];
  const small = plain.filter(c => c < 0x4e00 || c > 0x9fff);
  const after = [...small, 0x4e00, 0x5927, 0x9fff];
  for (const p of small)
    for (const c of after)
      for (const x of marks) {
        if (!normalizeLabel(ch(p) + ch(c) + x).startsWith(plainForm(p)))
          assert.fail(`U+${p.toString(16)} U+${c.toString(16)} ${JSON.stringify(x)}`);
      }
});

test('LabelIndex reads every character as its form says (ideographs are filled in at construction, others computed)', () => {
  const strings = ['大家都在看', '相关推荐', 'you may'].map(normalizeLabel);
  const within = new Set([...strings.join('')].map(x => x.charCodeAt(0))),
    anyOf = new Set(strings.map(s => s.charCodeAt(0)));
  const index = new LabelIndex(strings, 'parts-or-holders', new PlainForms(normalizeLabel));
  const expected = (c: number): Reading => {
    if (!isPlainChar(c)) return { refused: false, plain: false };
    const f = plainForm(c);
    let labelChars = true,
      firstChar = false;
    for (const x of f) {
      if (!within.has(x.charCodeAt(0))) labelChars = false;
      if (anyOf.has(x.charCodeAt(0))) firstChar = true;
    }
    return { refused: false, plain: true, length: f.length, labelChars, firstChar };
  };
  let inside = 0;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // a lone surrogate is never a text node's whole text
    const got = index.read(String.fromCharCode(c), 100);
    assert.deepEqual(got, expected(c), `U+${c.toString(16)}`);
    if (!got.refused && got.plain && got.labelChars && c >= 0x4e00 && c <= 0x9fff) inside++;
  }
  assert.equal(inside, [...within].filter(c => c >= 0x4e00 && c <= 0x9fff).length, "exactly the labels' ideographs are within");
});

test('an index of parts refuses a text with a character no label has, or a text longer than the limit', () => {
  const index = new LabelIndex(['大家都在看'], 'parts', new PlainForms(normalizeLabel));
  assert.deepEqual(index.read('大家', 10), { refused: false, plain: true, length: 2, labelChars: true, firstChar: false });
  assert.deepEqual(index.read('大家x看', 10), { refused: true });
  assert.deepEqual(index.read('大家都在看大家都在看大家', 10), { refused: true }, 'refused once past the limit, the rest unread');
  assert.equal(index.read('大家都在看大家都在看大', 10).refused, false, 'a reading that ends one past the limit says its length');
  assert.equal(index.mayMatch('大家都在看大家都在看大', 10), false);
  assert.equal(index.mayMatch('大家', 10), true);
  assert.equal(index.mayMatch('大家x看', 10), false);
  assert.equal(index.mayMatch('', 10), false, 'an empty text is no part');
});

/** couldBePart as it was before the prefilter: the reference the fast path must agree with. */
function slowExact(labels: string[]): (f: string) => boolean {
  const ns = labels.map(normalizeLabel).filter(n => n && n.length <= THRESHOLDS.labelLength);
  const parts = new Set<string>();
  for (const n of ns) for (let i = 0; i < n.length; i++) for (let j = i + 1; j <= n.length; j++) parts.add(n.slice(i, j));
  const max = Math.max(...ns.map(n => n.length));
  const tail = new RegExp(`(${MORE_TAIL_SOURCE})$`, 'u');
  return f => {
    if (f.length > THRESHOLDS.labelTextLimit(max)) return false;
    let n = normalizeLabel(f);
    if (!n || n.length > max + THRESHOLDS.moreTailChars) return false;
    if (parts.has(n)) return true;
    const t = n.match(tail);
    if (t && t[0].length < n.length) n = n.slice(0, n.length - t[0].length);
    return parts.has(n);
  };
}

function slowWords(words: string[]): (f: string) => boolean {
  const ns = words.map(normalizeLabel).filter(n => n && n.length <= THRESHOLDS.labelLength);
  return f => {
    if (f.length > THRESHOLDS.labelTextLimit(THRESHOLDS.wordLabelChars)) return false;
    const n = normalizeLabel(f);
    if (!n || n.length > THRESHOLDS.wordLabelChars) return false;
    return ns.some(w => n.includes(w) || w.includes(n));
  };
}

test('the prefilter agrees with the NFKC path on random fragments', () => {
  const labels = ['大家都在看', '相关推荐', 'You may also like', 'おすすめ記事', 'Ｍore Stories', '猜你喜欢'];
  const words = ['推荐', '热门', 'Read more', 'おすすめ'];
  const exact = new LabelSet(labels.map(label => ({ label, ruleId: 'r' })));
  const w = new LabelWords(words.map(label => ({ label, ruleId: 'w' })));
  const [refExact, refWords] = [slowExact(labels), slowWords(words)];
  const pool = [
    ...labels.join(''),
    ...words.join(''),
    ...'更多查看全部换一批 seeallviewmore',
    ...'【】「」>»·|：:，。 \u00a0\u3000\n',
    ...'ＡＢａｂＲＥＡＤ',
    ...'the news 新闻记者报道',
    'e\u0301',
    'ｶ',
    '\uff9e',
    'Σ',
    'İ',
    '\u3099',
    'か',
    '…',
    '‼',
    '😀',
    '\ue000',
    'ﬁ',
    '㍿',
  ];
  let seed = 7,
    hits = 0,
    wordHits = 0;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 8) % n;
  };
  for (let i = 0; i < 40_000; i++) {
    let f = '';
    const len = rnd(3) === 0 ? rnd(130) : rnd(14);
    for (let k = 0; k < len; k++) f += pool[rnd(pool.length)];
    if (rnd(4) === 0) f = labels[rnd(labels.length)]! + f.slice(0, 3);
    // biome-ignore lint/suspicious/noDuplicateElseIf: a second random draw, not the same condition
    else if (rnd(4) === 0) f = f.slice(0, 4) + words[rnd(words.length)]! + f.slice(4, 8);
    assert.equal(exact.couldBePart(f), refExact(f), JSON.stringify(f));
    assert.equal(w.couldBePart(f), refWords(f), JSON.stringify(f));
    if (refExact(f)) hits++;
    if (refWords(f)) wordHits++;
  }
  assert.ok(hits > 500 && wordHits > 500, `both answers are exercised (${hits}, ${wordHits})`);
});

test('LabelIndex answers isPart and holdsOne as the linear scans do, also where two pairs share one number', () => {
  // U+4E00 and U+0E00 differ only in the bits pairAt drops: '一a' and '\u0e00a' share a number.
  const strings = ['大家都在看', '一a', 'relatedarticles', 'youmayalsolike', 'x', 'aa', '相关推荐', 'more'];
  const idx = new LabelIndex(strings, 'parts', forms);
  const noShort = new LabelIndex(
    strings.filter(s => s.length > 1),
    'parts',
    forms,
  );
  const pool = [...new Set(strings.join(''))].concat(['\u0e00', '\u4e01', 'z', '\u0e01']);
  let seed = 3,
    parts = 0,
    holds = 0;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed >> 8) % n;
  };
  for (let i = 0; i < 40_000; i++) {
    let n = '';
    if (rnd(3) === 0) {
      const s = strings[rnd(strings.length)]!;
      const a = rnd(s.length);
      n = s.slice(a, a + 1 + rnd(s.length - a));
    }
    for (let k = rnd(4); k > 0; k--) n = rnd(2) ? n + pool[rnd(pool.length)] : pool[rnd(pool.length)] + n;
    if (rnd(5) === 0) n = n.slice(0, 2) + strings[rnd(strings.length)] + n.slice(2);
    if (!n) continue;
    assert.equal(
      idx.isPart(n),
      strings.some(s => s.includes(n)),
      `isPart ${JSON.stringify(n)}`,
    );
    assert.equal(
      idx.holdsOne(n),
      strings.some(s => n.includes(s)),
      `holdsOne ${JSON.stringify(n)}`,
    );
    assert.equal(
      noShort.holdsOne(n),
      strings.some(s => s.length > 1 && n.includes(s)),
      `holdsOne (no one-unit string) ${JSON.stringify(n)}`,
    );
    if (idx.isPart(n)) parts++;
    if (noShort.holdsOne(n)) holds++;
  }
  assert.equal(idx.isPart('\u0e00a'), false, 'a pair sharing a number with a real pair is no part');
  assert.equal(noShort.holdsOne('x\u0e00ay'), false, 'nor does it hold the string');
  assert.ok(parts > 2000 && holds > 2000, `both answers are exercised (${parts}, ${holds})`);
});

test('a text of whitespace alone is never part of a label (module.ts skips such text nodes before the matchers)', () => {
  const exact = new LabelSet(['大家都在看', 'You may also like'].map(label => ({ label, ruleId: 'r' })));
  const words = new LabelWords(['推荐', 'Read more'].map(label => ({ label, ruleId: 'w' })));
  const spaces: string[] = [];
  for (let c = 0; c < 0x10000; c++) if (/^\s$/.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
  assert.ok(spaces.length > 20, `${spaces.length} whitespace characters`);
  for (const s of spaces)
    for (const t of [s, s.repeat(3), `\n${s}  `]) {
      assert.equal(normalizeLabel(t), '', JSON.stringify(t));
      assert.equal(exact.couldBePart(t) || words.couldBePart(t), false, JSON.stringify(t));
    }
});
