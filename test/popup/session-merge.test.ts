/**
 * The session's merge (src/popup/session.ts + session-merge.ts) on a fake api whose page is the held-out
 * three-page article: page 1 shown first, pages 2 and 3 merged into the article as they land, the status,
 * the per-site switch (off: page 1 alone; stored, other switches kept), remove-blocks mode never merging,
 * and the script choice saved without a new read (and never over settings that could not be read).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { poll } from '../helpers/poll.ts';
import { fakeApi } from '../helpers/fake-popup-api.ts';
import { fileFetch, pagedHtml, pagedUrl } from '../helpers/paged-sites.ts';
import { load } from '../helpers/dom.ts';
import { extract } from '../../src/core/pipeline/index.ts';
import { detectPager, templateSignal } from '../../src/core/pager/index.ts';
import { startSession } from '../../src/popup/session.ts';
import { defaultSettings, setRuleSwitch } from '../../src/settings/index.ts';

popupDom();

/** A fake api on one of the paged sites: content.js's answer from the page, pager.js's from the files. */
function onPage(rel: string) {
  const url = pagedUrl(rel);
  const fake = fakeApi({ id: 7, url }, req => ({
    ok: true,
    extracted: extract(load(pagedHtml(rel), url).doc, { url, disabled: req.disabled, noRules: req.noRules }),
    ms: 1,
  }));
  const fetch = fileFetch();
  const asked: string[] = [];
  fake.api.pager = {
    detectPager: async (_tab, u) => {
      const { doc } = load(pagedHtml(rel), u);
      const p = detectPager(doc, u);
      return { pager: p && { ...p }, template: templateSignal(doc) };
    },
    fetchPage: async (_tab, req) => {
      asked.push(req.url);
      const r = await fetch(req.url);
      return { html: r.html!, finalUrl: r.finalUrl, status: r.status };
    },
  };
  return { fake, asked };
}

test('page 1 first, then the merged article with every page; "Merged 3 pages"; the rules and the reading time cover the whole', async () => {
  const { fake, asked } = onPage('heldout/n4410.html');
  const session = startSession(fake.api);
  const states: string[] = [];
  session.subscribe(s => {
    if (s.article)
      states.push(`${s.pager === null ? '?' : s.pager === 'none' ? 'none' : s.pager.pages}:${s.article.text.includes('市场的改造')}`);
  });
  const done = await poll('merged', async () => (session.state.status === 'Merged 3 pages' ? session.state : null), 10_000);
  assert.equal(states[0], '?:false', 'page 1 is shown before anything is merged');
  assert.deepEqual(done.pager, { pages: 3 });
  assert.ok(done.article!.text.includes('线上订单多了') && done.article!.text.includes('市场的改造'));
  assert.deepEqual(asked, [pagedUrl('heldout/n4410_2.html'), pagedUrl('heldout/n4410_3.html')]);
  assert.ok(done.article!.readingTime.max >= 2);
});

test("the site switch: off → page 1 alone (the pager still found, so the switch shows), saved with the site's other switches; on again → merged", async () => {
  const { fake, asked } = onPage('zh-hans/a8823.shtml');
  fake.saved.push(setRuleSwitch(defaultSettings(), 'paged.example.com', 'feed-related', false));
  const session = startSession(fake.api);
  await poll('merged', async () => session.state.status === 'Merged 3 pages');
  session.setMerge(false);
  await poll('read again, not merged', async () =>
    !session.state.busy && session.state.pager !== null && session.state.status !== 'Merged 3 pages' ? true : null,
  );
  assert.deepEqual(session.state.pager, { pages: 1 });
  assert.ok(!session.state.article!.text.includes('停航的消息传开后'));
  assert.deepEqual(fake.saved.at(-1)!.sites['paged.example.com'], { rules: { 'feed-related': false }, merge: false });
  const before = asked.length;
  session.setMerge(true);
  await poll('merged again', async () => session.state.status === 'Merged 3 pages');
  assert.equal(asked.length, before + 2);
  assert.deepEqual(fake.saved.at(-1)!.sites['paged.example.com'], { rules: { 'feed-related': false } });
});

test('no pager: pager "none" and no status; remove-blocks mode reads page 1 only', async () => {
  const { fake, asked } = onPage('comments/c310.html');
  const session = startSession(fake.api);
  await poll('pager looked for', async () => session.state.pager === 'none');
  assert.equal(session.state.status, '');
  const paged = onPage('zh-hans/a8823.shtml');
  const s2 = startSession(paged.fake.api);
  await poll('merged', async () => s2.state.status === 'Merged 3 pages');
  const fetched = paged.asked.length;
  s2.setEditing(true);
  await poll('the marked read', async () => (!s2.state.busy && s2.state.markedHtml ? true : null));
  await new Promise(r => setTimeout(r, 200));
  assert.equal(paged.asked.length, fetched, 'no fetch in remove-blocks mode');
  assert.ok(!s2.state.article!.text.includes('停航的消息传开后'), 'page 1 only while editing');
  assert.deepEqual(asked, []);
});

test('the script choice is saved for the site without a new read, and never over settings that could not be read', async () => {
  const { fake } = onPage('zh-hant/story-5521.html');
  const session = startSession(fake.api);
  await poll('ready', async () => session.state.phase === 'ready' && session.state.pager !== null);
  const cleans = fake.cleans.length;
  session.setScript('cn');
  await poll('saved', async () => fake.saved.at(-1)?.sites['paged.example.com']?.script === 'cn');
  assert.equal(session.state.settings.sites['paged.example.com']!.script, 'cn');
  assert.equal(fake.cleans.length, cleans, 'no new read');
  const locked = onPage('zh-hant/story-5521.html');
  locked.fake.api.readSettings = async () => ({ settings: defaultSettings(), errors: [], newer: false, unreadable: true });
  const s2 = startSession(locked.fake.api);
  await poll('ready', async () => s2.state.phase === 'ready');
  s2.setScript('tw');
  assert.equal(locked.fake.saved.length, 0, 'nothing written over unreadable settings');
  assert.ok(s2.state.error);
});
