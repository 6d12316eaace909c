/**
 * Saves from several extension pages at once, in Firefox ESR (issue 16, item 3): two rules pages and a reader
 * tab save through the real src/platform/storage.ts at the same instant, 10 rounds, each storage.local call
 * delayed by a random 0–3 ms (wrapped in each page once it loaded: Firefox runs no preload script in
 * moz-extension pages, and its pages look browser.storage.local up at each call). Two of the saves change
 * the same stored item (`sites`): only the Web Lock keeps both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { gotoExtensionPage, launchFirefox, storedSettings, type Firefox } from '../harness/firefox.ts';
import { poll } from '../helpers/poll.ts';
import { useBrowser } from '../harness/suite.ts';

const ROUNDS = 10;
const rule = (id: string) => ({ id, title: `Rule ${id}`, sites: ['example.com'], remove: [`.${id}`] });
/** What the person had: two own rules, a switch on a site, a reading preference. */
const STORE = {
  schemaVersion: 1,
  userRules: [rule('my-a'), rule('my-b')],
  sites: { 'other.example.org': { enabled: false } },
  reader: { theme: 'sepia' },
};

const s = useBrowser<Firefox>(() => launchFirefox());

/**
 * Loads `url` in `page` (a new URL each round: after location.reload() BiDi evaluates in a realm without the
 * extension's `browser`), waits for `ready`, then delays each of its storage.local calls by 0–3 ms.
 */
async function load(page: Page, url: string, ready: string): Promise<void> {
  await gotoExtensionPage(page, url);
  await poll(ready, () =>
    page.evaluate(sel => {
      const area = (globalThis as unknown as { browser?: { storage: { local: Record<string, (...a: unknown[]) => Promise<unknown>> } } })
        .browser?.storage.local;
      if (!document.querySelector(sel) || !area) return false;
      for (const name of ['get', 'set', 'remove']) {
        const real = area[name]!.bind(area);
        area[name] = (...args: unknown[]) => new Promise(r => setTimeout(r, Math.random() * 3)).then(() => real(...args));
      }
      return true;
    }, ready),
  );
}
/** Clicks `selector` in `page` at wall-clock time `at` (the pages share one clock), so the saves start together. */
const clickAt = (page: Page, selector: string, at: number) =>
  page.evaluate((sel, t) => void setTimeout(() => (document.querySelector(sel) as HTMLElement).click(), t - Date.now()), selector, at);

test(`two rules pages and a reader tab save at the same instant, ${ROUNDS} rounds: no save is lost`, async () => {
  const fx = s.b;
  // One window each: a background tab's timers are throttled to a second or more, so its click would come late.
  const page = () => fx.browser.newPage({ type: 'window' });
  const [rulesA, rulesB, reader] = [await page(), await page(), await page()];
  const lost: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await fx.helper.evaluate(async v => {
      const local = (
        globalThis as unknown as { browser: { storage: { local: { clear(): Promise<void>; set(v: object): Promise<void> } } } }
      ).browser.storage.local;
      await local.clear();
      await local.set(v);
    }, STORE);
    await load(rulesA, `${fx.base}/options.html?round=${round}`, '[data-rule-id="my-a"] [data-testid=rule-switch]');
    await load(rulesB, `${fx.base}/options.html?round=${round}`, '[data-rule-id="my-b"] [data-testid=rule-switch]');
    await load(reader, `${fx.base}/reader.html?round=${round}`, '[data-testid=reader-settings] [data-pref=fontLarger]');
    const at = Date.now() + 300;
    await Promise.all([
      clickAt(rulesA, '[data-rule-id="my-a"] [data-testid=rule-switch]', at),
      clickAt(rulesB, '[data-rule-id="my-b"] [data-testid=rule-switch]', at),
      clickAt(reader, '[data-testid=reader-settings] [data-pref=fontLarger]', at),
    ]);
    const done = (st: Record<string, unknown>) => {
      const everywhere = (st.sites as Record<string, { rules?: Record<string, boolean> }> | undefined)?.['*']?.rules ?? {};
      const prefs = (st.reader ?? {}) as { fontSize?: number; theme?: string };
      return (
        everywhere['my-a'] === false &&
        everywhere['my-b'] === false &&
        prefs.fontSize === 19 &&
        prefs.theme === 'sepia' &&
        (st.userRules as unknown[] | undefined)?.length === 2
      );
    };
    const stored = await poll(
      'all three saves',
      async () => {
        const st = await storedSettings(fx);
        return done(st) ? st : null;
      },
      3000,
    ).catch(async () => storedSettings(fx));
    if (!done(stored)) lost.push(`round ${round}: ${JSON.stringify({ sites: stored.sites, reader: stored.reader })}`);
  }
  assert.deepEqual(lost, [], `${lost.length} of ${ROUNDS} rounds lost a save`);
});
