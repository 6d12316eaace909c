/** The rules page rendered in jsdom with a fake api: list, switch, edit with errors, delete + undo, import, export. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { popupDom } from '../helpers/popup-dom.ts';
import { h, render } from 'preact';
import { bundledRules, parseRules } from '../../src/core/rules/index.ts';
import { RulesPage } from '../../src/options/components/rules-page.tsx';
import { fakeOptionsApi, type FakeOptions } from '../helpers/fake-options-api.ts';
import { addUserRules, defaultSettings } from '../../src/settings/index.ts';
import { newRuleId } from '../../src/settings/own-rules.ts';
import type { Rule } from '../../src/core/rules/types.ts';

const popup = popupDom(['HTMLInputElement', 'InputEvent']);

const PROMO = { id: 'my-promo', title: 'Promo strip', sites: ['example.com'], remove: ['.promo-strip'] };
const SOURCE = { id: 'my-source', title: 'Source line', sites: ['example.com'], labels: ['Source'] };
const STORE = { schemaVersion: 1, userRules: [PROMO, SOURCE], sites: { 'news.example.com': { rules: { 'feed-popular': false } } } };

const q = popup.q;
const qa = (sel: string) => [...popup.dom.window.document.querySelectorAll(sel)];
const tick = (ms = 20) => new Promise(r => setTimeout(r, ms));
async function waitFor(pred: () => unknown, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (pred()) return;
    await tick(5);
  }
  throw new Error(`${what} never happened: ${popup.dom.window.document.body.innerHTML.slice(0, 2000)}`);
}
async function mount(fake: FakeOptions): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(RulesPage, { api: fake.api }), root);
  await waitFor(() => q('[data-testid=rule-row]'), 'rows');
}
const row = (id: string) => q(`[data-testid=rule-row][data-rule-id="${id}"]`)!;
function type(el: Element, value: string): void {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new popup.dom.window.Event('input', { bubbles: true }));
}
/** Sets the file input's file and fires change, as a person choosing a file does. */
function choose(input: Element, name: string, text: string): void {
  const file = new popup.dom.window.File([text], name, { type: 'application/json' });
  Object.defineProperty(file, 'text', { value: async () => text }); // jsdom's File has no text(); browsers' does
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new popup.dom.window.Event('change', { bubbles: true }));
}

test('every bundled rule and every own rule has a row; own rules are grouped by site', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  for (const r of bundledRules().rules) assert.ok(row(r.id), r.id);
  const group = q('[data-testid=site-group][data-site="example.com"]')!;
  assert.deepEqual(
    [...group.querySelectorAll('[data-testid=rule-row]')].map(e => e.getAttribute('data-rule-id')),
    ['my-promo', 'my-source'],
  );
  assert.equal(row('feed-popular').querySelector('[data-testid=rule-edit]'), null, 'bundled rules are read-only');
  assert.ok(
    row('feed-popular').querySelector('[data-testid=rule-site-switch][data-site="news.example.com"]'),
    'the stored per-site switch is listed',
  );
});

test('switching an own rule off for all sites stores it under "*"', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  (row('my-promo').querySelector('[data-testid=rule-switch]') as HTMLInputElement).click();
  await waitFor(() => (fake.store.sites as Record<string, unknown>)['*'], 'save');
  assert.deepEqual((fake.store.sites as Record<string, unknown>)['*'], { rules: { 'my-promo': false } });
  assert.deepEqual(fake.store.userRules, STORE.userRules);
});

test('the editor names the field of an error as you type, refuses to save, then saves a rename', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  (row('my-promo').querySelector('[data-testid=rule-edit]') as HTMLButtonElement).click();
  await waitFor(() => q('[data-testid=rule-editor]'), 'editor');
  type(q('[data-testid=rule-field-remove]')!, '.promo-strip\ndiv >');
  await waitFor(() => q('[data-testid=field-error][data-field=remove]'), 'error');
  // In plain words, never the browser's exception: which line, and what is wrong with it.
  assert.equal(q('[data-testid=field-error][data-field=remove]')!.textContent!, 'Line 2 is not a valid selector.');
  assert.equal((q('[data-testid=rule-editor-save]') as HTMLButtonElement).disabled, true);
  type(q('[data-testid=rule-field-sites]')!, 'com.cn');
  await waitFor(() => q('[data-testid=field-error][data-field=sites]'), 'sites error');
  assert.equal(
    q('[data-testid=field-error][data-field=sites]')!.textContent!,
    'Line 1: “com.cn” is not a website address like sina.com.cn.',
  );
  type(q('[data-testid=rule-field-sites]')!, 'example.com');
  type(q('[data-testid=rule-field-remove]')!, '.promo-strip');
  type(q('[data-testid=rule-field-title]')!, 'The promo strip');
  await waitFor(() => !(q('[data-testid=rule-editor-save]') as HTMLButtonElement).disabled, 'valid');
  (q('[data-testid=rule-editor-save]') as HTMLButtonElement).click();
  await waitFor(() => !q('[data-testid=rule-editor]'), 'closed');
  assert.deepEqual((fake.store.userRules as { title: string }[])[0], { ...PROMO, title: 'The promo strip' });
});

test('delete, then undo: the rule is back where it was', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  (row('my-promo').querySelector('[data-testid=rule-delete]') as HTMLButtonElement).click();
  await waitFor(() => !q('[data-rule-id="my-promo"]') && q('[data-testid=undo]'), 'deleted');
  assert.deepEqual(
    (fake.store.userRules as { id: string }[]).map(r => r.id),
    ['my-source'],
  );
  (q('[data-testid=undo]') as HTMLButtonElement).click();
  await waitFor(() => (fake.store.userRules as unknown[]).length === 2, 'restored');
  assert.deepEqual(fake.store.userRules, STORE.userRules);
});

test('export downloads exactly the file the CLI reads', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  (q('[data-testid=rules-export]') as HTMLButtonElement).click();
  const [d] = fake.downloads;
  assert.equal(d!.fileName, 'jingyue-rules.json');
  assert.deepEqual(JSON.parse(d!.content), { version: 1, rules: STORE.userRules });
  assert.deepEqual(parseRules(d!.content, 'x').errors, []);
});

test('a broken file changes nothing stored and names the rule id and field', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  const before = JSON.stringify(fake.store);
  choose(
    q('[data-testid=rules-import]')!,
    'bad.json',
    JSON.stringify({
      version: 1,
      rules: [PROMO, { ...SOURCE, id: 'ok-id', labels: [42] }, { ...PROMO, id: 'nowhere', sites: ['com.cn'] }],
    }),
  );
  await waitFor(() => q('[data-testid=import-errors]'), 'errors');
  const text = q('[data-testid=import-errors]')!.textContent!;
  assert.match(text, /rule ok-id, field labels/);
  assert.match(text, /rule nowhere, field sites\[0\]/);
  assert.equal(JSON.stringify(fake.store), before);
});

test('import: an id clash is asked about (keep both / replace); a bundled id is never overwritten', async () => {
  const fake = fakeOptionsApi(structuredClone(STORE));
  await mount(fake);
  const file = {
    version: 1,
    rules: [
      { ...PROMO, title: 'Imported promo' },
      { ...SOURCE, id: 'feed-popular', title: 'Not the bundled one' },
    ],
  };
  choose(q('[data-testid=rules-import]')!, 'mine.json', JSON.stringify(file));
  await waitFor(() => q('[data-testid=import-clash]'), 'question');
  assert.match(q('[data-testid=import-clash]')!.textContent!, /my-promo/);
  (q('[data-testid=import-replace]') as HTMLButtonElement).click();
  await waitFor(() => q('[data-testid=import-report]'), 'report');
  const ids = (fake.store.userRules as { id: string; title: string }[]).map(r => `${r.id}:${r.title}`);
  assert.deepEqual(ids, ['my-promo:Imported promo', 'my-source:Source line', 'feed-popular-2:Not the bundled one']);
  assert.match(
    q('[data-testid=import-report]')!.textContent!,
    /“feed-popular” was already taken, so the imported rule is now “feed-popular-2”/,
  );
  // Keep both on a second import of the same file.
  choose(q('[data-testid=rules-import]')!, 'mine.json', JSON.stringify(file));
  await waitFor(() => q('[data-testid=import-keep-both]'), 'question 2');
  (q('[data-testid=import-keep-both]') as HTMLButtonElement).click();
  await waitFor(() => (fake.store.userRules as unknown[]).length === 5, 'both kept');
});

test('a store from a newer build: the page shows it, every control is disabled, nothing is written', async () => {
  const fake = fakeOptionsApi({ ...structuredClone(STORE), schemaVersion: 99 });
  await mount(fake);
  assert.match(q('[data-testid=error]')!.textContent!, /newer version of Jingyue/);
  assert.equal((q('fieldset.page-body') as HTMLFieldSetElement).disabled, true);
  const before = JSON.stringify(fake.store);
  await fake.api.updateSettings(s => s).catch(() => {});
  assert.equal(JSON.stringify(fake.store), before);
});

test('undo of a delete after the popup reused the freed id: the rule comes back under a fresh id, and the page says so', async () => {
  // A rule made in the popup's remove-blocks mode: its id is the first free "mine-<site>-<n>".
  const made = { id: newRuleId(defaultSettings(), 'example.com'), title: 'Picked blocks', sites: ['example.com'], remove: ['.picked'] };
  const fake = fakeOptionsApi({ ...structuredClone(STORE), userRules: [made, SOURCE] });
  await mount(fake);
  (row(made.id).querySelector('[data-testid=rule-delete]') as HTMLButtonElement).click();
  await waitFor(() => !q(`[data-rule-id="${made.id}"]`) && q('[data-testid=undo]'), 'deleted');
  // Meanwhile the popup saves a new rule for the same site: newRuleId hands out the freed id again.
  const again = { id: '', title: 'Newer picks', sites: ['example.com'], remove: ['.newer'] };
  await fake.api.updateSettings(s => addUserRules(s, [{ ...again, id: newRuleId(s, 'example.com') }]).settings);
  assert.equal((fake.store.userRules as Rule[]).at(-1)!.id, made.id, 'the freed id was reused');
  (q('[data-testid=undo]') as HTMLButtonElement).click();
  await waitFor(
    () => (fake.store.userRules as unknown[]).length === 3 && q('[data-testid=options-status]')!.textContent!.startsWith('Restored'),
    'restored',
  );
  const stored = fake.store.userRules as Rule[];
  assert.deepEqual(
    stored.map(r => `${r.id}:${r.title}`),
    [`${made.id}-2:Picked blocks`, 'my-source:Source line', `${made.id}:Newer picks`],
  );
  assert.equal(
    q('[data-testid=options-status]')!.textContent,
    `Restored “Picked blocks” under the new id “${made.id}-2”: its id “${made.id}” was taken by a rule made meanwhile.`,
  );
});

test('quarantine delete from a stale view removes exactly the entries shown; undo brings back exactly those', async () => {
  const shown = { rule: { id: 'old-bad', title: 'x', sites: ['*'] }, errors: ['userRules: rule old-bad: nothing to remove'] };
  const fake = fakeOptionsApi({ ...structuredClone(STORE), quarantine: [shown] });
  await mount(fake);
  await waitFor(() => q('[data-testid=quarantine]'), 'quarantine shown');
  // Set aside after this page loaded (the popup read a rule this browser's selector parser rejects).
  const later = {
    rule: { id: 'new-bad', title: 'y', sites: ['*'], remove: ['div[['] },
    errors: ['userRules: rule new-bad, field remove[0]: invalid CSS selector'],
  };
  await fake.api.updateSettings(s => ({ ...s, quarantine: [...s.quarantine, later] }));
  (q('[data-testid=quarantine] button') as HTMLButtonElement).click();
  await waitFor(() => (fake.store.quarantine as unknown[] | undefined)?.length === 1 && q('[data-testid=undo]'), 'deleted');
  assert.deepEqual(fake.store.quarantine, [later], 'the entry set aside since is kept');
  (q('[data-testid=undo]') as HTMLButtonElement).click();
  await waitFor(() => (fake.store.quarantine as unknown[]).length === 2, 'undone');
  assert.deepEqual(fake.store.quarantine, [shown, later]);
});
