/**
 * Saves from several extension pages at once, in real Chromium (issue 16, item 3): two rules pages and a
 * reader tab, each saving through the real src/platform/storage.ts at the same instant, 20 rounds. Every
 * storage.local call in those pages is delayed by a random 0–3 ms (an init script wraps chrome.storage.local),
 * so each read-modify-write is as slow as on a busy profile. Two of the saves change the same stored item
 * (`sites`): only the Web Lock keeps both. Before it, rounds lost a save.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright';
import { type Browser, type ExtGlobals, launch, storedSettings } from '../harness/chromium.ts';
import { useBrowser } from '../harness/suite.ts';
import { poll } from '../helpers/poll.ts';

const ROUNDS = 20;
const rule = (id: string) => ({ id, title: `Rule ${id}`, sites: ['example.com'], remove: [`.${id}`] });
/** What the person had: two own rules, a switch on a site, a reading preference. */
const STORE = {
  schemaVersion: 1,
  userRules: [rule('my-a'), rule('my-b')],
  sites: { 'other.example.org': { enabled: false } },
  reader: { theme: 'sepia' },
};

const s = useBrowser(async () => {
  const b = await launch();
  // Before any of the page's scripts: each storage.local call of an extension page waits 0–3 ms first.
  await b.ctx.addInitScript(() => {
    const area = (globalThis as unknown as { chrome?: { storage?: { local?: Record<string, (...a: unknown[]) => unknown> } } }).chrome
      ?.storage?.local;
    if (!area) return;
    for (const name of ['get', 'set', 'remove']) {
      const real = area[name]!.bind(area);
      area[name] = (...args: unknown[]) => {
        const wait = Math.random() * 3;
        if (typeof args.at(-1) === 'function') return void setTimeout(() => real(...args), wait);
        return new Promise(r => setTimeout(r, wait)).then(() => real(...args));
      };
    }
  });
  return b;
});

const ext = (b: Browser) => `chrome-extension://${b.extensionId}`;
/** Loads (or reloads) a page and waits until `ready` shows in it. */
async function load(page: Page, url: string, ready: string): Promise<void> {
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.waitForSelector(ready, { state: 'attached' });
}
/** Clicks `selector` in `page` at wall-clock time `at` (the pages share one clock), so the saves start together. */
const clickAt = (page: Page, selector: string, at: number) =>
  page.evaluate(([sel, t]) => void setTimeout(() => (document.querySelector(sel) as HTMLElement).click(), t - Date.now()), [
    selector,
    at,
  ] as const);

test(`two rules pages and a reader tab save at the same instant, ${ROUNDS} rounds: no save is lost`, async () => {
  const { b } = s;
  const [rulesA, rulesB, reader] = [await b.ctx.newPage(), await b.ctx.newPage(), await b.ctx.newPage()];
  const sw = (items: object) =>
    b.sw.evaluate(async v => {
      const local = (globalThis as unknown as ExtGlobals).chrome.storage.local as unknown as {
        clear(): Promise<void>;
        set(v: object): Promise<void>;
      };
      await local.clear();
      await local.set(v);
    }, items);
  const lost: string[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    await sw(STORE);
    await load(rulesA, `${ext(b)}/options.html`, '[data-rule-id="my-a"] [data-testid=rule-switch]');
    await load(rulesB, `${ext(b)}/options.html`, '[data-rule-id="my-b"] [data-testid=rule-switch]');
    await load(reader, `${ext(b)}/reader.html`, '[data-testid=reader-settings] [data-pref=fontLarger]');
    const at = Date.now() + 150;
    await Promise.all([
      clickAt(rulesA, '[data-rule-id="my-a"] [data-testid=rule-switch]', at), // sites["*"].rules["my-a"] = false
      clickAt(rulesB, '[data-rule-id="my-b"] [data-testid=rule-switch]', at), // sites["*"].rules["my-b"] = false
      clickAt(reader, '[data-testid=reader-settings] [data-pref=fontLarger]', at), // reader.fontSize = 19
    ]);
    const done = (st: Record<string, unknown>) => {
      const everywhere = (st.sites as Record<string, { rules?: Record<string, boolean> }> | undefined)?.['*']?.rules ?? {};
      const prefs = (st.reader ?? {}) as { fontSize?: number; theme?: string };
      return (
        everywhere['my-a'] === false &&
        everywhere['my-b'] === false &&
        prefs.fontSize === 19 &&
        prefs.theme === 'sepia' &&
        (st.userRules as unknown[] | undefined)?.length === 2 &&
        (st.sites as Record<string, unknown>)['other.example.org'] !== undefined
      );
    };
    const stored = await poll(
      'all three saves',
      async () => {
        const st = await storedSettings(b);
        return done(st) ? st : null;
      },
      3000,
    ).catch(async () => storedSettings(b));
    if (!done(stored)) lost.push(`round ${round}: ${JSON.stringify({ sites: stored.sites, reader: stored.reader })}`);
  }
  assert.deepEqual(lost, [], `${lost.length} of ${ROUNDS} rounds lost a save`);
});
