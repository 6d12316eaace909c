/** Reading time: Han by character, other scripts by word; the language never drags Han to an English rate. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
