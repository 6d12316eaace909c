/**
 * The popup's article-first layout in jsdom (issue 18): one bar of named tools, the download menu, the
 * cleanup line and its counts (credit lines moved, not removed), the credit lines folded under one meta line,
 * the long-article offer, "open in a reader tab" as the default, and the exports again at the article's end.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { App } from '../../src/popup/components/app.tsx';
import { fakeApi, sampleExtracted, type Fake } from '../helpers/fake-popup-api.ts';
import { defaultSettings, setReaderTab } from '../../src/settings/index.ts';

const popup = popupDom(['HTMLInputElement', 'KeyboardEvent']);
const { q } = popup;
const qa = (sel: string) => [...popup.dom.window.document.querySelectorAll(sel)];
const until = async <T>(f: () => T | null | undefined | false, what: string): Promise<T> => {
  for (let i = 0; i < 300; i++) {
    const v = f();
    if (v) return v;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`${what} never happened: ${popup.dom.window.document.body.innerHTML.slice(0, 1500)}`);
};
const TAB = { id: 7, url: 'https://news.example.com/a/1' };

async function mount(fake: Fake): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: fake.api }), root);
  await until(() => q('[data-testid=article]'), 'the article');
}

test('one bar: copy, the download menu, the reader tab, reading settings, remove blocks — each named, the menu closed', async () => {
  await mount(fakeApi(TAB));
  const bar = q('.toolbar')!;
  assert.equal(bar.getAttribute('role'), 'toolbar');
  const tools = qa('.toolbar > button, .toolbar > .menu-box > button');
  assert.deepEqual(
    tools.map(b => b.getAttribute('data-testid')),
    ['export-copy', 'export-menu', 'open-reader', 'settings-toggle', 'edit-mode'],
  );
  for (const b of tools) {
    assert.ok(b.getAttribute('aria-label'), `${b.getAttribute('data-testid')} is named`);
    assert.ok(b.getAttribute('title'), 'a tooltip');
    assert.ok(b.querySelector('svg[aria-hidden=true]'), 'an inline icon, hidden from screen readers');
  }
  // The live status sits in the bar.
  assert.ok(bar.querySelector('[role=status][aria-live=polite]'));
  const menu = q('#export-menu') as HTMLElement;
  assert.equal(menu.hidden, true);
  (q('[data-testid=export-menu]') as HTMLButtonElement).click();
  await until(() => !menu.hidden, 'the menu open');
  assert.equal(q('[data-testid=export-menu]')!.getAttribute('aria-expanded'), 'true');
  assert.deepEqual(
    qa('#export-menu [role=menuitem]').map(b => b.getAttribute('data-testid')),
    ['export-txt', 'export-md', 'export-html'],
  );
  // The open menu takes the focus (its effect, which also listens for Esc, has run): then Esc.
  await until(() => popup.dom.window.document.activeElement === q('[data-testid=export-txt]'), 'the first item focused');
  popup.dom.window.document.dispatchEvent(new popup.dom.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await until(() => menu.hidden, 'Esc closes it');
});

test('the cleanup is one line: removed and moved counted apart; it opens to the site switch and the rules that acted', async () => {
  await mount(fakeApi(TAB));
  const line = q('[data-testid=cleanup-line]')!;
  assert.equal(line.textContent, 'Removed 1 block · 2 credit lines moved under the title');
  assert.equal(line.getAttribute('aria-expanded'), 'false');
  assert.equal((q('#cleanup-panel') as HTMLElement).hidden, true);
  (line as HTMLButtonElement).click();
  await until(() => !(q('#cleanup-panel') as HTMLElement).hidden, 'the panel');
  assert.ok(q('[data-testid=site-toggle]'));
  const acted = qa('.cleanup-panel > fieldset > .rule-list [data-testid=rule-toggle]').map(e => e.getAttribute('data-rule-id'));
  assert.deepEqual(acted.sort(), ['feed-related', 'header-lines']);
  // The rules that did nothing here are behind "other rules".
  assert.ok(qa('.other-rules [data-testid=rule-toggle]').length > 0);
  // Names from _locales, not the rule file's two-language title.
  assert.ok(qa('.switch-label').some(e => e.textContent === 'Related articles'));
});

test('one meta line: the credit lines fold behind a toggle under it', async () => {
  await mount(fakeApi(TAB));
  const credits = q('[data-testid=credits]') as HTMLElement;
  assert.equal(credits.hidden, true);
  const toggle = q('[data-testid=credits-toggle]') as HTMLButtonElement;
  assert.equal(toggle.getAttribute('aria-expanded'), 'false');
  toggle.click();
  await until(() => !credits.hidden, 'the credits shown');
  assert.equal(toggle.getAttribute('aria-expanded'), 'true');
});

test("the exports again at the article's end; a download says where it went", async () => {
  const fake = fakeApi(TAB);
  const names: string[] = [];
  fake.api.download = name => void names.push(name);
  await mount(fake);
  const end = q('.article-end .export')!;
  assert.equal(end.querySelectorAll('button').length, 4);
  assert.equal(end.querySelector('[data-testid]'), null, "one control per test id: the bar's");
  (end.querySelectorAll('button')[1] as HTMLButtonElement).click();
  await until(() => names.length, 'the .txt download');
  await until(() => q('[role=status]')!.textContent === 'Saved Night bus.txt', 'the saved status');
});

test('a long article offers the reader tab in words; a short one as an icon', async () => {
  await mount(
    fakeApi(TAB, () => ({
      ok: true,
      extracted: { ...sampleExtracted(), html: `<p>${'A short night on the buses. '.repeat(20)}</p>` },
      ms: 1,
    })),
  );
  assert.equal(q('[data-testid=open-reader]')!.getAttribute('data-offer'), null, 'a short article');
  const long = fakeApi(TAB, () => {
    const ex = sampleExtracted();
    return { ok: true, extracted: { ...ex, html: ex.html + `<p>${'A long night on the buses. '.repeat(150)}</p>` }, ms: 1 };
  });
  await mount(long);
  const offer = q('[data-testid=open-reader]')!;
  assert.equal(offer.getAttribute('data-offer'), 'long');
  assert.equal(offer.textContent, 'Read in a tab');
});

test('"open articles from this site in a reader tab" on: the article goes straight to the reader tab, once', async () => {
  const fake = fakeApi(TAB);
  fake.saved.push(setReaderTab(defaultSettings(), 'news.example.com', true));
  const opened: unknown[] = [];
  fake.api.openReader = async payload => void opened.push(payload);
  await mount(fake);
  await until(() => opened.length, 'the hand-over');
  await new Promise(r => setTimeout(r, 30));
  assert.equal(opened.length, 1);
  // The per-site switch in the cleanup panel shows it on; off again is stored for the host.
  const sw = q('[data-testid=reader-default-site]') as HTMLInputElement;
  assert.equal(sw.checked, true);
  sw.click();
  await until(() => fake.saved.at(-1)!.sites['news.example.com']?.reader === undefined, 'the switch stored off');
});

test('without the switch the popup stays: nothing is handed over', async () => {
  const fake = fakeApi(TAB);
  const opened: unknown[] = [];
  fake.api.openReader = async payload => void opened.push(payload);
  await mount(fake);
  await new Promise(r => setTimeout(r, 30));
  assert.equal(opened.length, 0);
});
