/** The rules page's Reading section in jsdom (issue 18): the history list, delete one, delete all, the off switch, the reader tab default for all sites. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { RulesPage } from '../../src/options/components/rules-page.tsx';
import { fakeOptionsApi, type FakeOptions } from '../helpers/fake-options-api.ts';

const popup = popupDom(['HTMLInputElement']);
const { q } = popup;
const qa = (sel: string) => [...popup.dom.window.document.querySelectorAll(sel)];
const until = async (f: () => unknown, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (f()) return;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`${what} never happened: ${popup.dom.window.document.body.innerHTML.slice(0, 1500)}`);
};
const entry = (id: string, at: number) => ({
  id,
  url: `https://news.example.com/${id}`,
  title: `Story ${id}`,
  siteName: 'Daily',
  at,
  bytes: 1000,
});

async function mount(history: Record<string, unknown>): Promise<FakeOptions> {
  const fake = fakeOptionsApi({ schemaVersion: 1 });
  fake.history = history;
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(RulesPage, { api: fake.api }), root);
  await until(() => q('[data-testid=reading]'), 'the section');
  return fake;
}

const HISTORY = () => ({
  history: [entry('a', 1), entry('b', 3), entry('c', 2)],
  'history:a': { article: {} },
  'history:b': { article: {} },
  'history:c': { article: {} },
});

test('the kept articles, newest first, each a link to its reader tab', async () => {
  await mount(HISTORY());
  await until(() => qa('[data-testid=history-entry]').length === 3, 'three entries');
  assert.deepEqual(
    qa('[data-testid=history-entry]').map(e => e.getAttribute('data-id')),
    ['b', 'c', 'a'],
  );
  const href = q('[data-testid=history-entry] a')!.getAttribute('href')!;
  assert.equal(href, `reader.html?id=b&u=${encodeURIComponent('https://news.example.com/b')}`);
});

test('delete one: its entry and its article go, the rest stay', async () => {
  const fake = await mount(HISTORY());
  await until(() => qa('[data-testid=history-entry]').length === 3, 'three entries');
  (q('[data-testid=history-entry][data-id=c] [data-testid=history-delete]') as HTMLButtonElement).click();
  await until(() => qa('[data-testid=history-entry]').length === 2, 'two left');
  assert.equal('history:c' in fake.history, false);
  assert.ok(fake.history['history:a'] && fake.history['history:b']);
  assert.match(q('[data-testid=options-status]')!.textContent!, /Deleted “Story c”/);
});

test('delete all', async () => {
  const fake = await mount(HISTORY());
  await until(() => q('[data-testid=history-clear]'), 'the button');
  (q('[data-testid=history-clear]') as HTMLButtonElement).click();
  await until(() => q('[data-testid=history-empty]'), 'empty');
  assert.deepEqual(Object.keys(fake.history), ['history']);
});

test('the off switch: stored first, then what was kept is deleted; nothing listed', async () => {
  const fake = await mount(HISTORY());
  await until(() => qa('[data-testid=history-entry]').length === 3, 'three entries');
  (q('[data-testid=history-keep]') as HTMLInputElement).click();
  await until(() => q('[data-testid=history-off]') && !q('[data-testid=history-entry]'), 'off and empty');
  assert.deepEqual((fake.store.ui as Record<string, unknown>).keepHistory, false);
  assert.deepEqual(Object.keys(fake.history), ['history']);
});

test('a failed switch save deletes nothing', async () => {
  const fake = await mount(HISTORY());
  await until(() => qa('[data-testid=history-entry]').length === 3, 'three entries');
  fake.api.updateSettings = async () => {
    throw new Error('QUOTA_BYTES quota exceeded');
  };
  (q('[data-testid=history-keep]') as HTMLInputElement).click();
  await until(() => q('[data-testid=error]'), 'the error');
  assert.equal(Object.keys(fake.history).length, 4, "the history is the person's: kept");
});

test('"always open articles in a reader tab" is the switch for all sites', async () => {
  const fake = await mount({});
  (q('[data-testid=reader-default-all]') as HTMLInputElement).click();
  await until(() => (fake.store.sites as Record<string, { reader?: boolean }> | undefined)?.['*']?.reader === true, 'stored for "*"');
});
