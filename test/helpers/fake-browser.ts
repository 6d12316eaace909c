/**
 * A fake `browser` global (storage.local, storage.session, tabs, i18n) so the real src/platform modules run in
 * Node: the polyfill hands back globalThis.browser when one with runtime.id exists. Import this before
 * anything from src/platform.
 */
import en from '../../src/_locales/en/messages.json' with { type: 'json' };

const pause = (maxMs: number) => (maxMs > 0 ? new Promise(r => setTimeout(r, Math.random() * maxMs)) : Promise.resolve());

/**
 * A storage area in memory; `failGets` makes that many next reads reject, as a broken profile does.
 * `latency`: each call takes a random 0–`latency` ms, its effect landing at a random point inside that time
 * (as a real area answers over IPC), so concurrent read-modify-writes interleave. `quota`: a set whose
 * stored JSON would exceed this many characters rejects as Chromium's does.
 */
export class FakeArea {
  data: Record<string, unknown> = {};
  failGets = 0;
  writes = 0;
  latency = 0;
  quota = Infinity;
  /** Every set() call's items, in order. */
  sets: Record<string, unknown>[] = [];
  /** Every remove() call's keys, in order. */
  removes: string[][] = [];
  async get(keys: null | string | string[]): Promise<Record<string, unknown>> {
    await pause(this.latency / 2);
    if (this.failGets > 0) {
      this.failGets--;
      throw new Error('IO error: the storage backend is unavailable');
    }
    const copy = JSON.parse(JSON.stringify(this.data)) as Record<string, unknown>;
    await pause(this.latency / 2);
    if (keys === null) return copy;
    const list = typeof keys === 'string' ? [keys] : keys;
    return Object.fromEntries(list.filter(k => k in copy).map(k => [k, copy[k]]));
  }
  async set(items: Record<string, unknown>): Promise<void> {
    await pause(this.latency / 2);
    const next = { ...this.data, ...JSON.parse(JSON.stringify(items)) };
    if (JSON.stringify(next).length > this.quota) throw new Error('Session storage quota bytes exceeded. Values were not stored.');
    this.writes++;
    this.sets.push(items);
    this.data = next;
    await pause(this.latency / 2);
  }
  async remove(keys: string | string[]): Promise<void> {
    await pause(this.latency / 2);
    this.writes++;
    const list = typeof keys === 'string' ? [keys] : keys;
    this.removes.push(list);
    for (const k of list) delete this.data[k];
    await pause(this.latency / 2);
  }
  async clear(): Promise<void> {
    this.data = {};
  }
  /** Back to an empty area with `data`, no latency, no failures and no log. */
  reset(data: Record<string, unknown> = {}): void {
    Object.assign(this, {
      data: JSON.parse(JSON.stringify(data)),
      failGets: 0,
      writes: 0,
      latency: 0,
      quota: Infinity,
      sets: [],
      removes: [],
    });
  }
}

/** The one fake storage.local every platform module sees. */
export const local = new FakeArea();
/** The one fake storage.session (the reader tab's hand-over). */
export const session = new FakeArea();
/** The fake's open tabs by id: tabs.get resolves for these and rejects for any other, as for a closed tab. */
export const tabs = { open: new Set<number>([1]), current: 1 as number | undefined };
const messages = en as Record<string, { message: string }>;
Object.assign(globalThis, {
  chrome: { runtime: { id: 'test' } },
  browser: {
    runtime: { id: 'test', getURL: (p: string) => `chrome-extension://test/${p}` },
    storage: { local, session },
    tabs: {
      get: async (id: number) => {
        if (!tabs.open.has(id)) throw new Error(`No tab with id: ${id}.`);
        return { id, index: 0 };
      },
      getCurrent: async () => (tabs.current === undefined ? undefined : { id: tabs.current, index: 0 }),
    },
    i18n: {
      getMessage: (key: string, subs: string[] = []) =>
        subs.reduce<string>((s, v, i) => s.replace(`$${i + 1}`, v), messages[key]?.message ?? ''),
      getUILanguage: () => 'en-US',
    },
  },
});
