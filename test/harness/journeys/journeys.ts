/**
 * The extension's main journeys, written once against the {@link Driver} and run in Chromium
 * (test/e2e/journeys.test.ts) and in Firefox (test/firefox/journeys.test.ts): the clean article on the demo
 * page, the rule and site switches remembered in storage, each export's content (downloads and the
 * clipboard), and the errors. UI strings come from src/_locales in the language the browser's popup speaks.
 * One browser for the whole file (Firefox takes seconds to start).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean } from '../../../src/core/pipeline/index.ts';
import { toHtmlDocument, toMarkdown, toText } from '../../../src/core/export/index.ts';
import { embedImages } from '../../../src/ui/embed-images.ts';
import * as DEMO from '../../helpers/demo.ts';
import { jsdom } from '../../helpers/dom.ts';
import { msg, msgPattern } from '../../helpers/locale.ts';
import { poll } from '../../helpers/poll.ts';
import { useBrowser } from '../suite.ts';
import { norm } from '../../helpers/text.ts';
import { startDriver, type BrowserName, type Driver, type Tab } from '../driver.ts';
import { articleText, clickTestId, flip, hasRetry, pingContent, ruleSwitches, statusText, testIdText, type View } from '../popup.ts';

/**
 * What the core exports for the demo page with default switches, via jsdom (the CLI's DOM). The popup runs
 * the same finishing half (src/core/pipeline/finish.ts: one sanitizing, in the popup) and renders and exports that.
 */
async function coreExports(url: string): Promise<{ txt: string; md: string; html: string }> {
  const dom = jsdom(await (await fetch(url)).text(), url);
  const article = clean(dom.window.document, { url });
  // The .html export embeds the images the extension may fetch (src/ui/embed-images.ts): the demo's picture
  // is on the page's own origin, which the activeTab grant lets the popup read, so it arrives as a data: URL.
  const fetcher = async (src: string) => {
    const res = await fetch(src);
    return { bytes: new Uint8Array(await res.arrayBuffer()), type: res.headers.get('content-type')!.split(';')[0]! };
  };
  const embedded = await embedImages(article.html, fetcher, dom.window as unknown as Window & typeof globalThis);
  assert.equal(embedded.unavailable.length, 0);
  assert.notEqual(embedded.html, article.html, 'the demo has an image to embed');
  return { txt: toText(article), md: toMarkdown(article, dom.window.document), html: toHtmlDocument({ ...article, html: embedded.html }) };
}

/** Registers every journey against a fresh `browser` started for this file. */
export function runJourneys(browser: BrowserName): void {
  let demo: Tab;
  const s = useBrowser<Driver>(server => startDriver(browser, server), {
    setup: async ({ b, server }) => void (demo = await b.newTab(server.url(DEMO.DEMO_PATH))),
  });
  const d = () => s.b;
  const t = (key: string, ...subs: (string | number)[]) => msg(d().locale, key, ...subs);
  const open = (tab?: Tab) => d().open(tab ?? demo);
  const hasRelated = async (view: View) => norm(await articleText(view)).includes(norm(DEMO.RELATED));
  const siteEntry = async () =>
    ((await d().storage()).sites as Record<string, { rules?: Record<string, boolean>; enabled?: boolean }> | undefined)?.[DEMO.TEST_HOST];
  /** A journey that needs what only some browsers offer is skipped, with the reason, elsewhere. */
  const only = (name: BrowserName, why: string) => (browser === name ? {} : { skip: `${name} only: ${why}` });

  // ---- the clean article
  test('the popup shows the clean article without any clutter, and the live page does not change', async () => {
    const before = await demo.html();
    const { view, ms } = await open();
    console.log(`# ${browser} demo page: click → article rendered in ${ms} ms`);
    assert.equal(await testIdText(view, 'error'), '');
    assert.equal(await testIdText(view, 'title'), DEMO.TITLE);
    const text = norm(await articleText(view));
    for (const c of DEMO.CONTENT) assert.ok(text.includes(norm(c)), `article keeps “${c}”`);
    for (const c of DEMO.CLUTTER) assert.ok(!text.includes(norm(c)), `article has no “${c}”`);
    assert.equal(await testIdText(view, 'removed-count'), t('removedMany', DEMO.REMOVED_BLOCKS));
    assert.equal(await testIdText(view, 'moved-count'), ` · ${t('cleanupMovedOne')}`, 'the editor line moved, not removed');
    assert.equal(await demo.html(), before, 'the live page is unchanged after the cleanup');
  });

  test('reading time, site, byline and date are shown in the UI language', async () => {
    const { view } = await open();
    const rt = await testIdText(view, 'reading-time');
    assert.match(rt, msgPattern(d().locale, 'readingTime', 'readingTimeRange'));
    console.log(`# ${browser} demo page: reading time “${rt}”`);
    assert.equal(await testIdText(view, 'site'), DEMO.SITE);
    assert.equal(await testIdText(view, 'byline'), DEMO.BYLINE);
    assert.match(await testIdText(view, 'date'), new RegExp(DEMO.YEAR));
  });

  test('links in the article open in a new tab without opener or referrer; images are kept', async () => {
    const { view } = await open();
    const links = await view.evaluate(w =>
      Array.from(w.document.querySelectorAll('[data-testid=article] a')).map(a => [
        a.getAttribute('href'),
        a.getAttribute('target'),
        a.getAttribute('rel'),
      ]),
    );
    assert.ok(links.length > 0, 'the demo article has a link');
    for (const [href, target, rel] of links) {
      assert.equal(target, '_blank', `${href} opens in a new tab`);
      assert.equal(rel, 'noopener noreferrer');
    }
    const img = await view.evaluate(w => w.document.querySelector('[data-testid=article] img')?.getAttribute('src'));
    assert.equal(img, d().server.url(`${DEMO.DEMO_PATH}${DEMO.IMAGE}`));
  });

  test('clicking twice injects the content script twice but installs nothing twice', async () => {
    const html = await demo.html();
    await open();
    const { view } = await open();
    const ping = await pingContent(view);
    assert.ok(ping.injections >= 2, `injected on every click (${ping.injections})`);
    assert.equal(ping.installs, 1);
    // Each popup injects once and cleans once: a second install would have cleaned twice per request.
    assert.equal(ping.cleans, ping.injections);
    assert.equal(await demo.html(), html);
    assert.equal(await demo.evaluate(() => (window as unknown as { __tracker: number }).__tracker), 1, 'page scripts ran once');
  });

  // ---- the switches
  test('switching a rule off brings its block back at once and stores only that switch', async () => {
    const { view } = await open();
    assert.equal(await hasRelated(view), false);
    assert.equal((await ruleSwitches(view))[DEMO.RELATED_RULE], true);
    await flip(view, DEMO.RELATED_RULE);
    assert.equal(await hasRelated(view), true, 'the related-articles block is back');
    assert.equal(await testIdText(view, 'removed-count'), t('removedMany', DEMO.REMOVED_BLOCKS - 1));
    assert.equal((await ruleSwitches(view))[DEMO.RELATED_RULE], false);
    const stored = await d().storage();
    assert.deepEqual(stored.sites, { [DEMO.TEST_HOST]: { rules: { [DEMO.RELATED_RULE]: false } } });
    assert.equal(typeof stored.schemaVersion, 'number', 'the schema version is stored');
    assert.equal(stored.userRules, undefined, 'defaults are not stored');
  });

  test('the switch survives reopening the popup', async () => {
    const { view } = await open();
    assert.equal((await ruleSwitches(view))[DEMO.RELATED_RULE], false);
    assert.equal(await hasRelated(view), true);
  });

  test(
    'the switch survives a browser restart on the same profile',
    only('chromium', 'Firefox uninstalls a temporary add-on when it quits (TESTING.md)'),
    async () => {
      await d().restart!();
      const { view } = await open();
      assert.equal((await ruleSwitches(view))[DEMO.RELATED_RULE], false);
      assert.equal(await hasRelated(view), true);
      assert.deepEqual((await siteEntry())?.rules, { [DEMO.RELATED_RULE]: false });
    },
  );

  test('switching it on again removes the block and forgets the switch', async () => {
    const { view } = await open();
    await flip(view, DEMO.RELATED_RULE);
    assert.equal(await hasRelated(view), false);
    assert.equal(await testIdText(view, 'removed-count'), t('removedMany', DEMO.REMOVED_BLOCKS));
    // The save and the read run side by side (session.ts change): the article can be on screen before storage has the save.
    await poll('back at the default, nothing stored for the site', async () => (await siteEntry()) === undefined, 10_000);
  });

  test('"clean this site" off keeps every block and disables the rule switches; on again cleans', async () => {
    const { view } = await open();
    await flip(view, '*');
    const text = norm(await articleText(view));
    assert.ok(text.includes(norm(DEMO.RELATED)) && text.includes(norm(DEMO.HOT)), 'no rule ran');
    const disabled = await view.evaluate(w =>
      Array.from(w.document.querySelectorAll<HTMLInputElement>('[data-testid=rule-toggle]')).every(el => el.disabled),
    );
    assert.ok(disabled, 'rule switches are disabled while the site switch is off');
    assert.deepEqual(await siteEntry(), { enabled: false });
    await flip(view, '*');
    assert.equal(norm(await articleText(view)).includes(norm(DEMO.RELATED)), false);
    assert.equal(await siteEntry(), undefined);
  });

  // ---- the exports
  for (const [testId, ext] of [
    ['export-txt', 'txt'],
    ['export-md', 'md'],
    ['export-html', 'html'],
  ] as const) {
    test(`${testId} downloads “${DEMO.TITLE}.${ext}” with exactly the core's export`, async () => {
      const expected = await coreExports(d().server.url(DEMO.DEMO_PATH));
      const { view } = await open();
      const { name, content } = await d().download(view, testId);
      assert.equal(name, `${DEMO.TITLE}.${ext}`);
      assert.equal(content, expected[ext]);
      assert.ok(!content.includes('大家都在看') && !content.includes(DEMO.RELATED), 'no clutter exported');
    });
  }

  test('export-copy puts exactly the text export on the clipboard', async () => {
    const expected = await coreExports(d().server.url(DEMO.DEMO_PATH));
    const { view } = await open();
    await clickTestId(view, 'export-copy');
    // The popup announces the copy in its live region once writeText resolved.
    await poll('the “copied” status', async () => (await statusText(view)) === t('copied'), 5_000);
    assert.equal(await d().clipboard(), expected.txt);
  });

  // ---- the errors
  for (const url of ['chrome://version/', 'about:blank']) {
    test(
      `a browser page (${url}) → “not allowed” error, nothing injected, a retry button`,
      url.startsWith('chrome:') ? only('chromium', 'a chrome:// page') : {},
      async () => {
        const tab = await d().newTab(url);
        const { view } = await open(tab);
        assert.equal(await testIdText(view, 'error'), t('errorRestricted'));
        assert.equal(await testIdText(view, 'article'), '');
        assert.ok(await hasRetry(view), 'a retry button keeps the popup usable');
        await tab.close();
      },
    );
  }

  test('a page without an article → a calm notice (no error, no retry) and the way to read a picked part', async () => {
    const tab = await d().newTab(d().server.url('/not-article/'));
    const { view } = await open(tab);
    assert.equal(await testIdText(view, 'error'), '', 'nothing failed');
    assert.equal(await hasRetry(view), false, 'no retry that cannot help');
    assert.match(await testIdText(view, 'no-article'), new RegExp(t('noArticleTitle')));
    const colours = await view.evaluate(w => {
      const box = w.document.querySelector('[data-testid=no-article]')!;
      return [w.getComputedStyle(box).backgroundColor, w.getComputedStyle(w.document.body).getPropertyValue('--error-bg')];
    });
    assert.notEqual(colours[0], colours[1], 'not in the error colours');
    assert.equal(await testIdText(view, 'article'), '');
    // Nothing picked yet: it says what to do.
    await clickTestId(view, 'pick-part');
    await poll('the hint', async () => (await testIdText(view, 'pick-nothing')) === t('pickNothing'), 5_000);
    await tab.close();
    // On a portal's home page the person selects a part and clicks Jingyue again: that part becomes the article of this view.
    const portal = await d().newTab(d().server.url('/fixtures/zh-portal-homepage-no-article/'));
    await d().open(portal);
    await portal.evaluate(() => {
      const list = document.querySelector('.col-1')!;
      const range = document.createRange();
      range.selectNodeContents(list);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const again = (await open(portal)).view;
    await clickTestId(again, 'pick-part');
    await poll('the picked part', async () => (await testIdText(again, 'article')) !== '', 10_000);
    const picked = await portal.evaluate(() => document.querySelector('.col-1 li')!.textContent!);
    assert.ok(norm(await articleText(again)).includes(norm(picked)), 'the selection is the article');
    assert.equal(await testIdText(again, 'picked-note'), t('pickedNote'));
    await portal.close();
  });

  test('the page navigated away while the popup is open → “page changed” error on the next clean', async () => {
    const tab = await d().newTab(d().server.url(DEMO.DEMO_PATH));
    const { view } = await open(tab);
    assert.equal(await testIdText(view, 'error'), '');
    await tab.goto(d().server.url('/english/'));
    await flip(view, DEMO.RELATED_RULE);
    assert.equal(await testIdText(view, 'error'), t('errorPageGone'));
    // The new page has no content script: nothing was injected behind the person's back.
    await assert.rejects(pingContent(view));
    await tab.close();
  });

  test('a single-page app changed its URL (pushState) → the content script refuses to clean the old page', async () => {
    const tab = await d().newTab(d().server.url(DEMO.DEMO_PATH));
    const { view } = await open(tab);
    await tab.evaluate(() => history.pushState({}, '', '/demo/elsewhere'));
    await flip(view, DEMO.RELATED_RULE);
    assert.equal(await testIdText(view, 'error'), t('errorPageGone'));
    await tab.close();
  });
}
