/**
 * The hand-over to the reader tab (issue 16, item 8), with the real src/platform/reader-tab.ts over a fake
 * storage.session, the real keeper (src/reader/keep-handoff.ts) over a jsdom sessionStorage, and the real
 * reader tab and popup rendered in jsdom. A long article fitted storage.session but not the tab's own copy,
 * and was lost because the tab had deleted the stash first.
 */
import { local, session, tabs } from '../helpers/fake-browser.ts';
import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { jsdom } from '../helpers/dom.ts';
import { holdStash, peekStash, releaseStash, stashForReader } from '../../src/platform/reader-tab.ts';
import { handoffKeeper, type HandoffPlaces } from '../../src/reader/keep-handoff.ts';
import { ReaderApp, type ReaderApi } from '../../src/reader/reader-app.tsx';
import { App } from '../../src/popup/components/app.tsx';
import { browserApi } from '../../src/popup/browser-api.ts';
import { sampleExtracted } from '../helpers/fake-popup-api.ts';

const popup = popupDom();
const { q, waitFor } = popup;

/** Room for about 100,000 characters in the tab's own storage (a real browser's is about 5 M). */
const QUOTA = 100_000;
/** A tab's sessionStorage, which survives a reload of that tab: jsdom's, which throws QuotaExceededError when full. */
const tabStorage = () => jsdom('', 'https://extension.test/reader.html', { storageQuota: QUOTA }).window.sessionStorage;

const article = (paragraphs: number) => {
  const text = Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i} of a very long report on the night buses of the city.`);
  return {
    title: 'A long report',
    byline: null,
    siteName: 'Daily',
    lang: 'en',
    publishedTime: null,
    url: 'https://news.example.com/a/1',
    excerpt: null,
    source: null,
    originalTitle: null,
    editor: null,
    disclaimer: null,
    readingTime: { minutes: 1, min: 1, max: 2 },
    html: text.map(p => `<p>${p}</p>`).join(''),
    text: text.join('\n\n'),
    removed: [],
    rules: [],
  };
};
/** About 10,000 characters: fits the tab's own storage. */
const SHORT = article(120);
/** About 140,000 characters: fits storage.session, not the tab's own storage (as 2.7 M did in Chromium). */
const LONG = article(1000);

beforeEach(() => {
  local.reset({ schemaVersion: 1 });
  session.reset();
  tabs.open = new Set([1, 7]);
  tabs.current = 7;
});

/** The real places of src/reader/main.tsx, with `own` as this tab's sessionStorage. */
const places = (own: Storage): HandoffPlaces => ({ own, peek: peekStash, release: releaseStash, hold: holdStash });

/** Opens (or reloads) reader tab `id` in jsdom and resolves once its article or its "gone" message shows. */
async function openReaderTab(id: string, own: Storage, spy: Partial<HandoffPlaces> = {}): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  const keeper = handoffKeeper(id, { ...places(own), ...spy });
  const base = browserApi();
  const api: ReaderApi = { ...base, loadHandoff: keeper.load, keepHandoff: keeper.keep, back: async () => {} };
  render(h(ReaderApp, { api }), root);
  await waitFor('[data-testid=article], [data-testid=error]');
}

const stashed = () => Object.keys(session.data).sort();

test("a short article: shown, then kept in the tab and the stash deleted; a reload reads the tab's own copy", async () => {
  const id = await stashForReader({ article: SHORT, rules: [], tabId: 1 });
  const own = tabStorage();
  let shownFirst = false;
  await openReaderTab(id, own, {
    release: async i => {
      shownFirst = !!q('[data-testid=article]');
      return releaseStash(i);
    },
  });
  assert.ok(q('[data-testid=article]')!.textContent!.includes('Paragraph 119'));
  await poll(() => stashed().length === 0, 'the stash let go');
  assert.ok(shownFirst, 'the stash was deleted only after the article was on screen');
  await openReaderTab(id, own);
  assert.ok(q('[data-testid=article]')!.textContent!.includes('Paragraph 119'), 'a reload shows it again');
});

test("a long article that does not fit the tab's own storage: shown, and a reload still shows it (the tab holds the stash)", async () => {
  assert.ok(JSON.stringify(LONG).length > QUOTA, 'the test article is longer than the tab can keep');
  const id = await stashForReader({ article: LONG, rules: [], tabId: 1 });
  const own = tabStorage();
  await openReaderTab(id, own);
  assert.ok(q('[data-testid=article]')!.textContent!.includes('Paragraph 999'), 'the whole article is shown');
  await poll(() => stashed().length === 2, 'the hold');
  assert.deepEqual(stashed(), [`reader-hold:${id}`, `reader:${id}`]);
  assert.equal(session.data[`reader-hold:${id}`], 7, 'held by this tab');
  assert.equal(q('[data-testid=reader-not-kept]'), null, 'nothing is lost, so nothing to warn about');
  await openReaderTab(id, own); // a reload
  assert.ok(q('[data-testid=article]')!.textContent!.includes('Paragraph 999'), 'a reload shows it again');
  assert.equal(q('[data-testid=error]'), null);
});

test('a held stash outlives the 60 s sweep while its tab is open; once the tab is closed the next hand-over drops it', async () => {
  const id = await stashForReader({ article: LONG, rules: [], tabId: 1 });
  await openReaderTab(id, tabStorage());
  await poll(() => stashed().length === 2, 'the hold');
  (session.data[`reader:${id}`] as { at: number }).at -= 120_000; // two minutes later
  const second = await stashForReader({ article: SHORT, rules: [], tabId: 1 });
  assert.deepEqual(stashed(), [`reader-hold:${id}`, `reader:${id}`, `reader:${second}`].sort(), 'kept while its tab is open');
  tabs.open.delete(7);
  const third = await stashForReader({ article: SHORT, rules: [], tabId: 1 });
  assert.deepEqual(stashed(), [`reader:${second}`, `reader:${third}`].sort(), 'dropped once its tab is gone');
});

test('when the tab can keep no copy at all, it says so and keeps the article on screen', async () => {
  const id = await stashForReader({ article: LONG, rules: [], tabId: 1 });
  tabs.current = undefined; // holdStash finds no tab to hold it for
  await openReaderTab(id, tabStorage());
  const note = await waitFor('[data-testid=reader-not-kept]');
  assert.match(note.textContent!, /too long for this tab to keep a copy/);
  assert.ok(q('[data-testid=article]')!.textContent!.includes('Paragraph 999'));
  assert.ok(stashed().includes(`reader:${id}`), 'the stash is not deleted either');
});

test('an article too long for storage.session: the popup says it is too long, instead of opening a tab that has nothing', async () => {
  session.quota = 50_000;
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  const api = browserApi();
  api.activeTab = async () => ({ id: 1, url: 'https://news.example.com/a/1' });
  api.inject = async () => {};
  const long = sampleExtracted();
  long.html += LONG.html;
  api.clean = async () => ({ ok: true, extracted: long, ms: 1 });
  render(h(App, { api }), root);
  ((await waitFor('[data-testid=open-reader]')) as HTMLButtonElement).click();
  await poll(() => /too long/.test(q('[data-testid=error]')?.textContent ?? ''), 'the error');
  assert.match(
    q('[data-testid=error]')!.textContent!,
    /^Could not open the reader tab: this article is too long to hand to a reader tab \([\d,]+ characters\)/,
  );
  assert.deepEqual(stashed(), []);
});

async function poll(pred: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (pred()) return;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`${what} never happened: ${JSON.stringify(stashed())} ${popup.dom.window.document.body.innerHTML.slice(0, 500)}`);
}
