/**
 * The data-loss paths of issue 8, through the real popup and the real src/platform/storage.ts over a fake
 * storage.local: a read that fails (or a migration that throws) must never lead to a write over what it
 * could not read. Each was reproduced as a failing test before the fix.
 */
import { local } from '../helpers/fake-browser.ts';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { h, render } from 'preact';
import { App } from '../../src/popup/components/app.tsx';
import { browserApi } from '../../src/popup/browser-api.ts';
import { startSession } from '../../src/popup/session.ts';
import { sampleExtracted } from '../helpers/fake-popup-api.ts';
import { MIGRATIONS, type Migration } from '../../src/settings/index.ts';

const popup = popupDom();

/** What the person had: two sites' switches and one own rule (the review's reproduction). */
const STORE = {
  schemaVersion: 1,
  sites: { 'news.example.com': { rules: { 'feed-popular': false } }, 'other.example.org': { enabled: false } },
  userRules: [{ id: 'my-promo', title: 'Promo strip', sites: ['example.com'], remove: ['.promo-strip'] }],
};
beforeEach(() => local.reset(STORE));

const { q, waitFor } = popup;

/** The real browser api, with the tab side faked (no page to clean in Node). */
function api() {
  const a = browserApi();
  a.activeTab = async () => ({ id: 7, url: 'https://news.example.com/a/1' });
  a.inject = async () => {};
  a.clean = async (_id, req) => ({ ok: true, extracted: sampleExtracted(req.disabled), ms: 1 });
  return a;
}

/** Mounts the popup and flips a switch; `early`: as main.tsx does, the session started on the api before the UI. */
async function mountAndFlip({ early = false } = {}): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  const a = api();
  render(h(App, { api: a, session: early ? startSession(a) : undefined }), root);
  await waitFor('[data-testid=article]');
  (q('[data-testid=rule-toggle][data-rule-id=feed-related]') as HTMLInputElement).click();
  await new Promise(r => setTimeout(r, 60));
}

test('a settings read that fails, then a switch flip: the stored sites and own rules are untouched', async () => {
  local.failGets = 1;
  await mountAndFlip();
  assert.deepEqual(local.data, STORE, 'nothing written over what could not be read');
  assert.match(
    q('[data-testid=error]')?.textContent ?? '',
    /could not be read|couldn't be read/i,
    'the person is told the change was not saved',
  );
});

test('the same through the early start (main.tsx): a read that fails, then a flip, writes nothing', async () => {
  local.failGets = 1;
  await mountAndFlip({ early: true });
  assert.deepEqual(local.data, STORE, 'nothing written over what could not be read');
  assert.match(q('[data-testid=error]')?.textContent ?? '', /could not be read|couldn't be read/i);
});

test('a read that works after one that failed: the flip is saved on top of everything stored', async () => {
  await mountAndFlip();
  assert.deepEqual(local.data.userRules, STORE.userRules);
  assert.deepEqual(Object.keys(local.data.sites as object).sort(), ['news.example.com', 'other.example.org']);
  assert.deepEqual((local.data.sites as Record<string, { rules?: object }>)['news.example.com']!.rules, {
    'feed-popular': false,
    'feed-related': false,
  });
});

test('a store whose migration throws (the catch-all): a flip writes nothing over it', async () => {
  // A bug in a migration, simulated: v0ToV1 throws on this v0 store.
  const v0 = {
    siteOff: ['other.example.org'],
    disabledRules: { 'news.example.com': ['feed-popular'] },
    customRules: { version: 1, rules: STORE.userRules },
  };
  const real = MIGRATIONS[0]!;
  (MIGRATIONS as Migration[])[0] = () => {
    throw new TypeError('a bug in a migration');
  };
  try {
    for (const early of [false, true]) {
      // and through the early start (main.tsx)
      local.data = JSON.parse(JSON.stringify(v0));
      await mountAndFlip({ early });
      assert.deepEqual(local.data, v0, `the unreadable store is left exactly as it was${early ? ' (early start)' : ''}`);
      assert.match(q('[data-testid=error]')?.textContent ?? '', /could not be read|couldn't be read/i);
    }
  } finally {
    (MIGRATIONS as Migration[])[0] = real;
  }
});

test('damaged own rules: the popup says so once, in words, and they move to the quarantine key (not deleted)', async () => {
  const damaged = { id: '-bad', title: 'x', sites: ['*'] };
  local.data = { ...JSON.parse(JSON.stringify(STORE)), userRules: [...STORE.userRules, damaged, 'junk'] };
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: api() }), root);
  const notice = await waitFor('[data-testid=settings-notice]');
  assert.equal(notice.textContent, '2 of your rules were damaged and were set aside (they are kept on the rules page).');
  await new Promise(r => setTimeout(r, 50));
  assert.deepEqual(local.data.userRules, STORE.userRules);
  assert.deepEqual(
    (local.data.quarantine as { rule: unknown }[]).map(q => q.rule),
    [damaged, 'junk'],
  );
  render(null, root);
  render(h(App, { api: api() }), root);
  await waitFor('[data-testid=article]');
  assert.equal(q('[data-testid=settings-notice]'), null, 'said once: the next open has nothing to say');
});

test('a v0 store: after the first save its old keys are gone and everything was carried over', async () => {
  local.data = {
    siteOff: ['other.example.org'],
    disabledRules: { 'news.example.com': ['feed-popular'] },
    showRemoved: false,
    customRules: { version: 1, rules: STORE.userRules },
  };
  await mountAndFlip();
  assert.deepEqual(local.data, {
    schemaVersion: 1,
    sites: { 'news.example.com': { rules: { 'feed-popular': false, 'feed-related': false } }, 'other.example.org': { enabled: false } },
    userRules: STORE.userRules,
    ui: { showRemoved: false },
  });
});

test('a v0 store whose customRules is not a rule file: it is set aside in the quarantine, not lost', async () => {
  local.data = { siteOff: ['other.example.org'], customRules: [{ id: 'a-list-not-a-file' }] };
  await mountAndFlip();
  assert.equal(local.data.customRules, undefined);
  assert.deepEqual((local.data.quarantine as { rule: unknown }[])[0]!.rule, [{ id: 'a-list-not-a-file' }]);
});

test('a store from a newer build: no path writes (updateSettings refuses, storage untouched)', async () => {
  const { updateSettings, SettingsLockedError } = await import('../../src/platform/storage.ts');
  local.data = { ...JSON.parse(JSON.stringify(STORE)), schemaVersion: 99, futureThing: { a: 1 } };
  const before = JSON.parse(JSON.stringify(local.data));
  await assert.rejects(
    updateSettings(s => ({ ...s, userRules: [] })),
    SettingsLockedError,
  );
  await mountAndFlip();
  assert.deepEqual(local.data, before);
  assert.equal(local.writes, 0);
});

/**
 * Mounts the popup (no flip) and resolves once its article is shown and every save it started has finished:
 * a save that changes nothing queues behind them (saves run one at a time) and writes nothing itself.
 */
async function openSettled(): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: api() }), root);
  await waitFor('[data-testid=article]');
  const { updateSettings } = await import('../../src/platform/storage.ts');
  await updateSettings(s => s);
}

test('a key that is not a setting (left for a newer build) is not announced as a repair, and not rewritten, on every open', async () => {
  local.data = { ...JSON.parse(JSON.stringify(STORE)), theme: { dark: true } };
  await openSettled();
  assert.equal(q('[data-testid=settings-notice]'), null);
  assert.deepEqual(local.data.theme, { dark: true });
  assert.equal(local.writes, 0, 'nothing was repaired, so nothing is written');
});

test('an interrupted v0 migration (retired keys beside schemaVersion 1): the first open retires them, no later open writes', async () => {
  // What the v0 migration's set() wrote, with the v0 keys its remove() never got to (the popup closed between them).
  const interrupted = {
    ...JSON.parse(JSON.stringify(STORE)),
    siteOff: ['other.example.org'],
    disabledRules: { 'news.example.com': ['feed-popular'] },
    showRemoved: false,
    customRules: { version: 1, rules: STORE.userRules },
  };
  local.data = interrupted;
  await openSettled();
  assert.deepEqual(local.data, STORE, 'the retired keys are gone; everything else is as it was');
  assert.equal(q('[data-testid=settings-notice]'), null, 'retiring keys is no repair to announce');
  assert.deepEqual(local.sets, [], 'nothing rewritten: the settings themselves were fine');
  const writes = local.writes;
  await openSettled();
  await openSettled();
  assert.equal(local.writes, writes, 'the next opens write nothing');
});

test('a switch flip on a store with retired keys retires them too (every save does)', async () => {
  local.data = { ...JSON.parse(JSON.stringify(STORE)), siteOff: ['other.example.org'] };
  await mountAndFlip();
  assert.equal(local.data.siteOff, undefined);
  assert.deepEqual((local.data.sites as Record<string, { rules?: object }>)['news.example.com']!.rules, {
    'feed-popular': false,
    'feed-related': false,
  });
});
