/**
 * The reader tab's read-aloud controls (`data-testid="read-aloud"`) in jsdom over a fake speechSynthesis: the
 * article's sentences spoken in order, each highlighted (jsdom has no CSS highlights: the block's data-reading),
 * pause and resume at the same sentence, stop, click a paragraph to start there, K, speed and voice remembered,
 * and the no-voice notice with the language's name.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { poll } from '../helpers/poll.ts';
import { msg } from '../helpers/locale.ts';
import { pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { load } from '../helpers/dom.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { ReadAloudControls, type Speech } from '../../src/reader/read-aloud-controls.tsx';
import type { UtteranceLike, VoiceLike } from '../../src/reader/read-aloud/index.ts';
import { READING_ATTR } from '../../src/reader/read-aloud/index.ts';
import { defaultSettings, type ReadAloudPrefs } from '../../src/settings/index.ts';
import type { Translate } from '../../src/ui/api.ts';

const dom = popupDom(['KeyboardEvent', 'MouseEvent', 'HTMLSelectElement', 'Element', 'Text']);
const t: Translate = (key, subs) => msg('zh_CN', key, ...(subs ?? []));

/** A speechSynthesis that speaks nothing: the test ends each utterance, as an engine would. */
class FakeSynth {
  spoken: UtteranceLike[] = [];
  current: UtteranceLike | null = null;
  constructor(public voices: VoiceLike[]) {}
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
    const u = this.current;
    this.current = null;
    u?.onerror?.({ error: 'interrupted' });
  }
  getVoices() {
    return this.voices;
  }
  addEventListener() {}
  removeEventListener() {}
  finish() {
    const u = this.current;
    this.current = null;
    u?.onend?.({});
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
const V = (name: string, lang: string): VoiceLike => ({ name, lang, voiceURI: `uri:${name}`, localService: true });

/** Unmounts the controls of the last test (their controller stops: no timer outlives the test). */
let unmount = () => {};
after(() => unmount());

/** The held-out site's first page as the reader shows it, and the controls over it. */
function mount(synth: FakeSynth, prefs: ReadAloudPrefs = defaultSettings().reader.readAloud) {
  const url = pagedUrl('heldout/n4410.html');
  const article = clean(load(pagedHtml('heldout/n4410.html'), url).doc, { url });
  const saved: ReadAloudPrefs[] = [];
  const root = dom.dom.window.document.getElementById('root')!;
  unmount();
  root.innerHTML = '';
  const host = dom.dom.window.document.createElement('div');
  const body = dom.dom.window.document.createElement('article');
  body.className = 'article';
  body.lang = 'zh-CN';
  body.innerHTML = article.html;
  root.append(host, body);
  const speech: Speech = { synth, Utterance: FakeUtterance };
  render(
    h(ReadAloudControls, { article: () => body, version: article.html, lang: 'zh-CN', prefs, onPrefs: p => saved.push(p), t, speech }),
    host,
  );
  unmount = () => {
    render(null, host);
    unmount = () => {};
  };
  return { body, saved, paras: [...body.querySelectorAll('p')] };
}
const q = (sel: string) => dom.q(sel) as HTMLElement;
const click = (el: Element) => el.dispatchEvent(new dom.dom.window.MouseEvent('click', { bubbles: true }));
const marked = (body: Element) => [...body.querySelectorAll(`[${READING_ATTR}]`)];

test("play speaks the article's sentences in order, each highlighted on its paragraph, with the article's language and a Chinese voice", async () => {
  const synth = new FakeSynth([V('Samantha', 'en-US'), V('Ting-Ting', 'zh-CN')]);
  const { body, paras } = mount(synth);
  await poll('the voice list', async () => dom.q('[data-testid=read-aloud-voice] option'));
  assert.equal(q('[data-testid=read-aloud-play]').textContent, '朗读');
  click(q('[data-testid=read-aloud-play]'));
  await poll('the first utterance', async () => synth.current);
  // The sentences as a reader would cut them: the headline, then each paragraph at its 。.
  const sentences = [...body.querySelectorAll('h1, h2, h3, p')].flatMap(p =>
    p
      .textContent!.trim()
      .split(/(?<=。)/)
      .filter(Boolean),
  );
  assert.ok(sentences.length >= 5 && paras.length >= 3, sentences.join('|'));
  const heard: string[] = [];
  // The first four: the fifth is long enough that the controller cuts it at a 、 (Chrome's ~14 s utterance cutoff).
  for (let i = 0; i < 4; i++) {
    const said = synth.current!;
    heard.push(said.text);
    assert.equal(said.voice?.name, 'Ting-Ting');
    assert.equal(said.lang, 'zh-CN');
    const block = marked(body);
    assert.equal(block.length, 1, 'one block highlighted');
    assert.ok(block[0]!.textContent!.includes(said.text), `the highlighted block holds "${said.text}"`);
    synth.finish();
  }
  assert.deepEqual(heard, sentences.slice(0, 4), "spoken in the article's order, sentence by sentence");
  assert.equal(q('[data-testid=read-aloud-play]').textContent, '暂停');
  unmount();
});

test('pause and resume at the same sentence; stop clears the highlight; a click on a paragraph while reading starts there; K toggles', async () => {
  const synth = new FakeSynth([V('Ting-Ting', 'zh-CN')]);
  const { body, paras } = mount(synth);
  await poll('the voice list', async () => dom.q('[data-testid=read-aloud-voice] option'));
  click(q('[data-testid=read-aloud-play]'));
  await poll('speaking', async () => synth.current);
  synth.finish();
  const second = synth.current!.text;
  click(q('[data-testid=read-aloud-play]')); // pause
  await poll('paused', async () => q('[data-testid=read-aloud-play]').textContent === '继续');
  assert.equal(synth.current, null);
  click(q('[data-testid=read-aloud-play]')); // resume
  await poll('resumed', async () => synth.current);
  assert.equal(synth.current!.text, second, 'resumes at the sentence it paused on');
  // A click on the last paragraph starts there.
  const last = paras[paras.length - 1]!;
  click(last);
  await poll('started at the clicked paragraph', async () => synth.current && last.textContent!.startsWith(synth.current.text));
  assert.deepEqual(marked(body), [last]);
  // K pauses, K resumes.
  dom.dom.window.dispatchEvent(new dom.dom.window.KeyboardEvent('keydown', { key: 'k' }));
  await poll('paused by K', async () => q('[data-testid=read-aloud-play]').textContent === '继续');
  dom.dom.window.dispatchEvent(new dom.dom.window.KeyboardEvent('keydown', { key: 'k' }));
  await poll('resumed by K', async () => synth.current);
  click(q('[data-testid=read-aloud-stop]'));
  await poll('stopped', async () => q('[data-testid=read-aloud-play]').textContent === '朗读');
  assert.deepEqual(marked(body), [], 'no highlight after stop');
  assert.equal(synth.current, null);
  unmount();
});

test('speed and voice apply to the next utterance and are remembered (the voice per language)', async () => {
  const synth = new FakeSynth([V('Ting-Ting', 'zh-CN'), V('Mei-Jia', 'zh-TW')]);
  const { saved } = mount(synth, { rate: 1.25, voices: { 'zh-CN': 'uri:Mei-Jia' } });
  await poll('the voice list', async () => dom.q('[data-testid=read-aloud-voice] option'));
  assert.equal((q('[data-testid=read-aloud-rate]') as unknown as HTMLSelectElement).value, '1.25');
  const select = (sel: string, value: string) => {
    const el = q(sel) as unknown as HTMLSelectElement;
    el.value = value;
    el.dispatchEvent(new dom.dom.window.Event('change', { bubbles: true }));
  };
  click(q('[data-testid=read-aloud-play]'));
  await poll('speaking', async () => synth.current);
  assert.equal(synth.current!.voice?.name, 'Mei-Jia', 'the remembered voice');
  assert.equal(synth.current!.rate, 1.25);
  select('[data-testid=read-aloud-rate]', '1.5');
  await poll('the sentence again at 1.5', async () => synth.current?.rate === 1.5);
  select('[data-testid=read-aloud-voice]', 'uri:Ting-Ting');
  await poll('the sentence again in the new voice', async () => synth.current?.voice?.name === 'Ting-Ting');
  assert.deepEqual(saved.at(-1), { rate: 1.5, voices: { 'zh-CN': 'uri:Ting-Ting' } });
  unmount();
});

test('no voice for the language: the notice names it and says how to add one; play is disabled', async () => {
  const synth = new FakeSynth([V('Samantha', 'en-US')]);
  mount(synth);
  const notice = await poll('the no-voice notice', async () => dom.q('[data-testid=read-aloud-no-voice]'), 5000);
  assert.match(notice.textContent!, /此浏览器没有可朗读普通话（中国大陆）的语音/);
  assert.match(notice.textContent!, /如何添加语音/);
  assert.equal((q('[data-testid=read-aloud-play]') as unknown as HTMLButtonElement).disabled, true);
  assert.equal(dom.q('[data-testid=read-aloud-voice]'), null);
  unmount();
});
