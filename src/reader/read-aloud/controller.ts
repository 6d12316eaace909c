/**
 * Reading the article aloud over the browser's speech synthesis (injected: `speechSynthesis` and
 * `SpeechSynthesisUtterance`, or fakes in tests). One utterance per sentence piece, so the current sentence is
 * always known without boundary events (which engines fire differently or not at all). Robust where engines
 * are not:
 * - pause and resume never call the engine's pause()/resume(): Chrome on Android cancels on pause
 *   (HadrienGardeur/read-aloud-best-practices#5) and network voices fire no pause event
 *   (WebAudio/web-speech-api#82); pausing cancels, resuming speaks the paused sentence again from its start;
 * - the current utterance is held (engines that lose a collected utterance's `end`: Chromium issue 509488,
 *   fluid-project/infusion#732);
 * - a watchdog ends an utterance whose `end` never comes: when the engine says it is idle, or after twice the
 *   estimated time (Chrome's ~14 s cutoff leaves `speaking` true: iccanobif/gikopoi2#295);
 * - cancel() before each start clears what an earlier page left queued (Chromium issue 335907);
 * - events of cancelled utterances are ignored (Chrome fires `error` "interrupted", Firefox `end`).
 */
import type { Sentence } from './sentences';
import { speakingMs, utterancePieces } from './utterances';
import { voicesFor, type VoiceLike } from './voices';

/** What the controller uses of SpeechSynthesisUtterance. */
export interface UtteranceLike {
  text: string;
  lang: string;
  rate: number;
  voice: VoiceLike | null;
  onstart: ((e: unknown) => void) | null;
  onend: ((e: unknown) => void) | null;
  onerror: ((e: { error?: string }) => void) | null;
}

/** What the controller uses of speechSynthesis. */
export interface SynthLike {
  speak(u: UtteranceLike): void;
  cancel(): void;
  getVoices(): VoiceLike[];
  readonly speaking: boolean;
  readonly pending: boolean;
  addEventListener?(type: 'voiceschanged', fn: () => void): void;
  removeEventListener?(type: 'voiceschanged', fn: () => void): void;
}

/** Timers (tests pass fake ones). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The controller's state; `no-voice`: the browser has no voice for the article's language. */
export type ReadAloudState = 'idle' | 'loading' | 'playing' | 'paused' | 'ended' | 'no-voice';

/** What {@link createReadAloud} needs. */
export interface ReadAloudOptions {
  synth: SynthLike;
  Utterance: new (text: string) => UtteranceLike;
  sentences: readonly Sentence[];
  /** The article's language tag (after a script conversion, the converted text's). */
  lang: string | null;
  rate?: number;
  /** A remembered voice (voiceURI), used when it is among the article's voices. */
  voiceURI?: string | null;
  /** The sentence being read (null: none, after stop or the end); the UI highlights it and keeps it in view. */
  onSentence?(s: Sentence | null): void;
  onState?(s: ReadAloudState): void;
  timers?: Timers;
}

/** The read-aloud controls. */
export interface ReadAloud {
  readonly state: ReadAloudState;
  /** The index of the sentence being read or paused on. */
  readonly index: number;
  readonly rate: number;
  readonly voice: VoiceLike | null;
  /** The voices for the article's language, best first (waits once for the engine's list). */
  voices(): Promise<VoiceLike[]>;
  /** Starts at sentence `from` (default: where it was, or the start). */
  play(from?: number): Promise<void>;
  /** Starts at the first sentence of the block holding `node` (click a paragraph to start there). */
  playFrom(node: Node): Promise<void>;
  pause(): void;
  /** Goes on at the sentence it paused on, from the sentence's start. */
  resume(): Promise<void>;
  stop(): void;
  /** Speech rate (0.1–10 as the Web Speech API allows); applied at once, the current sentence spoken again. */
  setRate(rate: number): void;
  setVoice(voiceURI: string): void;
}

/** How long to wait for `voiceschanged` (Chrome fills getVoices() asynchronously; headless browsers never do). */
const VOICES_WAIT_MS = 1500;
/** The watchdog looks at the engine this often. */
const WATCH_MS = 1000;
/** …and gives an utterance twice its estimated time plus this. */
const GRACE_MS = 3000;
/** Utterances that fail in a row before reading stops (an engine that fails every utterance). */
const MAX_ERRORS = 3;

const SYSTEM_TIMERS: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: h => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** A read-aloud controller over the given engine and sentences. */
export function createReadAloud(opts: ReadAloudOptions): ReadAloud {
  const { synth, Utterance, sentences } = opts;
  const timers = opts.timers ?? SYSTEM_TIMERS;
  let state: ReadAloudState = 'idle';
  let index = 0;
  let rate = clampRate(opts.rate ?? 1);
  let voice: VoiceLike | null = null;
  let wantedVoice = opts.voiceURI ?? null;
  let token = 0;
  let current: UtteranceLike | null = null; // held: see the file comment
  let watch: unknown = null;
  let errors = 0;
  let voiceList: Promise<VoiceLike[]> | null = null;

  const setState = (s: ReadAloudState) => {
    if (s !== state) {
      state = s;
      opts.onState?.(s);
    }
  };
  const stopWatch = () => {
    if (watch !== null) {
      timers.clearTimeout(watch);
      watch = null;
    }
  };
  const silence = () => {
    token++;
    stopWatch();
    current = null;
    synth.cancel();
  };

  const loadVoices = () =>
    (voiceList ??= new Promise<VoiceLike[]>(resolve => {
      const now = synth.getVoices();
      if (now.length) return resolve(now);
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        synth.removeEventListener?.('voiceschanged', finish);
        resolve(synth.getVoices());
      };
      synth.addEventListener?.('voiceschanged', finish);
      timers.setTimeout(finish, VOICES_WAIT_MS);
    }).then(all => voicesFor(opts.lang, all)));

  /** Speaks piece `k` of sentence `i`; the next piece or sentence follows its end. */
  const speak = (i: number, k: number) => {
    const s = sentences[i];
    if (!s) {
      silence();
      index = 0;
      opts.onSentence?.(null);
      setState('ended');
      return;
    }
    if (k === 0) {
      index = i;
      opts.onSentence?.(s);
    }
    const pieces = utterancePieces(s.text);
    const my = ++token;
    const u = new Utterance(pieces[k]!);
    u.lang = voice?.lang ?? opts.lang ?? '';
    u.voice = voice;
    u.rate = rate;
    let finished = false;
    const next = () => {
      if (finished || my !== token) return;
      finished = true;
      stopWatch();
      current = null;
      if (k + 1 < pieces.length) speak(i, k + 1);
      else speak(i + 1, 0);
    };
    u.onend = () => {
      errors = 0;
      next();
    };
    u.onerror = e => {
      if (my !== token || e?.error === 'interrupted' || e?.error === 'canceled') return;
      if (++errors >= MAX_ERRORS) {
        silence();
        setState('idle');
        return;
      }
      next();
    };
    u.onstart = null;
    current = u;
    synth.speak(u);
    const deadline = 2 * speakingMs(u.text, rate) + GRACE_MS;
    let waited = 0,
      idleSeen = 0;
    const check = () => {
      if (my !== token) return;
      waited += WATCH_MS;
      idleSeen = !synth.speaking && !synth.pending ? idleSeen + 1 : 0;
      if (idleSeen >= 2) {
        next();
        return;
      } // the engine is done and said nothing
      if (waited >= deadline) {
        synth.cancel();
        next();
        return;
      } // a cutoff: move on (cancel's own event is ignored or is this same advance)
      watch = timers.setTimeout(check, WATCH_MS);
    };
    watch = timers.setTimeout(check, WATCH_MS);
  };

  const start = async (from: number) => {
    silence();
    setState('loading');
    const my = token;
    const list = await loadVoices();
    if (my !== token) return; // stopped or restarted while the voices loaded
    if (!list.length) {
      setState('no-voice');
      return;
    }
    voice = list.find(v => v.voiceURI === wantedVoice) ?? voice ?? list[0]!;
    errors = 0;
    setState('playing');
    speak(Math.max(0, Math.min(from, sentences.length)), 0);
  };

  /** Speaks the current sentence again with new settings, when playing. */
  const restart = () => {
    if (state === 'playing') {
      silence();
      speak(index, 0);
    }
  };

  return {
    get state() {
      return state;
    },
    get index() {
      return index;
    },
    get rate() {
      return rate;
    },
    get voice() {
      return voice;
    },
    voices: loadVoices,
    play: from => start(from ?? (state === 'ended' ? 0 : index)),
    playFrom(node) {
      const i = sentences.findIndex(s => s.block === node || s.block.contains(node) || node.contains(s.block));
      return start(i < 0 ? 0 : i);
    },
    pause() {
      if (state !== 'playing') return;
      silence();
      setState('paused');
    },
    resume: () => (state === 'paused' ? start(index) : Promise.resolve()),
    stop() {
      silence();
      index = 0;
      opts.onSentence?.(null);
      setState('idle');
    },
    setRate(r) {
      rate = clampRate(r);
      restart();
    },
    setVoice(uri) {
      wantedVoice = uri;
      void loadVoices().then(list => {
        const v = list.find(x => x.voiceURI === uri);
        if (v && v !== voice) {
          voice = v;
          restart();
        }
      });
    },
  };
}

/** The Web Speech API's rate range. */
function clampRate(r: number): number {
  return Number.isFinite(r) ? Math.min(10, Math.max(0.1, r)) : 1;
}
