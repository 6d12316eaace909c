/** The reader preferences (typography, theme, export header, remote images): their allowed values and their repair. */
import { DEFAULTS, type Settings } from './defaults.ts';
import { describe, isRecord } from './shape.ts';
import { validateReadAloud } from './read-aloud-prefs.ts';

/** Reader preferences as stored and applied. */
export type ReaderPrefs = Settings['reader'];

/**
 * Numeric ranges: 12–32 px spans what Firefox Reader View's nine size steps reach (about 12 to 32 px);
 * line height 1.2–2.4 and width 20–60 em bracket the W3C clreq/typography guidance (1.5–2 line spacing,
 * 30–40 characters per CJK line) with room on both sides.
 */
export const READER_RANGES = {
  fontSize: { min: 12, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.4, step: 0.1 },
  width: { min: 20, max: 60, step: 2 },
} as const;

/** The allowed values of each choice. */
export const READER_CHOICES = {
  font: ['sans', 'serif'],
  theme: ['light', 'sepia', 'dark', 'system'],
  exportHeader: ['top', 'end', 'none'],
} as const;

/** The on/off preferences. */
export const READER_SWITCHES = ['remoteImages'] as const;

/** Clamps a number to its range and rounds it to 0.1 (a stored 17.999 stays 18). */
export function clampPref(key: keyof typeof READER_RANGES, value: number): number {
  const { min, max } = READER_RANGES[key];
  return Math.round(Math.min(max, Math.max(min, value)) * 10) / 10;
}

/** Repairs the stored `reader` section: each field of the wrong kind or out of range takes its default (or its bound). */
export function validateReader(raw: unknown, errors: string[]): ReaderPrefs {
  const prefs = { ...DEFAULTS.reader, readAloud: validateReadAloud(undefined, errors) } as Record<string, unknown>;
  if (raw === undefined) return prefs as ReaderPrefs;
  if (!isRecord(raw)) {
    errors.push(`reader: expected an object, got ${describe(raw)}; reading preferences were reset.`);
    return prefs as ReaderPrefs;
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key in READER_RANGES) {
      const k = key as keyof typeof READER_RANGES;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        errors.push(`reader.${key}: expected a number, got ${describe(value)}; reset to the default.`);
      } else {
        prefs[key] = clampPref(k, value);
        if (prefs[key] !== value)
          errors.push(`reader.${key}: ${value} is outside ${READER_RANGES[k].min}–${READER_RANGES[k].max}; set to ${prefs[key]}.`);
      }
    } else if (key === 'readAloud') {
      prefs.readAloud = validateReadAloud(value, errors);
    } else if ((READER_SWITCHES as readonly string[]).includes(key)) {
      if (typeof value === 'boolean') prefs[key] = value;
      else errors.push(`reader.${key}: expected true or false, got ${describe(value)}; reset to the default.`);
    } else if (key in READER_CHOICES) {
      const allowed = READER_CHOICES[key as keyof typeof READER_CHOICES] as readonly unknown[];
      if (allowed.includes(value)) prefs[key] = value;
      else errors.push(`reader.${key}: expected one of ${allowed.join(', ')}, got ${describe(value)}; reset to the default.`);
    } else errors.push(`reader.${key}: not a setting; ignored.`);
  }
  return prefs as ReaderPrefs;
}
