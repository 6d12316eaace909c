/** The popup rendered in jsdom with a fake api: restricted tabs, the article, a switch that re-cleans and persists. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { h, render } from 'preact';
import { App } from '../../src/popup/components/app.tsx';
import { fakeApi, sampleExtracted, type Fake } from '../helpers/fake-popup-api.ts';

const popup = popupDom();
const waitFor = popup.waitFor;

/** Renders the App afresh and waits until `selector` appears. */
async function mount(fake: Fake, selector: string): Promise<Element> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: fake.api }), root);
  return waitFor(selector);
}
mount.wait = waitFor;

const q = popup.q;

test('a chrome:// tab gets the restricted error and nothing is injected', async () => {
  const fake = fakeApi({ id: 1, url: 'chrome://settings/' });
  const error = await mount(fake, '[data-testid=error]');
  assert.match(error.textContent!, /Browsers don't let extensions read this kind of page/);
  assert.deepEqual(fake.injected, []);
});

test('no tab at all gets its own error', async () => {
  const error = await mount(fakeApi(null), '[data-testid=error]');
  assert.match(error.textContent!, /No open tab found/);
});

test('a web page is injected, cleaned and rendered with title, reading time, summary and safe links', async () => {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' });
  await mount(fake, '[data-testid=article]');
  assert.deepEqual(fake.injected, [7]);
  assert.equal(q('[data-testid=title]')!.textContent, 'Night bus');
  assert.equal(q('[data-testid=reading-time]')!.textContent, '2–3 min read');
  assert.deepEqual(
    [...popup.dom.window.document.querySelectorAll('[data-testid=credit]')].map(e => e.textContent),
    ['Originally from: Night Wire', 'Edited by Ann Lee'],
    'credit lines shown in the header',
  );
  // One block the page half removed; the two credit lines the article stage moved to the header count as moved.
  assert.equal(q('[data-testid=removed-count]')!.textContent, 'Removed 1 block');
  assert.equal(q('[data-testid=moved-count]')!.textContent, ' · 2 credit lines moved under the title');
  const a = q('[data-testid=article] a')!;
  assert.equal(a.getAttribute('target'), '_blank');
  assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
  assert.equal(fake.cleans[0]!.url, 'https://news.example.com/a/1');
});

test('flipping a rule switch re-cleans with it disabled and saves it for the hostname', async () => {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' });
  await mount(fake, '[data-testid=article]');
  (q('[data-testid=rule-toggle][data-rule-id=feed-related]') as HTMLInputElement).click();
  for (let i = 0; i < 100 && !q('[data-testid=article] h3'); i++) await new Promise(r => setTimeout(r, 5));
  assert.deepEqual(fake.cleans.at(-1)!.disabled, ['feed-related']);
  assert.deepEqual(fake.saved.at(-1)!.sites, { 'news.example.com': { rules: { 'feed-related': false } } });
  assert.equal((q('[data-testid=rule-toggle][data-rule-id=feed-related]') as HTMLInputElement).checked, false);
  assert.equal(q('[data-testid=removed-count]')!.textContent, 'No blocks removed');
  assert.equal(q('[data-testid=moved-count]')!.getAttribute('data-count'), '2', 'the credit lines still move to the header');
});

test('a clean that finds no article shows a calm notice, no error and no retry, and offers to read a picked part', async () => {
  const fake = fakeApi({ id: 3, url: 'https://example.com/' }, () => ({ ok: false, error: 'no-article', detail: '' }));
  const notice = await mount(fake, '[data-testid=no-article]');
  assert.match(notice.textContent!, /doesn't look like an article/);
  assert.equal(q('[data-testid=error]'), null, 'not an error');
  assert.equal(q('.error-box'), null, 'no error colours, no retry');
  assert.ok(q('[data-testid=pick-part]'), 'the way forward');
});

test('a switch that cannot be saved still re-cleans, and says it was not saved', async () => {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' });
  fake.api.updateSettings = async () => {
    throw new Error('QUOTA_BYTES quota exceeded');
  };
  await mount(fake, '[data-testid=article]');
  (q('[data-testid=rule-toggle][data-rule-id=feed-related]') as HTMLInputElement).click();
  const error = await mount.wait('[data-testid=error]');
  assert.match(error.textContent!, /couldn't be saved.*QUOTA_BYTES/);
  assert.ok(q('[data-testid=article] h3'), 'the block came back anyway');
});

test('settings written by a newer build are never overwritten', async () => {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' });
  const read = fake.api.readSettings;
  fake.api.readSettings = async () => ({ ...(await read()), newer: true });
  await mount(fake, '[data-testid=article]');
  (q('[data-testid=rule-toggle]') as HTMLInputElement).click();
  const error = await mount.wait('[data-testid=error]');
  assert.match(error.textContent!, /newer version of Jingyue/);
  assert.deepEqual(fake.saved, []);
});

test("an injection that fails shows its error with the browser's detail, and a retry button", async () => {
  const fake = fakeApi({ id: 9, url: 'https://example.com/' });
  fake.api.inject = async () => {
    throw new Error('Something odd happened');
  };
  const error = await mount(fake, '[data-testid=error]');
  assert.match(error.textContent!, /couldn't run on this page.*Something odd happened/);
  assert.ok(q('.error-box button'), 'retry');
  assert.equal(fake.cleans.length, 0);
});

test('retrying after the page navigated away (its URL now withheld) asks for a new click', async () => {
  const tab = { id: 4, url: 'https://news.example.com/a/1' };
  const fake = fakeApi(tab, req => {
    if (!tab.url) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { ok: true, extracted: sampleExtracted(req.disabled), ms: 1 };
  });
  await mount(fake, '[data-testid=article]');
  tab.url = ''; // navigated: activeTab no longer reveals the URL
  (q('[data-testid=rule-toggle]') as HTMLInputElement).click();
  assert.match((await mount.wait('[data-testid=error]')).textContent!, /The page changed or was closed/);
  (q('.error-box button') as HTMLButtonElement).click();
  await new Promise(r => setTimeout(r, 30));
  assert.match(q('[data-testid=error]')!.textContent!, /The page changed or was closed/);
  assert.deepEqual(fake.injected, [4], 'nothing injected on the retry');
});
