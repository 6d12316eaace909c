/**
 * Reading history (issue 18): the last articles opened in a reader tab, kept in storage.local so that a
 * reader tab's own URL (reader.html?id=…) shows its article after a reload, a restart or a reopening from the
 * browser's history. Pure: the index, its bounds and its repair; src/platform/storage.ts does the I/O under
 * the settings' lock. Each article is its own storage item (`history:<id>`), the index one more (`history`).
 */
import { isRecord } from './shape.ts';

/** The storage key of the index. */
export const HISTORY_INDEX = 'history';
/** The storage key of article `id`. */
export const historyKey = (id: string): string => `history:${id}`;

/**
 * The bounds: 50 articles, or 8 MB of stored JSON, whichever is reached first; the oldest go first. 8 MB,
 * not more: Chrome's storage.local holds 10 MB without the unlimitedStorage permission (which Jingyue does
 * not ask for), and the settings and own rules must always fit beside it.
 */
export const HISTORY_LIMITS = { articles: 50, bytes: 8 * 1024 * 1024 } as const;

/** One kept article, as the index lists it (the article itself is under historyKey(id)). */
export interface HistoryEntry {
  id: string;
  url: string;
  title: string;
  siteName: string | null;
  /** When it was kept (ms since the epoch). */
  at: number;
  /** Bytes of its stored item (UTF-8 of its JSON), for the bound. */
  bytes: number;
}

/** What one change of the history writes: the new index, items to set, article ids to delete. */
export interface HistoryChange {
  index: HistoryEntry[];
  set: Record<string, unknown>;
  drop: string[];
}

/** An id the reader tab's URL may carry: what crypto.randomUUID makes, or any short token of letters, digits and "-". */
export const isHistoryId = (id: unknown): id is string => typeof id === 'string' && /^[\w-]{1,64}$/.test(id);

/** UTF-8 bytes of `s` (counted by hand: the core and settings use no platform globals). */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The stored index repaired: entries of the wrong shape are dropped (their articles become unreachable and are swept), newest first. */
export function readHistoryIndex(raw: unknown): HistoryEntry[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: HistoryEntry[] = [];
  for (const e of raw) {
    if (
      !isRecord(e) ||
      !isHistoryId(e.id) ||
      seen.has(e.id) ||
      typeof e.url !== 'string' ||
      typeof e.at !== 'number' ||
      typeof e.bytes !== 'number'
    )
      continue;
    seen.add(e.id);
    out.push({
      id: e.id,
      url: e.url,
      title: typeof e.title === 'string' ? e.title : '',
      siteName: typeof e.siteName === 'string' ? e.siteName : null,
      at: e.at,
      bytes: e.bytes,
    });
  }
  return out.sort((a, b) => b.at - a.at);
}

/**
 * Keeps `article` (the reader tab's hand-over: {article, rules}) under `id`: the entry goes first, an older
 * copy of the same page is replaced, and the oldest entries are dropped until both bounds hold. An article
 * larger than the byte bound alone is not kept (the change is null).
 */
export function addToHistory<P extends { article: { url: string; title: string; siteName: string | null } }>(
  index: readonly HistoryEntry[],
  id: string,
  payload: P,
  at: number,
  limits: { articles: number; bytes: number } = HISTORY_LIMITS,
): HistoryChange | null {
  const bytes = utf8Bytes(JSON.stringify(payload)) + utf8Bytes(historyKey(id));
  if (bytes > limits.bytes || !isHistoryId(id)) return null;
  const { url, title, siteName } = payload.article;
  const drop: string[] = [];
  const kept: HistoryEntry[] = [{ id, url, title, siteName, at, bytes }];
  for (const e of index) {
    if (e.id === id) continue;
    if (e.url === url) drop.push(e.id);
    else kept.push(e);
  }
  // Oldest first out: the index is newest first, so trim from its end.
  let total = kept.reduce((n, e) => n + e.bytes, 0);
  while (kept.length > limits.articles || total > limits.bytes) {
    const old = kept.pop()!;
    total -= old.bytes;
    drop.push(old.id);
  }
  return { index: kept, set: { [historyKey(id)]: payload }, drop };
}

/** Deletes the entries `ids` (all of them: null). */
export function deleteFromHistory(index: readonly HistoryEntry[], ids: readonly string[] | null): HistoryChange {
  const gone = ids === null ? new Set(index.map(e => e.id)) : new Set(ids);
  return {
    index: index.filter(e => !gone.has(e.id)),
    set: {},
    drop: index
      .filter(e => gone.has(e.id))
      .map(e => e.id)
      .concat(ids?.filter(id => !index.some(e => e.id === id)) ?? []),
  };
}
