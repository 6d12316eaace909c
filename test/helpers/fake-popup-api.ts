/** A fake PopupApi for rendering the popup in Node: records what the popup asked for. */
import type { Extracted } from '../../src/core/types.ts';
import type { PopupApi, TabInfo } from '../../src/popup/api.ts';
import type { CleanRequest, CleanResponse, DeriveRequest, DeriveResponse } from '../../src/page/protocol.ts';
import { defaultSettings, type Settings } from '../../src/settings/index.ts';
import en from '../../src/_locales/en/messages.json' with { type: 'json' };
import zh from '../../src/_locales/zh_CN/messages.json' with { type: 'json' };

/** The UI strings of `locale` as a Translate, filling $1, $2… as chrome.i18n.getMessage does. */
export function translator(locale: 'en' | 'zh_CN' = 'en'): PopupApi['t'] {
  const messages = (locale === 'en' ? en : zh) as Record<string, { message: string }>;
  return (key, subs = []) => subs.reduce<string>((s, v, i) => s.replace(`$${i + 1}`, String(v)), messages[key]?.message ?? key);
}

/** About 500 words of prose: enough for an article and a "2–3 min" reading time at 238 wpm (175–300). */
const PROSE = Array.from({ length: 50 }, (_, i) => `Sentence ${i} tells how the night bus crossed the river again.`).join(' ');

/** A small extraction as the content script would answer it (the popup finishes it: sanitize, text, reading time). */
export function sampleExtracted(disabled: string[] = []): Extracted {
  const relatedOn = !disabled.includes('feed-related');
  return {
    title: 'Night bus',
    byline: 'Zhou',
    siteName: 'Daily',
    declaredLang: 'en',
    publishedTime: '2025-11-03T08:20:00+08:00',
    url: 'https://news.example.com/a/1',
    excerpt: null,
    html:
      `<p>First <a href="https://example.com/x">link</a></p><p>${PROSE}</p>` +
      (relatedOn ? '' : '<h3>Related</h3><ul><li>Other story</li></ul>') +
      '<p>Source: Night Wire</p><p>Edited by Ann Lee</p>',
    base: 'https://news.example.com/a/1',
    readerable: true,
    guard: null,
    titleEvidence: { headlines: ['Night bus'], h1s: ['Night bus'], siteNames: ['Daily'] },
    // What pre-pruning removed in the page (the popup adds the article stage's removals and builds the rule list).
    removed: relatedOn ? [{ ruleId: 'feed-related', reason: 'heading', preview: 'Related Other story', chars: 18 }] : [],
  };
}

/** The fake and what it recorded. */
export interface Fake {
  api: PopupApi;
  cleans: CleanRequest[];
  injected: number[];
  saved: Settings[];
  /** Derivation requests (remove-blocks mode) and the answer the fake gives them. */
  derives: DeriveRequest[];
  deriveAnswer: (req: DeriveRequest) => DeriveResponse;
}

/** A fake on `tab` whose clean answers `answer(req)`, speaking `locale` (English by default). */
export function fakeApi(
  tab: TabInfo | null,
  answer: (req: CleanRequest) => CleanResponse = req => ({
    ok: true,
    extracted: sampleExtracted(req.disabled),
    ms: 1,
  }),
  { locale = 'en' }: { locale?: 'en' | 'zh_CN' } = {},
): Fake {
  const fake: Fake = {
    cleans: [],
    injected: [],
    saved: [],
    derives: [],
    api: undefined as unknown as PopupApi,
    deriveAnswer: () => ({ ok: false, error: 'no derive answer set' }),
  };
  fake.api = {
    t: translator(locale),
    lang: locale === 'en' ? 'en-US' : 'zh-CN',
    activeTab: async () => tab,
    fileAccessAllowed: async () => false,
    inject: async id => void fake.injected.push(id),
    clean: async (_id, req) => (fake.cleans.push(req), answer(req)),
    derive: async (_id, req) => (fake.derives.push(req), fake.deriveAnswer(req)),
    readSettings: async () => ({ settings: fake.saved.at(-1) ?? defaultSettings(), errors: [], newer: false }),
    updateSettings: async update => {
      const next = update(fake.saved.at(-1) ?? defaultSettings());
      fake.saved.push(next);
      return next;
    },
    copyText: async () => {},
    download: () => {},
    openRules: () => {},
  };
  return fake;
}
