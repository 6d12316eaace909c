/** The read-aloud preferences (issue 19): the speech rate and the voice per language, their ranges and repair. */
import { DEFAULTS, type Settings } from './defaults.ts';
import { describe, isRecord } from './shape.ts';

/** Read-aloud preferences as stored and applied. */
export type ReadAloudPrefs = Settings['reader']['readAloud'];

/**
 * The speed control's steps: 0.75–2 in quarters. The Web Speech API allows 0.1–10, but engines distort
 * past 2 and below 0.75 a Mandarin sentence drags (the issue's own range).
 */
export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;

/** The nearest allowed rate. */
export function nearestRate(value: number): number {
  return READ_ALOUD_RATES.reduce((best, r) => (Math.abs(r - value) < Math.abs(best - value) ? r : best), 1);
}

/** Repairs the stored `reader.readAloud`: a rate off the steps takes the nearest, a voice that is not a string is dropped. */
export function validateReadAloud(raw: unknown, errors: string[]): ReadAloudPrefs {
  const prefs: ReadAloudPrefs = { rate: DEFAULTS.reader.readAloud.rate, voices: {} };
  const bad = (at: string, want: string, got: unknown) =>
    errors.push(`reader.readAloud${at}: expected ${want}, got ${describe(got)}; reset to the default.`);
  if (raw === undefined) return prefs;
  if (!isRecord(raw)) return (bad('', 'an object', raw), prefs);
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'rate') {
      if (typeof value !== 'number' || !Number.isFinite(value)) bad('.rate', 'a number', value);
      else if ((prefs.rate = nearestRate(value)) !== value) bad('.rate', READ_ALOUD_RATES.join(' or '), value);
    } else if (key === 'voices' && isRecord(value)) {
      for (const [lang, uri] of Object.entries(value)) {
        if (typeof uri === 'string' && uri && lang) prefs.voices[lang] = uri;
        else bad(`.voices["${lang}"]`, 'a voice name', uri);
      }
    } else if (key === 'voices') bad('.voices', 'an object of language -> voice', value);
    else errors.push(`reader.readAloud.${key}: not a setting; ignored.`);
  }
  return prefs;
}
