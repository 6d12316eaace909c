/**
 * The reader tab's read-aloud controls (issue 19, `data-testid="read-aloud"`): play / pause / resume, stop,
 * speed and the voice, over the browser's speech synthesis (src/reader/read-aloud: sentences, voices, the
 * controller, the highlight). Reading goes sentence by sentence, the spoken one highlighted and kept in view;
 * a click on a paragraph while reading starts there; K pauses and resumes. Without a voice for the article's
 * language it says so, with how to add one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Translate } from '../ui/api.ts';
import { READ_ALOUD_RATES, type ReadAloudPrefs } from '../settings/index.ts';
import {
  createReadAloud,
  keepInView,
  readTag,
  sentenceHighlighter,
  splitSentences,
  type HighlightWindow,
  type ReadAloud,
  type ReadAloudState,
  type SynthLike,
  type UtteranceLike,
  type VoiceLike,
} from './read-aloud/index.ts';

/** The speech engine: the browser's speechSynthesis and its utterance class (tests pass a fake). */
export interface Speech {
  synth: SynthLike;
  Utterance: new (text: string) => UtteranceLike;
}

/** The window's speech engine, or null when the browser has none. */
export function browserSpeech(win: Window): Speech | null {
  const w = win as unknown as { speechSynthesis?: SynthLike; SpeechSynthesisUtterance?: Speech['Utterance'] };
  return w.speechSynthesis && w.SpeechSynthesisUtterance ? { synth: w.speechSynthesis, Utterance: w.SpeechSynthesisUtterance } : null;
}

/** Props of {@link ReadAloudControls}. */
export interface ReadAloudControlsProps {
  /** The article element being shown (its text is what is read). */
  article: () => Element | null;
  /** Changes whenever the article's DOM is replaced or its text converted: the sentences are split again. */
  version: unknown;
  /** The language of the text as shown (after a script conversion, the converted text's). */
  lang: string | null;
  prefs: ReadAloudPrefs;
  onPrefs(prefs: ReadAloudPrefs): void;
  t: Translate;
  speech: Speech | null;
}

/** The message key naming a language for the no-voice notice. */
function langKey(lang: string | null): 'langZhCN' | 'langZhTW' | 'langZhHK' | 'langEn' | 'langOther' {
  const tag = readTag(lang);
  if (tag?.lang === 'zh') return tag.region === 'tw' ? 'langZhTW' : tag.region === 'hk' ? 'langZhHK' : 'langZhCN';
  return tag?.lang === 'en' ? 'langEn' : 'langOther';
}

/** The key a chosen voice is remembered under: the language and region read aloud ("zh-TW", "en"). */
const voiceKey = (lang: string | null): string => {
  const tag = readTag(lang);
  return tag ? (tag.region ? `${tag.lang}-${tag.region.toUpperCase()}` : tag.lang) : '';
};

const inControl = (el: EventTarget | null) =>
  el instanceof Element && !!el.closest('input, select, textarea, button, summary, a, [contenteditable]');

/** The controls; they build the sentence queue again whenever `version` or `lang` changes. */
export function ReadAloudControls({ article, version, lang, prefs, onPrefs, t, speech }: ReadAloudControlsProps) {
  const [state, setState] = useState<ReadAloudState>('idle');
  const [voices, setVoices] = useState<VoiceLike[] | null>(null);
  const [voice, setVoice] = useState<string>('');
  const ra = useRef<ReadAloud | null>(null);
  const latest = useRef(prefs);
  latest.current = prefs;
  // Two changes before the parent re-renders (speed, then voice) must build on each other.
  const save = (next: ReadAloudPrefs) => {
    latest.current = next;
    onPrefs(next);
  };

  useEffect(() => {
    const el = article();
    if (!el || !speech) return;
    const hl = sentenceHighlighter(window as unknown as HighlightWindow, block => keepInView(block, window.innerHeight));
    const key = voiceKey(lang);
    const controller = createReadAloud({
      synth: speech.synth,
      Utterance: speech.Utterance,
      sentences: splitSentences(el),
      lang,
      rate: latest.current.rate,
      voiceURI: latest.current.voices[key] ?? null,
      onSentence: hl.show,
      onState: setState,
    });
    ra.current = controller;
    setState('idle');
    let live = true;
    void controller.voices().then(list => {
      if (!live) return;
      setVoices(list);
      setVoice(
        controller.voice?.voiceURI ?? list.find(v => v.voiceURI === latest.current.voices[key])?.voiceURI ?? list[0]?.voiceURI ?? '',
      );
    });
    // While reading, a click on a paragraph (not on a link or a control) starts there.
    const onClick = (e: Event) => {
      if ((controller.state === 'playing' || controller.state === 'paused') && !inControl(e.target))
        void controller.playFrom(e.target as Node);
    };
    el.addEventListener('click', onClick);
    // Chromium keeps speaking after its page is gone unless told (mdn/dom-examples#307).
    const onHide = () => controller.stop();
    window.addEventListener('pagehide', onHide);
    return () => {
      live = false;
      controller.stop();
      hl.show(null);
      el.removeEventListener('click', onClick);
      window.removeEventListener('pagehide', onHide);
      if (ra.current === controller) ra.current = null;
    };
  }, [version, lang, speech]);

  const toggle = () => {
    const c = ra.current;
    if (!c) return;
    if (c.state === 'playing') c.pause();
    else if (c.state === 'paused') void c.resume();
    else void c.play();
  };
  const toggleRef = useRef(toggle);
  toggleRef.current = toggle;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'k' && e.key !== 'K') || inControl(e.target)) return;
      e.preventDefault();
      toggleRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const noVoice = state === 'no-voice' || (voices !== null && voices.length === 0);
  const reading = state === 'playing' || state === 'paused';
  return (
    <section class="read-aloud" data-testid="read-aloud" aria-label={t('readAloud')}>
      {!speech ? (
        <p class="read-aloud-note" role="status">
          {t('readAloudUnsupported')}
        </p>
      ) : (
        <>
          <button type="button" data-testid="read-aloud-play" onClick={toggle} disabled={noVoice} aria-pressed={state === 'playing'}>
            {state === 'playing' ? t('readAloudPause') : state === 'paused' ? t('readAloudResume') : t('readAloudPlay')}
          </button>
          <button type="button" data-testid="read-aloud-stop" onClick={() => ra.current?.stop()} disabled={!reading}>
            {t('readAloudStop')}
          </button>
          <label>
            {t('readAloudRate')}{' '}
            <select
              data-testid="read-aloud-rate"
              value={String(prefs.rate)}
              onChange={e => {
                const rate = Number((e.currentTarget as HTMLSelectElement).value);
                ra.current?.setRate(rate);
                save({ ...latest.current, rate });
              }}
            >
              {READ_ALOUD_RATES.map(r => (
                <option key={r} value={String(r)}>{`${r}×`}</option>
              ))}
            </select>
          </label>
          {!!voices?.length && (
            <label>
              {t('readAloudVoice')}{' '}
              <select
                data-testid="read-aloud-voice"
                value={voice}
                onChange={e => {
                  const uri = (e.currentTarget as HTMLSelectElement).value;
                  setVoice(uri);
                  ra.current?.setVoice(uri);
                  save({ ...latest.current, voices: { ...latest.current.voices, [voiceKey(lang)]: uri } });
                }}
              >
                {voices.map(v => (
                  <option key={v.voiceURI} value={v.voiceURI}>{`${v.name} (${v.lang})`}</option>
                ))}
              </select>
            </label>
          )}
          {reading && <p class="read-aloud-note">{t('readAloudStartHere')}</p>}
          {noVoice && (
            <div class="read-aloud-note" data-testid="read-aloud-no-voice" role="status">
              <p>{t('readAloudNoVoice', [t(langKey(lang))])}</p>
              <details>
                <summary>{t('readAloudHelp')}</summary>
                <ul>
                  <li>{t('readAloudHelpWindows')}</li>
                  <li>{t('readAloudHelpMac')}</li>
                  <li>{t('readAloudHelpLinux')}</li>
                  <li>{t('readAloudHelpAndroid')}</li>
                </ul>
              </details>
            </div>
          )}
        </>
      )}
    </section>
  );
}
