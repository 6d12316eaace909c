/** A fake OptionsApi over an in-memory store that behaves like src/platform/storage.ts (read-modify-write, locks). */
import { JSDOM } from 'jsdom';
import { selectorCheck } from '../../src/core/rules/parse.ts';
import type { OptionsApi } from '../../src/options/api.ts';
import { loadSettings, readHistoryIndex, SCHEMA_VERSION, toStored, type HistoryEntry } from '../../src/settings/index.ts';
import { translator } from './fake-popup-api.ts';

/** The fake, its store (storage form) and the downloads it was asked for. */
export interface FakeOptions {
  api: OptionsApi;
  store: Record<string, unknown>;
  downloads: { fileName: string; content: string; mime: string }[];
  /** The reading history as storage.local would hold it: the index under "history", each article under "history:<id>". */
  history: Record<string, unknown>;
}

/** A fake whose storage starts as `store` (the stored form, as chrome.storage.local would hold it), speaking `locale`. */
export function fakeOptionsApi(store: Record<string, unknown> = {}, { locale = 'en' }: { locale?: 'en' | 'zh_CN' } = {}): FakeOptions {
  const fake: FakeOptions = { store, downloads: [], history: {}, api: undefined as unknown as OptionsApi };
  const index = (): HistoryEntry[] => readHistoryIndex(fake.history.history);
  const check = selectorCheck(new JSDOM('').window.document);
  const read = () => loadSettings(JSON.parse(JSON.stringify(fake.store)), { check });
  fake.api = {
    t: translator(locale),
    lang: locale === 'en' ? 'en-US' : 'zh-CN',
    readSettings: async () => {
      const r = read();
      return {
        settings: r.settings,
        errors: r.errors,
        newer: r.fromVersion > SCHEMA_VERSION,
        unreadable: !r.readable,
        setAside: r.setAside,
      };
    },
    updateSettings: async update => {
      const r = read();
      if (!r.readable || r.fromVersion > SCHEMA_VERSION) throw Object.assign(new Error('locked'), { name: 'SettingsLockedError' });
      const next = update(r.settings);
      fake.store = toStored(next);
      return next;
    },
    checkSelector: check,
    download: (fileName, content, mime) => void fake.downloads.push({ fileName, content, mime }),
    readHistory: async () => index(),
    updateHistory: async change => {
      const next = change(index());
      if (!next) return index();
      fake.history = { ...fake.history, ...next.set, history: next.index };
      for (const id of next.drop) delete fake.history[`history:${id}`];
      return next.index;
    },
  };
  return fake;
}
