/**
 * The early start (src/popup/session.ts, started by main.tsx before the UI loads): the UI renders that session
 * instead of redoing the steps, shows exactly the error the popup showed without it on every failure path, and
 * a retry starts afresh.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { h, render } from 'preact';
import { App } from '../../src/popup/components/app.tsx';
import { startSession, type Session } from '../../src/popup/session.ts';
import type { TabInfo } from '../../src/popup/api.ts';
import type { CleanRequest, CleanResponse } from '../../src/page/protocol.ts';
import { fakeApi, type Fake } from '../helpers/fake-popup-api.ts';

const popup = popupDom();
const { q, waitFor } = popup;

/** A fake that also counts tab queries. */
function counted(tab: TabInfo | null, answer?: (req: CleanRequest) => CleanResponse): Fake & { queries: () => number } {
  const fake = fakeApi(tab, answer);
  let n = 0;
  const activeTab = fake.api.activeTab;
  fake.api.activeTab = () => (n++, activeTab());
  return Object.assign(fake, { queries: () => n });
}

/** Resolves once `session` is not busy: its read answered, or failed. */
function settled(session: Session): Promise<void> {
  return new Promise(resolve => {
    if (!session.state.busy) return resolve();
    const stop = session.subscribe(s => {
      if (!s.busy) {
        stop();
        resolve();
      }
    });
  });
}

/** Mounts the App as main.tsx does (the session started on the same api before the UI), or without it. */
async function mount(fake: Fake, early: boolean, selector: string): Promise<Element> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  const session = early ? startSession(fake.api) : undefined;
  // The UI loads while the session reads: let it get ahead, as it does in the browser.
  if (session) await settled(session);
  render(h(App, { api: fake.api, session }), root);
  return waitFor(selector);
}

test('the first run takes the early steps: one tab query, one injection, one clean, and the article', async () => {
  const fake = counted({ id: 7, url: 'https://news.example.com/a/1' });
  await mount(fake, true, '[data-testid=article]');
  assert.equal(q('[data-testid=title]')!.textContent, 'Night bus');
  assert.equal(fake.queries(), 1);
  assert.deepEqual(fake.injected, [7]);
  assert.equal(fake.cleans.length, 1);
  assert.equal(fake.cleans[0]!.marks, undefined, 'no block marks on the first clean');
});

test('the early clean asks with the stored switches, and a switch flip re-cleans and saves as before', async () => {
  const fake = counted({ id: 7, url: 'https://news.example.com/a/1' });
  fake.saved.push({ ...(await fake.api.readSettings()).settings, sites: { 'news.example.com': { rules: { 'feed-related': false } } } });
  await mount(fake, true, '[data-testid=article]');
  assert.deepEqual(fake.cleans[0]!.disabled, ['feed-related']);
  (q('[data-testid=rule-toggle][data-rule-id=feed-related]') as HTMLInputElement).click();
  for (let i = 0; i < 100 && fake.cleans.length < 2; i++) await new Promise(r => setTimeout(r, 5));
  await new Promise(r => setTimeout(r, 20));
  assert.deepEqual(fake.cleans.at(-1)!.disabled, []);
  assert.deepEqual(fake.saved.at(-1)!.sites, {}, 'back at its default: nothing stored for the site');
  assert.equal(fake.queries(), 1, 'a re-clean does not look for the tab again');
});

/** Each failure the first steps can meet, set up on a fresh fake. */
const failures: Record<string, () => Fake> = {
  'a browser page': () => fakeApi({ id: 1, url: 'chrome://settings/' }),
  'a withheld URL': () => fakeApi({ id: 1, url: '' }),
  'the web store': () => fakeApi({ id: 1, url: 'https://chromewebstore.google.com/detail/x' }),
  'a PDF in the viewer': () => fakeApi({ id: 1, url: 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html' }),
  'file:// without access': () => fakeApi({ id: 1, url: 'file:///home/a/page.html' }),
  'no tab': () => fakeApi(null),
  'a tab query that throws': () => {
    const fake = fakeApi(null);
    fake.api.activeTab = async () => {
      throw new Error('No current window');
    };
    return fake;
  },
  'an injection that fails': () => {
    const fake = fakeApi({ id: 9, url: 'https://example.com/' });
    fake.api.inject = async () => {
      throw new Error('Something odd happened');
    };
    return fake;
  },
  'an injection into a closed tab': () => {
    const fake = fakeApi({ id: 9, url: 'https://example.com/' });
    fake.api.inject = async () => {
      throw new Error('No tab with id: 9.');
    };
    return fake;
  },
  'the page navigated': () => fakeApi({ id: 3, url: 'https://example.com/' }, () => ({ ok: false, error: 'navigated', detail: '' })),
  'a content script that is gone': () => {
    const fake = fakeApi({ id: 3, url: 'https://example.com/' });
    fake.api.clean = async () => {
      throw new Error('The page script is not there (the page reloaded or navigated).');
    };
    return fake;
  },
  'a clean that throws at once': () => {
    const fake = fakeApi({ id: 3, url: 'https://example.com/' });
    fake.api.clean = () => {
      throw new Error('sync');
    };
    return fake;
  },
};

for (const [name, make] of Object.entries(failures)) {
  test(`${name}: the same error, with and without the early start`, async () => {
    const late = make();
    const expected = (await mount(late, false, '[data-testid=error]')).textContent;
    const early = make();
    assert.equal((await mount(early, true, '[data-testid=error]')).textContent, expected);
    assert.deepEqual(early.injected, late.injected);
    assert.equal(early.cleans.length, late.cleans.length);
    assert.equal(!!q('.error-box button'), true, 'a retry button');
  });
}

test('a retry after an early failure runs the steps again', async () => {
  const fake = counted({ id: 9, url: 'https://example.com/a' });
  let fails = 1;
  const inject = fake.api.inject;
  fake.api.inject = async id => {
    if (fails-- > 0) throw new Error('Something odd happened');
    return inject(id);
  };
  await mount(fake, true, '[data-testid=error]');
  (q('.error-box button') as HTMLButtonElement).click();
  await waitFor('[data-testid=article]');
  assert.equal(fake.queries(), 2);
  assert.deepEqual(fake.injected, [9]);
});

test('a retry on the tab the early steps found, now without its URL, says the page changed', async () => {
  const tab = { id: 4, url: 'https://news.example.com/a/1' };
  const fake = counted(tab);
  fake.api.inject = async () => {
    throw new Error('Something odd happened');
  };
  await mount(fake, true, '[data-testid=error]');
  tab.url = ''; // navigated: activeTab no longer reveals the URL
  (q('.error-box button') as HTMLButtonElement).click();
  for (let i = 0; i < 100 && fake.queries() < 2; i++) await new Promise(r => setTimeout(r, 5));
  await new Promise(r => setTimeout(r, 20));
  assert.match(q('[data-testid=error]')!.textContent!, /The page changed or was closed/);
});

test('a settings read that fails early shows the defaults and locks saving', async () => {
  const fake = counted({ id: 7, url: 'https://news.example.com/a/1' });
  fake.api.readSettings = async () => {
    throw new Error('storage is gone');
  };
  let writes = 0;
  fake.api.updateSettings = async () => {
    writes++;
    throw new Error('unreachable');
  };
  await mount(fake, true, '[data-testid=article]');
  (q('[data-testid=rule-toggle]') as HTMLInputElement).click();
  const error = await waitFor('[data-testid=error]');
  assert.match(error.textContent!, /could not be read|couldn't be read/i);
  assert.equal(writes, 0, 'nothing written after a failed read');
});

test('the UI mounted before the early steps finish: it waits for them (no second query, injection or clean)', async () => {
  const fake = counted({ id: 7, url: 'https://news.example.com/a/1' });
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: fake.api, session: startSession(fake.api) }), root);
  await waitFor('[data-testid=article]');
  assert.equal(fake.queries(), 1);
  assert.deepEqual(fake.injected, [7]);
  assert.equal(fake.cleans.length, 1);
});
