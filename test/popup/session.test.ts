/**
 * The popup's session (src/popup/session.ts) on a fake api: one request per read, the one re-ask of the page
 * for a plain Readability run when the never-worse check wants it, and the derivation run with the request
 * of the view on screen.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { startSession, type Session } from '../../src/popup/session.ts';
import type { Extracted } from '../../src/core/types.ts';
import { fakeApi, sampleExtracted } from '../helpers/fake-popup-api.ts';

popupDom(); // the article stage parses and sanitizes with the popup's window

/** Resolves with the state once `session` is not busy: its read answered, or failed. */
function settled(session: Session): Promise<Session['state']> {
  return new Promise(resolve => {
    if (!session.state.busy) return resolve(session.state);
    const stop = session.subscribe(s => {
      if (!s.busy) {
        stop();
        resolve(s);
      }
    });
  });
}

const PROSE = 'The night bus crossed the river again and the driver waved at the baker on the corner. '.repeat(6);
/** Lines around the article that a pick climbing too high takes in (no sentence, so no prose). */
const CLIMBED = '<p>Clip one of the harbour</p><p>Clip two of the bridge</p><p>Clip three of the market</p>';

/** The pruned run as the page answers it when the pick climbed above a pruned block (guard), and the plain run. */
function runs(): { pruned: Extracted; plain: Extracted } {
  const base = sampleExtracted();
  return {
    pruned: {
      ...base,
      html: `<div><p>${PROSE}</p>${CLIMBED}<p>${PROSE.toUpperCase()}</p></div>`,
      guard: { pruned: true, climbed: true },
      removed: [],
    },
    plain: { ...base, html: `<div><p>${PROSE}</p><p>${PROSE.toUpperCase()}</p></div>`, guard: null, removed: [] },
  };
}

test('a suspect pruned pick: the page is asked once more, with the same request and plain: true, and the better plain run is shown', async () => {
  const { pruned, plain } = runs();
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' }, req => ({ ok: true, extracted: req.plain ? plain : pruned, ms: 1 }));
  const state = await settled(startSession(fake.api));
  assert.equal(state.phase, 'ready');
  assert.equal(fake.cleans.length, 2, 'one read, one re-ask');
  const [first, again] = fake.cleans;
  assert.equal(first!.plain, undefined);
  assert.deepEqual(again, { ...first, plain: true }, "the re-ask is the read's own request");
  assert.doesNotMatch(state.article!.text, /Clip one/, 'the plain run, without what the climbed pick took in');
});

test('a re-ask the page cannot answer keeps the pruned article', async () => {
  const { pruned } = runs();
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' }, req =>
    req.plain ? { ok: false, error: 'navigated', detail: '' } : { ok: true, extracted: pruned, ms: 1 },
  );
  const state = await settled(startSession(fake.api));
  assert.equal(state.phase, 'ready');
  assert.equal(fake.cleans.length, 2);
  assert.match(state.article!.text, /Clip one/);
});

test('an unsuspect pick is not asked again', async () => {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' });
  assert.equal((await settled(startSession(fake.api))).phase, 'ready');
  assert.equal(fake.cleans.length, 1);
});

test('the derivation runs the request of the view on screen (its URL, switches and own rules)', async () => {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' });
  fake.saved.push({ ...(await fake.api.readSettings()).settings, sites: { 'news.example.com': { rules: { 'feed-related': false } } } });
  const session = startSession(fake.api);
  await settled(session);
  session.setEditing(true);
  assert.equal((await settled(session)).editing, true);
  const shown = fake.cleans.at(-1)!;
  assert.equal(shown.marks, true, 'the remove-blocks view is read with block marks');
  fake.deriveAnswer = () => ({ ok: false, error: 'nothing to derive' });
  const head = { id: 'mine-news-1', title: 'Mine', sites: ['news.example.com'] };
  await session.derive([{ top: [1], marks: [1], exact: false }], head);
  assert.deepEqual(fake.derives, [
    { url: shown.url, disabled: shown.disabled, userRules: shown.userRules, picks: [{ top: [1], marks: [1], exact: false }], head },
  ]);
  assert.deepEqual(shown.disabled, ['feed-related']);
});
