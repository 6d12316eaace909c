/** Reading time: Han by character, other scripts by word; the language never drags Han to an English rate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readingTime, countText, detectLang, RATES } from '../../src/core/reading-time';
import { formatReadingTime } from '../../src/core/export/index';

test('Chinese is counted by characters, not by spaces', () => {
  const zh = '城市的早晨从一杯豆浆开始'.repeat(55); // 660 Han characters, no spaces at all
  assert.equal(countText(zh).cjkChars, 660);
  const rt = readingTime(zh, 'zh-CN');
  assert.equal(rt.minutes, Math.round(660 / RATES.zhCharsPerMinute.mean));
  assert.equal(rt.minutes, 2);
  assert.ok(rt.min <= rt.minutes && rt.minutes <= rt.max);
});

test('English is counted by words at the English rate', () => {
  const en = 'The harbour town woke slowly on Tuesday morning. '.repeat(120); // 960 words
  assert.equal(countText(en).words, 960);
  const rt = readingTime(en, 'en');
  assert.equal(rt.minutes, Math.round(960 / RATES.wordsPerMinute.mean));
  assert.equal(rt.min, Math.round(960 / RATES.wordsPerMinute.fast));
  assert.equal(rt.max, Math.round(960 / RATES.wordsPerMinute.slow));
});

test('Han text declared as English still reads at the Chinese rate', () => {
  const zh = '这是一段中文文字'.repeat(200);
  assert.deepEqual(readingTime(zh, 'en'), readingTime(zh, 'zh'));
});

test('mixed text adds characters and words; Japanese uses the Japanese rate', () => {
  const mixed = '人工智能 AI 模型 ChatGPT 的发布改变了行业'.repeat(30);
  const c = countText(mixed);
  assert.ok(c.cjkChars > 0 && c.words > 0);
  const ja = 'これは日本語の文章です。'.repeat(100);
  assert.ok(readingTime(ja, 'ja').minutes < readingTime(ja.replace(/[ぁ-ん]/g, '中'), 'zh').minutes + 1);
  assert.equal(detectLang(null, ja), 'ja');
});

test('the language comes from the declaration (zh-CN → zh), else from the script', () => {
  assert.equal(detectLang('zh-CN', 'hello'), 'zh');
  assert.equal(detectLang('zh_TW', ''), 'zh');
  assert.equal(detectLang(null, '这是中文这是中文这是中文'), 'zh');
  assert.equal(detectLang('', 'plain English words here'), null);
});

test('empty text reads in 0 minutes; a short text in at least 1', () => {
  assert.deepEqual(readingTime('', 'en'), { minutes: 0, min: 0, max: 0 });
  assert.equal(readingTime('短文', 'zh').minutes, 1);
});

test('formatted in the UI language, with a range where the estimate has one', () => {
  assert.equal(formatReadingTime({ minutes: 12, min: 10, max: 14 }, 'zh-CN'), '约 10–14 分钟');
  assert.equal(formatReadingTime({ minutes: 3, min: 3, max: 3 }, 'zh'), '约 3 分钟');
  assert.equal(formatReadingTime({ minutes: 12, min: 10, max: 14 }, 'en'), '10–14 min read');
});

test('a very long text is counted exactly (Intl.Segmenter is fed in pieces: whole, it took minutes)', () => {
  const en = 'The harbour town woke slowly on Tuesday morning. '.repeat(5000); // 250,000 characters, 40,000 words
  assert.equal(countText(en).words, 40_000);
  assert.equal(countText('一二三 four five six 七八 nine '.repeat(3000)).words, 12_000);
});

/** The counts by definition: every CJK character matched, and the words of the rest segmented in 1,000-character pieces cut at spaces. */
function countByDefinition(text: string): { cjkChars: number; kanaChars: number; words: number } {
  const cjkChars = (text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const kanaChars = (text.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
  const rest = text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\s]+/gu, ' ');
  const seg = new Intl.Segmenter('en', { granularity: 'word' });
  let words = 0;
  for (let i = 0; i < rest.length; ) {
    let end = Math.min(rest.length, i + 1000);
    if (end < rest.length) {
      const ws = rest.lastIndexOf(' ', end);
      end = ws > i ? ws + 1 : rest.indexOf(' ', end) + 1 || rest.length;
    }
    for (const s of seg.segment(rest.slice(i, end))) if (s.isWordLike) words++;
    i = end;
  }
  return { cjkChars, kanaChars, words };
}

test('the counts are those of the definition on mixed text of every script, mark and space', () => {
  const pieces = [
    'a',
    'word',
    'U.S.A.',
    "don't",
    '3.14',
    '1,000',
    '_',
    '__init__',
    '.',
    ',',
    ' ',
    '  ',
    '\n',
    '\t',
    '\u00a0',
    '\u3000',
    '中',
    '文字',
    '𠀀',
    '々',
    '〇',
    'あ',
    'カタ',
    'ー',
    '，',
    '。',
    '“',
    '”',
    '：',
    '\u0301',
    '\u200d',
    '👍',
    '🏽',
    '👨\u200d👩',
    'ไทยภาษา',
    'שלום',
    'عربي',
    'Ａ',
    '１',
    '\ud800',
    '\udc00',
    '한국어',
    '\u200b',
    '-',
    '@',
    '#tag',
    'e-mail',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 1500, size: 'max' }), parts => {
      const text = parts.join('');
      assert.deepEqual(countText(text), countByDefinition(text));
    }),
    { numRuns: 300 },
  );
});
