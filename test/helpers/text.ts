/** Text comparison for tests: the shared metrics' normalisation (../shared/tools/metrics.mjs). */

/** Whitespace-free, lower-cased text, as ../shared/tools/metrics.mjs measures containment. */
export const norm = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();

/** Whitespace-insensitive containment of `snippet` in `text`. */
export const contains = (text: string, snippet: string): boolean => norm(text).includes(norm(snippet));
