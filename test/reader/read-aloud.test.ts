/**
 * Read aloud (src/reader/read-aloud/) with a fake speechSynthesis in jsdom: the sentence split (Chinese and
 * English ends, closing quotes, abbreviations) and its DOM ranges, sentences spoken in order and each
 * highlighted, pause/resume at the same sentence, click-a-paragraph start, rate and voice changes, the
 * no-voice state, and engines that never fire `end`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from '../helpers/dom.ts';
import { pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import {
  createReadAloud,
  readTag,
  sentenceEnds,
  sentenceHighlighter,
  sentenceRange,
  splitSentences,
  utterancePieces,
  voicesFor,
  HIGHLIGHT_NAME,
  READING_ATTR,
  type ReadAloudOptions,
  type Sentence,
  type Timers,
  type UtteranceLike,
  type VoiceLike,
} from '../../src/reader/read-aloud/index.ts';

const texts = (html: string) =>
  splitSentences(load(`<body><article>${html}</article></body>`).doc.querySelector('article')!).map(s => s.text);

test('Chinese sentences end at 。 ！ ？ ； and … with the closing quotes after them, never at spaces or commas', () => {
  assert.deepEqual(texts('<p>他说：“我们明天再来。”然后走了。真的吗？！当然；不过要早点出发……好吧 就这样</p>'), [
    '他说：“我们明天再来。”',
    '然后走了。',
    '真的吗？！',
    '当然；',
    '不过要早点出发……',
    '好吧 就这样',
  ]);
  assert.deepEqual(texts('<p>「這是誰的書？」她問。</p>'), ['「這是誰的書？」', '她問。']);
});

test("English sentences end at . ! ? with the core's abbreviation care, and keep their closing quotes", () => {
  assert.deepEqual(
    texts('<p>Mr. Smith went to Washington. He said "yes." Then he left! Did the U.S. economy grow 3.5 percent? It did.</p>'),
    ['Mr. Smith went to Washington.', 'He said "yes."', 'Then he left!', 'Did the U.S. economy grow 3.5 percent?', 'It did.'],
  );
  assert.deepEqual(sentenceEnds('Wait... what'), [], 'three dots inside a sentence are no end');
});

test('a sentence never crosses a block; headings, list items and captions are read on their own; scripts are not read', () => {
  assert.deepEqual(
    texts(
      '<h2>标题没有句号</h2><p>第一段。</p><ul><li>第一项</li><li>第二项</li></ul><figure><img alt="图"><figcaption>图片说明</figcaption></figure><script>var a = "不读。";</script><p>第二段<br>换行之后</p>',
    ),
    ['标题没有句号', '第一段。', '第一项', '第二项', '图片说明', '第二段', '换行之后'],
  );
});

test('each sentence maps back to a DOM range over exactly its text, across inline elements', () => {
  const { doc } = load('<body><article><p>  前半句<b>加粗的</b>后半句。<a href="/x">第二句</a>在这里。 </p></article></body>');
  const s = splitSentences(doc.querySelector('article')!);
  assert.deepEqual(
    s.map(x => sentenceRange(x).toString()),
    ['前半句加粗的后半句。', '第二句在这里。'],
  );
  assert.equal(s[0]!.block.localName, 'p');
  assert.equal(s[1]!.start.node.parentElement!.localName, 'a');
});

test('long sentences are spoken in pieces cut at clauses, each under the ~14 s cutoff', () => {
  const long =
    '这是一个非常长的句子，它有很多个分句，每一个分句都在讲同一件事情，记者在现场看到排队的人从门口一直排到了路口，很多人已经等了一个多小时，还有人带着小板凳和保温杯，说是要一直等到开门为止。';
  const pieces = utterancePieces(long);
  assert.ok(pieces.length >= 2);
  assert.equal(pieces.join(''), long);
  assert.ok(
    pieces.every(p => p.length <= 50),
    pieces.join(' | '),
  );
  assert.deepEqual(utterancePieces('短句。'), ['短句。']);
});

// ---- voices -------------------------------------------------------------------------------------------

const V = (name: string, lang: string, localService = true): VoiceLike => ({ name, lang, voiceURI: `uri:${name}`, localService });
const ALL = [
  V('Ting-Ting', 'zh-CN'),
  V('Mei-Jia', 'zh-TW'),
  V('Sin-ji', 'zh-HK'),
  V('Google 普通话', 'zh-CN', false),
  V('Samantha', 'en-US'),
  V('Daniel', 'en-GB'),
  V('Kyoko', 'ja-JP'),
  V('Android', 'cmn_CN'),
  V('Yue', 'yue-HK'),
];

test("the voice list is filtered to the article's language, best first, with Chinese fallbacks by what is spoken", () => {
  const names = (lang: string) => voicesFor(lang, ALL).map(v => v.name);
  assert.deepEqual(names('zh-CN'), ['Android', 'Ting-Ting', 'Google 普通话', 'Mei-Jia', 'Sin-ji', 'Yue']);
  assert.deepEqual(names('zh-TW'), ['Mei-Jia', 'Android', 'Ting-Ting', 'Google 普通话', 'Sin-ji', 'Yue']);
  assert.deepEqual(names('zh-HK'), ['Sin-ji', 'Yue', 'Mei-Jia', 'Android', 'Ting-Ting', 'Google 普通话']);
  assert.deepEqual(names('en'), ['Daniel', 'Samantha']);
  assert.deepEqual(names('en-GB'), ['Daniel', 'Samantha']);
  assert.deepEqual(names('ko'), []);
  assert.deepEqual(readTag('cmn-Hans-CN'), { lang: 'zh', region: 'cn' });
  assert.deepEqual(readTag('zh-Hant'), { lang: 'zh', region: 'tw' });
});

// ---- the controller over a fake engine ------------------------------------------------------------------

/** A speechSynthesis that speaks nothing: the test ends utterances by hand, as engines would. */
class FakeSynth {
  spoken: UtteranceLike[] = [];
  current: UtteranceLike | null = null;
  cancels = 0;
  voices: VoiceLike[];
  listeners: (() => void)[] = [];
  /** How cancel() tells the utterance: Chrome fires error "interrupted", Firefox fires end. */
  constructor(
    voices: VoiceLike[],
    readonly cancelFires: 'error' | 'end' = 'error',
  ) {
    this.voices = voices;
  }
  get speaking() {
    return this.current !== null;
  }
  get pending() {
    return false;
  }
  speak(u: UtteranceLike) {
    this.spoken.push(u);
    this.current = u;
  }
  cancel() {
    this.cancels++;
    const u = this.current;
    this.current = null;
    if (u) this.cancelFires === 'error' ? u.onerror?.({ error: 'interrupted' }) : u.onend?.({});
  }
  getVoices() {
    return this.voices;
  }
  addEventListener(_: string, fn: () => void) {
    this.listeners.push(fn);
  }
  removeEventListener(_: string, fn: () => void) {
    this.listeners = this.listeners.filter(f => f !== fn);
  }
  /** The engine finishes the current utterance. */
  finish() {
    const u = this.current;
    this.current = null;
    u?.onend?.({});
  }
  /** The engine stops speaking without telling anyone (Chrome's cutoff with speaking false). */
  dropSilently() {
    this.current = null;
  }
}
class FakeUtterance implements UtteranceLike {
  lang = '';
  rate = 1;
  voice: VoiceLike | null = null;
  onstart: UtteranceLike['onstart'] = null;
  onend: UtteranceLike['onend'] = null;
  onerror: UtteranceLike['onerror'] = null;
  constructor(public text: string) {}
}
/** Timers the test runs by hand. */
function fakeTimers(): Timers & { run(ms: number): void } {
  let now = 0;
  const due = new Set<{ at: number; fn: () => void }>();
  return {
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn };
      due.add(t);
      return t;
    },
    clearTimeout(h) {
      due.delete(h as { at: number; fn: () => void });
    },
    run(ms) {
      const until = now + ms;
      for (;;) {
        const next = [...due].filter(t => t.at <= until).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        due.delete(next);
        now = next.at;
        next.fn();
      }
      now = until;
    },
  };
}

/** The zh-Hans site's first page as the reader shows it, with its sentences. */
function reader() {
  const url = pagedUrl('zh-hans/a8823.shtml');
  const article = clean(load(pagedHtml('zh-hans/a8823.shtml'), url).doc, { url });
  const { doc, window } = load(`<body><article lang="zh-CN">${article.html}</article></body>`);
  const root = doc.querySelector('article')!;
  return { doc, window, root, sentences: splitSentences(root) };
}
const flush = () => new Promise(r => setImmediate(r));
/** The engine finishes every piece of the sentence being read. */
function finishSentence(synth: FakeSynth, ra: { index: number }): void {
  const i = ra.index;
  do synth.finish();
  while (synth.current && ra.index === i);
}

function setup(over: Partial<ReadAloudOptions> = {}, synth = new FakeSynth(ALL)) {
  const r = reader();
  const timers = fakeTimers();
  const highlighted: (string | null)[] = [];
  const states: string[] = [];
  const ra = createReadAloud({
    synth,
    Utterance: FakeUtterance,
    sentences: r.sentences,
    lang: 'zh-CN',
    timers,
    onSentence: s => highlighted.push(s?.text ?? null),
    onState: s => states.push(s),
    ...over,
  });
  return { ...r, synth, ra, timers, highlighted, states };
}

test("the article's sentences are spoken in order with a zh-CN voice, each highlighted as it is spoken", async () => {
  const { ra, synth, sentences, highlighted, states } = setup();
  assert.equal(sentences.length, 6);
  await ra.play();
  for (let i = 0; i < sentences.length; i++) {
    assert.equal(ra.index, i);
    assert.equal(highlighted.at(-1), sentences[i]!.text);
    assert.ok(sentences[i]!.text.startsWith(synth.current!.text));
    finishSentence(synth, ra);
  }
  assert.equal(synth.spoken.map(u => u.text).join(''), sentences.map(s => s.text).join(''));
  assert.ok(synth.spoken.length > sentences.length, 'the 48-character sentence went in two pieces');
  assert.ok(synth.spoken.every(u => u.voice?.name === 'Android' && u.lang === 'cmn_CN'));
  assert.equal(highlighted.at(-1), null, 'the highlight goes at the end');
  assert.deepEqual(
    highlighted.slice(0, -1),
    sentences.map(s => s.text),
    'each sentence highlighted once, in order',
  );
  assert.deepEqual(states, ['loading', 'playing', 'ended']);
});

test('pause, then resume at the sentence it paused on (spoken again from its start)', async () => {
  const { ra, synth, sentences, states } = setup();
  await ra.play();
  finishSentence(synth, ra);
  finishSentence(synth, ra); // sentences 0 and 1 done, 2 under way
  assert.equal(synth.current?.text, sentences[2]!.text);
  ra.pause();
  assert.equal(ra.state, 'paused');
  assert.equal(synth.speaking, false, 'the engine is silenced (cancel), never paused');
  const before = synth.spoken.length;
  await ra.resume();
  assert.equal(synth.spoken.length, before + 1);
  assert.equal(synth.current?.text, sentences[2]!.text);
  assert.equal(ra.index, 2);
  finishSentence(synth, ra);
  assert.equal(synth.current?.text, sentences[3]!.text, 'and goes on from there, once');
  assert.deepEqual(states, ['loading', 'playing', 'paused', 'loading', 'playing']);
});

test("a cancelled utterance's event never moves the reading on (Chrome's error and Firefox's end alike)", async () => {
  for (const style of ['error', 'end'] as const) {
    const { ra, synth, sentences } = setup({}, new FakeSynth(ALL, style));
    await ra.play();
    finishSentence(synth, ra);
    ra.pause();
    await ra.resume();
    assert.equal(ra.index, 1, style);
    assert.ok(sentences[1]!.text.startsWith(synth.current!.text), style);
    assert.equal(synth.spoken.filter(u => sentences[2]!.text.startsWith(u.text)).length, 0, style);
  }
});

test('click a paragraph: reading starts at its first sentence', async () => {
  const { ra, synth, root, sentences } = setup();
  const third = root.querySelectorAll('p')[2]!;
  await ra.playFrom(third.firstChild!);
  const first = sentences.find(s => s.block === third)!;
  assert.equal(synth.spoken[0]!.text, first.text);
  assert.equal(ra.index, first.index);
});

test('rate change: the current sentence is spoken again at the new rate, and the rest follow it', async () => {
  const { ra, synth, sentences } = setup({ rate: 1 });
  await ra.play();
  finishSentence(synth, ra);
  synth.finish(); // half of sentence 1 spoken
  ra.setRate(1.5);
  assert.equal(ra.index, 1);
  assert.equal(synth.current?.text, utterancePieces(sentences[1]!.text)[0], 'the sentence again from its start');
  assert.equal(synth.current?.rate, 1.5);
  finishSentence(synth, ra);
  assert.equal(synth.current?.rate, 1.5);
  assert.equal(synth.current?.text, sentences[2]!.text);
  ra.setRate(99);
  assert.equal(ra.rate, 10, 'clamped to the Web Speech range');
});

test('voice choice: a remembered voice is used; setVoice switches at once', async () => {
  const { ra, synth } = setup({ voiceURI: 'uri:Ting-Ting' });
  await ra.play();
  assert.equal(synth.current?.voice?.name, 'Ting-Ting');
  ra.setVoice('uri:Mei-Jia');
  await flush();
  assert.equal(synth.current?.voice?.name, 'Mei-Jia');
  assert.equal(synth.current?.lang, 'zh-TW');
});

test('no voice for the language: the no-voice state, nothing spoken', async () => {
  const { ra, synth, states } = setup({}, new FakeSynth([V('Samantha', 'en-US')]));
  await ra.play();
  assert.equal(ra.state, 'no-voice');
  assert.deepEqual(synth.spoken, []);
  assert.deepEqual(states, ['loading', 'no-voice']);
  assert.deepEqual(await ra.voices(), []);
});

test('voices that arrive late (voiceschanged) are waited for; none ever (headless) gives no-voice after the wait', async () => {
  const late = new FakeSynth([]);
  const a = setup({}, late);
  const playing = a.ra.play();
  late.voices = ALL;
  for (const f of late.listeners) f();
  await playing;
  assert.equal(a.ra.state, 'playing');
  const never = new FakeSynth([]);
  const b = setup({}, never);
  const p = b.ra.play();
  b.timers.run(1500);
  await p;
  assert.equal(b.ra.state, 'no-voice');
});

test('an engine that never fires end: the watchdog moves on when it goes idle, or after twice the expected time', async () => {
  const { ra, synth, sentences, timers } = setup();
  await ra.play();
  synth.dropSilently(); // idle, no event
  timers.run(2000);
  assert.equal(ra.index, 1, 'idle twice in a row: the next sentence');
  const stuck = synth.current;
  // Stuck "speaking" with no end (Chrome's cutoff): cancelled and moved on after the deadline, not before.
  timers.run(5000);
  assert.equal(synth.current, stuck, 'still within its time');
  timers.run(30_000);
  assert.notEqual(synth.current, stuck);
  assert.ok(synth.cancels >= 2);
  assert.ok(ra.index >= 1);
});

test('stop clears the highlight and starts over next time', async () => {
  const { ra, synth, sentences, highlighted } = setup();
  await ra.play();
  finishSentence(synth, ra);
  ra.stop();
  assert.equal(highlighted.at(-1), null);
  assert.equal(ra.state, 'idle');
  await ra.play();
  assert.equal(synth.current?.text, sentences[0]!.text);
});

test("the highlighter: a CSS highlight over the sentence's range where the API exists, else a mark on its block; scroll follows", () => {
  const { root, sentences } = reader();
  const set = new Map<string, unknown>();
  class Highlight {
    ranges: Range[];
    constructor(...r: Range[]) {
      this.ranges = r;
    }
  }
  const scrolled: Element[] = [];
  const h = sentenceHighlighter({ CSS: { highlights: { set: (k, v) => set.set(k, v), delete: k => set.delete(k) } }, Highlight }, b =>
    scrolled.push(b),
  );
  h.show(sentences[1]!);
  assert.equal((set.get(HIGHLIGHT_NAME) as Highlight).ranges[0]!.toString(), sentences[1]!.text);
  assert.deepEqual(scrolled, [sentences[1]!.block]);
  h.show(null);
  assert.equal(set.size, 0);
  const fallback = sentenceHighlighter({});
  fallback.show(sentences[1]!);
  assert.ok(sentences[1]!.block.hasAttribute(READING_ATTR));
  fallback.show(sentences[5]!);
  assert.deepEqual([...root.querySelectorAll(`[${READING_ATTR}]`)], [sentences[5]!.block]);
});

test('English article: en voices only, sentences in order', async () => {
  const url = pagedUrl('en/harbor-lights.html');
  const article = clean(load(pagedHtml('en/harbor-lights.html'), url).doc, { url });
  const { doc } = load(`<body><article>${article.html}</article></body>`);
  const sentences: Sentence[] = splitSentences(doc.querySelector('article')!);
  assert.equal(
    sentences[0]!.text,
    'The lanterns went up along the harbor wall on Friday evening, five years after the last Harbor Lights festival was called off.',
  );
  const synth = new FakeSynth(ALL);
  const ra = createReadAloud({ synth, Utterance: FakeUtterance, sentences, lang: 'en', timers: fakeTimers() });
  await ra.play();
  assert.equal(synth.current?.voice?.lang, 'en-GB');
  synth.finish();
  assert.equal(synth.current?.text, sentences[1]!.text);
});
