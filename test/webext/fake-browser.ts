/**
 * A fake `browser` global (storage.local, i18n) so the real src/platform modules run in Node: the polyfill
 * hands back globalThis.browser when one with runtime.id exists. Import this before anything from src/platform.
 */
import en from '../../src/_locales/en/messages.json' with { type: 'json' };

/** storage.local in memory; `failGets` makes that many next reads reject, as a broken profile does. */
export class FakeArea {
  data: Record<string, unknown> = {};
  failGets = 0;
  writes = 0;
  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    if (this.failGets > 0) { this.failGets--; throw new Error('IO error: the storage backend is unavailable'); }
    const copy = JSON.parse(JSON.stringify(this.data)) as Record<string, unknown>;
    if (keys === null) return copy;
    const list = typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(list.filter((k) => k in copy).map((k) => [k, copy[k]]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    Object.assign(this.data, JSON.parse(JSON.stringify(items)));
  }
  async remove(keys: string | string[]): Promise<void> {
    this.writes++;
    for (const k of typeof keys === 'string' ? [keys] : keys) delete this.data[k];
  }
  async clear(): Promise<void> { this.data = {}; }
}

/** The one fake storage area every platform module sees. */
export const local = new FakeArea();
const messages = en as Record<string, { message: string }>;
Object.assign(globalThis, {
  chrome: { runtime: { id: 'test' } },
  browser: {
    runtime: { id: 'test' },
    storage: { local },
    i18n: {
      getMessage: (key: string, subs: string[] = []) => subs.reduce<string>((s, v, i) => s.replace(`$${i + 1}`, v), messages[key]?.message ?? ''),
      getUILanguage: () => 'en-US',
    },
  },
});
