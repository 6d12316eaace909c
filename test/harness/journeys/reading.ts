/**
 * Issue 18's journeys, written once against the {@link Driver} and run in Chromium (test/e2e/reading.test.ts)
 * and Firefox (test/firefox/reading.test.ts): the article in the first screen of the real popup, the one bar
 * of tools and its names, the download's status, the reader tab's own address (reload, a new tab, a browser
 * restart, an article that is gone), the reading history's off switch, "open in a reader tab" as the
 * default, and remove-blocks mode on a text-only tail line that the saved rule then removes on the site's
 * other page. UI strings come from src/_locales in the language the browser's popup speaks.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as DEMO from '../../helpers/demo.ts';
import { mixedLanguage, msg } from '../../helpers/locale.ts';
import { poll } from '../../helpers/poll.ts';
import { norm } from '../../helpers/text.ts';
import { SHARED_PAGES } from '../pages.ts';
import { useBrowser } from '../suite.ts';
import { startDriver, type BrowserName, type Driver, type Tab } from '../driver.ts';
import { articleText, clickTestId, statusText, testIdText, type View } from '../popup.ts';

/** The first screen's budget: the first paragraph starts at most this far from the popup's top (issue 18). */
export const FIRST_PARAGRAPH_PX = 300;

/**
 * Our own article pages: the demo, the two pages of one template, the English page, the reader page, every article
 * fixture and, when this checkout sits next to ../shared, its seed pages (the measure).
 */
export function ownArticlePages(): string[] {
  const fixtures = fs
    .readdirSync(path.resolve(import.meta.dirname, '../../fixtures'))
    .filter(slug => !/no-article/.test(slug))
    .map(slug => `/fixtures/${slug}/`);
  const seeds = fs.existsSync(SHARED_PAGES) ? fs.readdirSync(SHARED_PAGES).map(slug => `/shared/${slug}/`) : [];
  return [DEMO.DEMO_PATH, '/chenbao/a.html', '/chenbao/b.html', '/english/', '/reader/', ...fixtures, ...seeds];
}

/** Where the article's first paragraph starts, in CSS px from the top of the popup's document (-1: none). */
export function firstParagraphTop(view: View): Promise<number> {
  return view.evaluate(w => {
    const el = Array.from(w.document.querySelectorAll('[data-testid=article] p, [data-testid=article] li')).find(
      e => (e.textContent ?? '').trim().length > 0,
    );
    return el ? Math.round(el.getBoundingClientRect().top + w.scrollY) : -1;
  });
}

/** Registers every reading journey against a fresh `browser` started for this file. */
export function runReadingJourneys(browser: BrowserName): void {
  let demo: Tab;
  const s = useBrowser<Driver>(server => startDriver(browser, server), {
    setup: async ({ b, server }) => void (demo = await b.newTab(server.url(DEMO.DEMO_PATH))),
  });
  const d = () => s.b;
  const t = (key: string, ...subs: (string | number)[]) => msg(d().locale, key, ...subs);
  const only = (name: BrowserName, why: string) => (browser === name ? {} : { skip: `${name} only: ${why}` });
  /** The reader tab for the demo, opened from the popup's bar. */
  const openReaderFromPopup = async (): Promise<Tab> => {
    const { view } = await d().open(demo);
    await clickTestId(view, 'open-reader');
    return d().readerTab();
  };
  const readerArticle = (tab: Tab) => tab.evaluate(() => document.querySelector('[data-testid=article]')?.textContent ?? '');
  const history = async () => {
    const stored = await d().storage();
    return { index: (stored.history ?? []) as { id: string; url: string }[], stored };
  };

  test(`the first paragraph starts ≤ ${FIRST_PARAGRAPH_PX} px from the top of the real popup on our pages`, async () => {
    const offsets: string[] = [];
    for (const p of ownArticlePages()) {
      const tab = await d().newTab(d().server.url(p));
      const { view } = await d().open(tab);
      const top = await firstParagraphTop(view);
      offsets.push(`${p} ${top}`);
      assert.notEqual(top, -1, `${p}: an article paragraph`);
      assert.ok(top <= FIRST_PARAGRAPH_PX, `${p}: the first paragraph starts ${top} px down`);
      await d().closePopup();
      await tab.close();
    }
    console.log(`# ${browser} first paragraph (px from the top):\n# ${offsets.join('\n# ')}`);
  });

  test('one bar of tools: each has an accessible name and a tooltip, the menus say whether they are open', async () => {
    const { view } = await d().open(demo);
    const tools = await view.evaluate(w =>
      Array.from(w.document.querySelectorAll('.toolbar > button, .toolbar > .menu-box > button')).map(b => ({
        id: b.getAttribute('data-testid'),
        name: b.getAttribute('aria-label') ?? b.textContent,
        title: b.getAttribute('title'),
        tab: (b as HTMLButtonElement).tabIndex,
        visible: (b as HTMLElement).getBoundingClientRect().width > 0,
      })),
    );
    assert.deepEqual(
      tools.map(x => x.id),
      ['export-copy', 'export-menu', 'open-reader', 'settings-toggle', 'edit-mode'],
    );
    for (const x of tools) {
      assert.ok(x.name && x.name.trim(), `${x.id} has an accessible name`);
      assert.ok(x.title, `${x.id} has a tooltip`);
      assert.ok(x.visible && x.tab >= 0, `${x.id} is on screen and keyboard-reachable`);
    }
    // The download menu: closed, then open on a click, closed again by Esc.
    const expanded = () => view.evaluate(w => w.document.querySelector('[data-testid=export-menu]')!.getAttribute('aria-expanded'));
    assert.equal(await expanded(), 'false');
    await clickTestId(view, 'export-menu');
    await poll('the menu open', async () => (await expanded()) === 'true', 5_000);
    const shown = await view.evaluate(w =>
      Array.from(w.document.querySelectorAll('#export-menu [role=menuitem]')).map(b => [
        (b as HTMLElement).dataset.testid,
        (b as HTMLElement).getBoundingClientRect().height > 0,
      ]),
    );
    assert.deepEqual(shown, [
      ['export-txt', true],
      ['export-md', true],
      ['export-html', true],
    ]);
    // The open menu takes the focus (its effect, which also listens for Esc, has run): then Esc.
    await poll(
      'the first item focused',
      () => view.evaluate(w => w.document.activeElement?.getAttribute('data-testid') === 'export-txt'),
      5_000,
    );
    await view.evaluate(w =>
      w.document.dispatchEvent(new (w as unknown as typeof globalThis).KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    await poll('the menu closed', async () => (await expanded()) === 'false', 5_000);
    // The cleanup line opens to the switches.
    const line = () => view.evaluate(w => w.document.querySelector('[data-testid=cleanup-line]')!.getAttribute('aria-expanded'));
    assert.equal(await line(), 'false');
    await clickTestId(view, 'cleanup-line');
    await poll('the cleanup panel', async () => (await line()) === 'true', 5_000);
    assert.ok(
      await view.evaluate(w => (w.document.querySelector('[data-testid=site-toggle]') as HTMLElement).getBoundingClientRect().height > 0),
    );
  });

  test('after a download the status says where it went: “saved <file name>”', async () => {
    const { view } = await d().open(demo);
    const { name } = await d().download(view, 'export-md');
    await poll('the saved status', async () => (await statusText(view)) === t('saved', name), 5_000);
    assert.equal(name, `${DEMO.TITLE}.md`);
  });

  let readerUrl = '';
  test('the reader tab has an address of its own: reload it or open it in a new tab and the article is there, kept in the reading history', async () => {
    const reader = await openReaderFromPopup();
    readerUrl = await reader.evaluate(() => location.href);
    const url = new URL(readerUrl);
    const id = url.searchParams.get('id')!;
    assert.match(id, /^[\w-]+$/, readerUrl);
    assert.equal(url.searchParams.get('u'), d().server.url(DEMO.DEMO_PATH), 'the way back is in the address');
    const text = norm(await readerArticle(reader));
    assert.ok(text.includes(norm(DEMO.STORY)));
    const kept = await poll('the history entry', async () => ((await history()).index.some(e => e.id === id) ? history() : null), 10_000);
    assert.equal(kept.index[0]!.url, d().server.url(DEMO.DEMO_PATH));
    assert.ok(kept.stored[`history:${id}`], 'the article itself is stored');
    await reader.close();
    const again = await d().openExtensionPage(readerUrl.slice(readerUrl.indexOf('reader.html')));
    await poll('the article in a new tab', async () => norm(await readerArticle(again)).includes(norm(DEMO.STORY)), 10_000);
    await again.close();
  });

  test(
    "the reader tab's address survives a browser restart",
    only('chromium', 'Firefox uninstalls a temporary add-on when it quits (TESTING.md)'),
    async () => {
      assert.ok(readerUrl, 'the journey above opened a reader tab');
      await d().restart!();
      const tab = await d().openExtensionPage(readerUrl.slice(readerUrl.indexOf('reader.html')));
      await poll('the article after the restart', async () => norm(await readerArticle(tab)).includes(norm(DEMO.STORY)), 10_000);
      assert.equal(await tab.evaluate(() => document.querySelector('[data-testid=title]')?.textContent), DEMO.TITLE);
      await tab.close();
    },
  );

  test('an article that is gone from the history says so and offers the original page', async () => {
    const page = d().server.url(DEMO.DEMO_PATH);
    const tab = await d().openExtensionPage(`reader.html?id=gone-article&u=${encodeURIComponent(page)}`);
    const gone = await poll(
      'the gone notice',
      async () => (await tab.evaluate(() => document.querySelector('[data-testid=reader-gone]')?.textContent ?? '')) || null,
      10_000,
    );
    assert.match(gone, new RegExp(t('readerGoneHistory').slice(0, 8)));
    assert.equal(await tab.evaluate(() => document.querySelector('[data-testid=reader-original]')?.getAttribute('href')), page);
    assert.equal(await tab.evaluate(() => document.querySelector('[data-testid=error]')), null, 'a notice, not an error');
    await tab.close();
  });

  test('reading history off: a reader tab keeps nothing in storage', async () => {
    await d().seedStorage({ ui: { keepHistory: false } });
    const before = (await history()).index.length;
    const reader = await openReaderFromPopup();
    const id = new URL(await reader.evaluate(() => location.href)).searchParams.get('id')!;
    // The tab kept its own copy (sessionStorage) once shown: by then a history write would have started.
    await poll(
      "the tab's own copy",
      () => reader.evaluate(() => Object.keys(sessionStorage).some(k => k.startsWith('jingyue:reader:'))),
      10_000,
    );
    const { index, stored } = await history();
    assert.equal(index.length, before);
    assert.equal(stored[`history:${id}`], undefined);
    await reader.close();
    await d().seedStorage({ ui: {} });
  });

  test('“open articles from this site in a reader tab” on: one toolbar click goes straight to the reader tab', async () => {
    const { view } = await d().open(demo);
    await clickTestId(view, 'cleanup-line');
    await view.evaluate(w => (w.document.querySelector('[data-testid=reader-default-site]') as HTMLInputElement).click());
    await poll(
      'the switch stored',
      async () => ((await d().storage()).sites as Record<string, { reader?: boolean }> | undefined)?.[DEMO.TEST_HOST]?.reader === true,
      5_000,
    );
    await d().closePopup();
    const before = (await d().tabUrls()).filter(u => u.includes('reader.html')).length;
    await d()
      .open(demo)
      .catch(() => null); // the popup closes as the reader tab opens
    await poll(
      'a new reader tab',
      async () => (await d().tabUrls()).filter(u => u.includes('reader.html')).length > before || null,
      10_000,
    );
    const reader = await d().readerTab();
    assert.ok(norm(await readerArticle(reader)).includes(norm(DEMO.STORY)));
    await reader.close();
    await d().seedStorage({ sites: {} });
  });

  test("remove-blocks mode: a text-only tail line in a <div> can be picked and saved; the rule removes it on the site's other page", async () => {
    const TAIL = '城市晨报 · 城事版';
    const a = await d().newTab(d().server.url('/chenbao/a.html'));
    const { view } = await d().open(a);
    assert.ok(norm(await articleText(view)).includes(norm(TAIL)), 'the tail line is part of the article');
    await clickTestId(view, 'edit-mode');
    await poll('the blocks', () => view.evaluate(w => w.document.querySelectorAll('[data-testid=block]').length > 0), 15_000);
    // The tools and the switches step aside; the bar is at the bottom.
    assert.equal(await view.evaluate(w => !!w.document.querySelector('[data-testid=export-copy], [data-testid=site-toggle]')), false);
    const clicked = await view.evaluate((w, tail) => {
      const block = Array.from(w.document.querySelectorAll<HTMLElement>('[data-testid=block]')).find(b =>
        (b.textContent ?? '').includes(tail),
      );
      block?.click();
      return !!block;
    }, TAIL);
    assert.ok(clicked, 'the tail line is a block');
    assert.equal(await testIdText(view, 'pending-count'), t('editBarPending', 1));
    await poll(
      'scope',
      () => view.evaluate(w => (w.document.querySelector('[data-testid=rule-scope]') as HTMLSelectElement | null)?.value || null),
      10_000,
    );
    await clickTestId(view, 'rule-save');
    const result = await poll(
      'saved',
      () =>
        view.evaluate(
          w => w.document.querySelector('[data-testid=rule-result],[data-testid=rule-refused],[data-testid=error]')?.textContent || null,
        ),
      30_000,
    );
    assert.match(result, new RegExp(TAIL.slice(0, 4)), `the save names what it removes: ${result}`);
    assert.doesNotMatch(result, /\.news-tail|\[|>/, 'in words, not CSS');
    await clickTestId(view, 'edit-mode');
    await a.goto(d().server.url('/chenbao/b.html'));
    const b = (await d().open(a)).view;
    assert.ok(!norm(await articleText(b)).includes(norm(TAIL)), 'gone on the other page');
    assert.ok(norm(await articleText(b)).length > 200, 'the article is still there');
    await d().seedStorage({ userRules: [] });
    await a.close();
  });

  test("remove-blocks mode: the bar stays at the popup's bottom (“待移除 N · 撤销 · 保存为我的规则”); a picked figure is named by its caption and “图片”", async () => {
    const CAPTION = '凌晨的西门站，站牌的灯整夜亮着。';
    const { view } = await d().open(demo);
    await clickTestId(view, 'edit-mode');
    await poll('the blocks', () => view.evaluate(w => w.document.querySelectorAll('[data-testid=block]').length > 0), 15_000);
    const picked = await view.evaluate(w => {
      const fig = Array.from(w.document.querySelectorAll<HTMLElement>('[data-testid=block]')).find(b => b.querySelector('img'));
      fig?.click();
      return !!fig;
    });
    assert.ok(picked, 'the figure is a block');
    await poll('one pending', async () => (await testIdText(view, 'pending-count')) === t('editBarPending', 1), 5_000);
    assert.equal(
      await view.evaluate(w => w.document.querySelector('[data-testid=pending] .pending-text')?.textContent),
      t('blockImageCaption', CAPTION),
    );
    const bar = await view.evaluate(w => {
      const el = w.document.querySelector('.edit-bar')!;
      const r = el.getBoundingClientRect();
      return {
        bottom: Math.round(r.bottom),
        height: w.document.documentElement.clientHeight,
        position: w.getComputedStyle(el).position,
        undo: w.document.querySelector('[data-testid=pending-undo-last]')?.textContent?.trim(),
        save: w.document.querySelector('[data-testid=rule-save]')?.textContent?.trim(),
      };
    });
    assert.equal(bar.position, 'sticky');
    assert.ok(Math.abs(bar.bottom - bar.height) <= 1, `the bar sits at the bottom of the popup: ${bar.bottom} of ${bar.height}`);
    assert.equal(bar.undo, t('editBarUndo'));
    assert.equal(bar.save, t('ruleSave'));
    await clickTestId(view, 'pending-undo-last');
    await poll('nothing pending', async () => (await testIdText(view, 'pending-count')) === t('editBarPending', 0), 5_000);
    await clickTestId(view, 'edit-mode');
    await d().closePopup();
  });

  test("the person's rules, switches and settings outlive the reading history: kept past its bound, deleted one by one, all at once, switched off", async () => {
    const mine = {
      schemaVersion: 1,
      userRules: [
        {
          id: 'mine-clinic-1',
          title: 'Clinic portal',
          sites: ['clinic.example.org'],
          remove: ['.ad'],
          evidence: 'https://clinic.example.org/a (2026-01-03)',
        },
      ],
      sites: { 'news.example.org': { enabled: false }, 'daily.example.com': { rules: { 'feed-related': false }, reader: false } },
      reader: { theme: 'sepia' },
    };
    // A full history (the article bound) so the next article read drops the oldest.
    const full: Record<string, unknown> = {};
    // Newest first, as the index is kept: old-0 is the oldest.
    const index = Array.from({ length: 50 }, (_, i) => ({
      id: `old-${i}`,
      url: `https://old.example.org/${i}`,
      title: `Old ${i}`,
      siteName: null,
      at: 1000 + i,
      bytes: 100,
    })).reverse();
    for (const e of index) full[`history:${e.id}`] = { article: { url: e.url, title: e.title, siteName: null, html: '<p>old</p>' } };
    await d().seedStorage({ ...mine, ui: {}, history: index, ...full });
    const kept = (stored: Record<string, unknown>) => ({
      schemaVersion: stored.schemaVersion,
      userRules: stored.userRules,
      sites: stored.sites,
      reader: stored.reader,
    });
    const reader = await openReaderFromPopup();
    // The article just read is the index's newest; the oldest went for it.
    const id = await poll(
      'kept, the oldest dropped',
      async () => {
        const { index: now, stored } = await history();
        const newest = now[0]?.id;
        return newest && !newest.startsWith('old-') && now.length === 50 && !('history:old-0' in stored) && 'history:old-1' in stored
          ? newest
          : null;
      },
      10_000,
    );
    assert.deepEqual(kept(await d().storage()), mine, 'the history bound took nothing of the settings');
    await reader.close();
    const options = await d().openExtensionPage('options.html');
    await poll(
      'the history listed',
      () => options.evaluate(() => document.querySelectorAll('[data-testid=history-entry]').length === 50),
      10_000,
    );
    // The newest first: the one just read.
    assert.equal(await options.evaluate(() => document.querySelector('[data-testid=history-entry]')?.getAttribute('data-id')), id);
    await options.evaluate(() =>
      (document.querySelector('[data-testid=history-entry] [data-testid=history-delete]') as HTMLButtonElement).click(),
    );
    await poll('one deleted', async () => !(await history()).index.some(e => e.id === id), 10_000);
    assert.deepEqual(kept(await d().storage()), mine, 'deleting an article took nothing of the settings');
    await options.evaluate(() => (document.querySelector('[data-testid=history-clear]') as HTMLButtonElement).click());
    await poll('all deleted', async () => (await history()).index.length === 0, 10_000);
    assert.deepEqual(kept(await d().storage()), mine, 'deleting all took nothing of the settings');
    await options.evaluate(() => (document.querySelector('[data-testid=history-keep]') as HTMLInputElement).click());
    await poll(
      'the switch off',
      async () => ((await d().storage()).ui as { keepHistory?: boolean } | undefined)?.keepHistory === false,
      10_000,
    );
    const after = await d().storage();
    assert.deepEqual(kept(after), mine, 'the off switch took nothing of the settings');
    // (Only what the index named: an article an earlier test's seeding orphaned is not the index's.)
    assert.deepEqual(
      Object.keys(after).filter(k => k === `history:${id}` || k.startsWith('history:old-')),
      [],
      'nothing of the history left',
    );
    await options.close();
    await d().seedStorage({ userRules: [], sites: {}, reader: {}, ui: {} });
  });

  test('one language at a time in the real popup and rules page: no control label mixes Chinese and English, every panel open', async () => {
    /** Every control label of `w`'s document outside the article (the page's own words are the page's). */
    const labels = (w: Window): string[] => {
      const out: string[] = [];
      for (const e of Array.from(
        w.document.querySelectorAll('button, a, label, summary, option, legend, [role=menuitem], [aria-label], [title], [placeholder]'),
      )) {
        if (e.closest('[data-testid=article]')) continue;
        out.push(e.getAttribute('aria-label') ?? (e.textContent ?? '').replace(/\s+/g, ' ').trim());
        for (const a of ['title', 'placeholder']) {
          const v = e.getAttribute(a);
          if (v) out.push(v);
        }
      }
      return out.filter(Boolean);
    };
    // A tab's evaluate takes no arguments: the same function, applied to the tab's own window.
    const inTab = new Function(`return (${labels.toString()})(window);`) as () => string[];
    const check = (found: string[], where: string, least = 10) => {
      assert.ok(found.length >= least, `${where}: ${found.length} labels read`);
      assert.deepEqual(found.map(l => mixedLanguage(l, d().locale)).filter(Boolean), [], where);
    };
    const { view } = await d().open(demo);
    await clickTestId(view, 'cleanup-line');
    await poll('the cleanup panel', () => view.evaluate(w => !!w.document.querySelector('[data-testid=site-toggle]')), 5_000);
    await view.evaluate(w =>
      w.document.querySelectorAll('details').forEach(e => {
        e.setAttribute('open', '');
      }),
    );
    await clickTestId(view, 'export-menu');
    await clickTestId(view, 'settings-toggle');
    await poll('the reading settings', () => view.evaluate(w => !!w.document.querySelector('[data-testid=reader-settings]')), 10_000);
    check(await view.evaluate(labels), 'the popup, every panel open');
    await clickTestId(view, 'edit-mode');
    await poll('the remove-blocks bar', () => view.evaluate(w => !!w.document.querySelector('[data-testid=rule-save]')), 15_000);
    check(await view.evaluate(labels), 'remove-blocks mode', 5);
    await clickTestId(view, 'edit-mode');
    await d().closePopup();
    const options = await d().openExtensionPage('options.html');
    await poll('the rules', () => options.evaluate(() => document.querySelectorAll('[data-testid=rule-row]').length > 0), 10_000);
    await options.evaluate(() =>
      document.querySelectorAll('details').forEach(e => {
        e.setAttribute('open', '');
      }),
    );
    check(await options.evaluate(inTab), 'the rules page');
    await options.close();
  });
}
