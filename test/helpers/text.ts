/** Text comparison for tests: the shared metrics' normalisation (../shared/tools/metrics.mjs). */
import { squeeze } from '../../src/core/text/chars.ts';

/** Whitespace-free, lower-cased text, as ../shared/tools/metrics.mjs measures containment. */
export const norm = (s: string): string => squeeze(s).toLowerCase();

/** Whitespace-insensitive containment of `snippet` in `text`. */
export const contains = (text: string, snippet: string): boolean => norm(text).includes(norm(snippet));
