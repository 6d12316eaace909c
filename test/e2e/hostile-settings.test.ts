/**
 * Damaged settings in the real extension: values of the wrong shape, the v0 schema (test/settings/fixtures/v0.json),
 * a storage.sync that is over its quota, over-long stored user rules. Written into chrome.storage from the
 * service worker, then the toolbar click: the popup still shows the article, the valid switches still apply,
 * and the first save writes back repaired settings that keep them. (Settings live in storage.local:
 * src/platform/storage.ts; storage.sync is never read or written.)
 */
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright';
import { closePopup, launch, openPopup, storedOnceSaved } from '../harness/chromium.ts';
import { articleText, flip, ruleSwitches, testIdText } from '../harness/popup.ts';
import { norm } from '../helpers/text.ts';
import { useBrowser } from '../harness/suite.ts';

/** The stored per-site switches, as the assertions read them. */
type Sites = Record<string, { rules?: Record<string, boolean>; enabled?: boolean }>;
import { DEMO_PATH, POPULAR, RELATED, STORY, TEST_HOST as HOST } from '../helpers/demo.ts';

/** chrome.storage as the service worker sees it (no @types/chrome here). */
interface Area {
  set(v: object): Promise<void>;
  clear(): Promise<void>;
  get(): Promise<Record<string, unknown>>;
  getBytesInUse(): Promise<number>;
}
type Storage = { chrome: { storage: { local: Area; sync: Area } } };

let page: Page;

const s = useBrowser(() => launch(), {
  setup: async () => {
    page = await s.b.ctx.newPage();
    await page.goto(s.server.url(DEMO_PATH));
  },
});
beforeEach(async () => {
  await s.b.sw.evaluate(async () => {
    const s = (globalThis as unknown as Storage).chrome.storage;
    await s.local.clear();
    await s.sync.clear();
  });
});

/** Writes `items` into storage.local as if an older or broken build had left them there. */
const storeLocal = (items: object) => s.b.sw.evaluate(v => (globalThis as unknown as Storage).chrome.storage.local.set(v), items);

/** Opens the popup on the demo and returns what it shows. */
async function show(): Promise<{ view: JSHandle<Window>; text: string; error: string; switches: Record<string, boolean> }> {
  const { view } = await openPopup(s.b, page);
  return { view, text: norm(await articleText(view)), error: await testIdText(view, 'error'), switches: await ruleSwitches(view) };
}

test('stored values of the wrong shape: the popup works, the valid switch still applies, the first save repairs storage', async () => {
  await storeLocal({
    schemaVersion: 1,
    sites: {
      [HOST]: { rules: { 'feed-related': false, 'feed-popular': 'off please' }, colour: 'red' },
      'not a host!!': { enabled: false },
      'x.example': 7,
    },
    userRules: 'not a list',
    ui: 'oops',
    theme: { dark: true },
  });
  const r = await show();
  assert.equal(r.error, '');
  assert.ok(r.text.includes(norm(STORY)), 'the article is shown');
  assert.equal(r.switches['feed-related'], false, 'the valid switch survives');
  assert.equal(r.switches['feed-popular'], true, 'the broken switch is back at its default');
  assert.ok(r.text.includes(norm(RELATED)) && !r.text.includes(norm(POPULAR)));
  // The first save writes repaired settings: the person's valid switch and the new one, nothing broken.
  await flip(r.view, 'feed-popular');
  const stored = await storedOnceSaved(s.b, st => (st.sites as Sites | undefined)?.[HOST]?.rules?.['feed-popular'] === false);
  assert.deepEqual(stored.sites, { [HOST]: { rules: { 'feed-related': false, 'feed-popular': false } } });
  for (const k of ['userRules', 'ui']) assert.equal(stored[k], undefined, `${k} repaired away`);
  assert.deepEqual(stored.theme, { dark: true }, 'a key that is not a setting is left alone (a newer build may own it)');
  await closePopup(s.b);
});

test('storage that is not settings at all (schemaVersion and sites of the wrong type): the popup works on defaults', async () => {
  await storeLocal({ schemaVersion: 'one', sites: ['127.0.0.1'], userRules: { rules: 5 }, ui: { showRemoved: 'yes' } });
  const r = await show();
  assert.equal(r.error, '');
  assert.ok(r.text.includes(norm(STORY)));
  assert.ok(!r.text.includes(norm(POPULAR)) && !r.text.includes(norm(RELATED)), 'default switches: both blocks removed');
  await closePopup(s.b);
});

test('a v0 store (the test/settings fixture, for this host) is migrated: its switches apply, its own rule is kept', async () => {
  const v0 = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../settings/fixtures/v0.json'), 'utf8')) as {
    disabledRules: Record<string, string[]>;
  };
  v0.disabledRules[HOST] = ['feed-related'];
  await storeLocal(v0);
  const r = await show();
  assert.equal(r.error, '');
  assert.equal(r.switches['feed-related'], false, 'the v0 per-site switch applies');
  assert.ok(r.text.includes(norm(RELATED)) && !r.text.includes(norm(POPULAR)));
  await flip(r.view, 'feed-popular');
  const stored = await storedOnceSaved(s.b, st => (st.sites as Sites | undefined)?.[HOST]?.rules?.['feed-popular'] === false);
  assert.equal(stored.schemaVersion, 1, 'saved in the current schema');
  const sites = stored.sites as Sites;
  assert.deepEqual(sites[HOST], { rules: { 'feed-related': false, 'feed-popular': false } });
  assert.deepEqual(
    sites['news.sina.com.cn'],
    { rules: { 'recommend-labels': false, 'sina-hot-list': false }, enabled: false },
    'other sites kept',
  );
  assert.deepEqual(
    (stored.userRules as { id: string }[]).map(u => u.id),
    ['my-blog-sidebar'],
    'the v0 custom rule is kept',
  );
  for (const k of ['disabledRules', 'siteOff', 'showRemoved', 'customRules'])
    assert.equal(stored[k], undefined, `the v0 key ${k} is removed after the migration was saved`);
  await closePopup(s.b);
});

test('storage.sync over its quota does not matter: settings live in storage.local and the popup works', async () => {
  const syncError = await s.b.sw.evaluate(async () => {
    const sync = (globalThis as unknown as Storage).chrome.storage.sync;
    try {
      await sync.set({ big: 'x'.repeat(9000) }); // QUOTA_BYTES_PER_ITEM is 8,192
      return 'no error';
    } catch (e) {
      return String(e);
    }
  });
  assert.match(syncError, /quota/i, 'storage.sync refuses an item over its per-item quota');
  await storeLocal({ schemaVersion: 1, sites: { [HOST]: { rules: { 'feed-related': false } } } });
  const r = await show();
  assert.equal(r.error, '');
  assert.equal(r.switches['feed-related'], false);
  await closePopup(s.b);
});

test('stored user rules far over the sync quota, two of them damaged: the popup answers quickly, says so once, and sets them aside', async () => {
  const filler = Array.from({ length: 60 }, (_, i) => ({
    id: `mine-${i}`,
    title: `我的规则 ${i}`,
    sites: ['example.org'],
    labels: ['广告位'.repeat(10)],
  }));
  await storeLocal({
    schemaVersion: 1,
    userRules: [
      ...filler,
      { id: 'huge-label', title: 'Huge', sites: ['*'], labels: ['广告'.repeat(1500)] },
      { id: 'my-banner', title: 'Banner', sites: ['*'], remove: ['.banner', 'div[[['] },
    ],
  });
  const stored = await s.b.sw.evaluate(() => (globalThis as unknown as Storage).chrome.storage.local.getBytesInUse());
  assert.ok(stored > 8192, `stored ${stored} bytes (more than storage.sync allows per item)`);
  const t0 = Date.now();
  const r = await show();
  console.log(`# ${stored} bytes of stored user rules, one label 3,000 characters long: click → article in ${Date.now() - t0} ms`);
  assert.equal(r.error, '');
  assert.ok(r.text.includes(norm(STORY)));
  // A 3,000-character label and an invalid selector fail the core's checkRule: both are set aside, not deleted.
  assert.match(await testIdText(r.view, 'settings-notice'), /2/);
  const after = await storedOnceSaved(s.b, st => Array.isArray(st.quarantine) && st.quarantine.length === 2);
  assert.deepEqual(
    (after.quarantine as { rule: { id: string } }[]).map(q => q.rule.id),
    ['huge-label', 'my-banner'],
  );
  assert.equal((after.userRules as unknown[]).length, filler.length);
  await closePopup(s.b);
});
