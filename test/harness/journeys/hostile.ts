/**
 * Hostile pages through the real popup, then the exported .html opened as a web page, written once against
 * the {@link Driver} and run in Chromium (test/e2e/hostile.test.ts) and Firefox (test/firefox/hostile.test.ts).
 * A payload that runs sets `__pwned` in the window it runs in and requests /canary; a payload that loads
 * something requests /canary. The live page may run its own scripts (that is the site): its payloads fire
 * while it loads, before the click. From the click on, no canary request may reach the server from anywhere:
 * not from the popup, not from the tab (the content script's world shares it), not from the exported files.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { norm } from '../../helpers/text.ts';
import { useBrowser } from '../suite.ts';
import { poll } from '../../helpers/poll.ts';
import { startDriver, type BrowserName, type Driver, type Tab } from '../driver.ts';
import { articleText, testIdText } from '../popup.ts';
import { serveCanary, type CanaryServer } from '../../hostile/canary-server.ts';
import { caseIds, PAGES, PROSE } from '../../hostile/hostile-lib.ts';

/**
 * What a reader window shows of the payloads: the canary global, prototype keys, clobbered document methods,
 * whether the page's own image loaded, and any element that could run or load. `w` defaults to the window
 * the function runs in, so a tab (evaluate with no argument) and the popup (its window handle) share it.
 */
const stateOf = (w: Window = window) => {
  const g = w as unknown as Record<string, unknown>;
  const d = w.document as unknown as Record<string, unknown>;
  const img = Array.from(w.document.images).find(i => i.src.endsWith('/img/photo.png'));
  return {
    pwned: g.__pwned ?? null,
    proto: Object.keys(Object.getPrototypeOf({}) as object).concat('polluted' in {} ? ['polluted'] : []),
    clobbered: ['removeChild', 'getElementById', 'querySelector', 'createElement']
      .filter(k => typeof d[k] !== 'function')
      .concat(typeof w.location.href === 'string' ? [] : ['location']),
    photo: img ? img.complete && img.naturalWidth > 0 : null,
    scripts: w.document.querySelectorAll('article script, article iframe, article object, article embed, article style').length,
  };
};

/** Resolves once the server has seen no request for `quietMs` (the page's own loads and payloads are done). */
export async function networkQuiet(server: CanaryServer, quietMs = 500): Promise<void> {
  let count = -1,
    since = Date.now();
  await poll(
    'the page to stop loading',
    async () => {
      if (server.hits.length !== count) {
        count = server.hits.length;
        since = Date.now();
      }
      return Date.now() - since >= quietMs;
    },
    20_000,
  );
}

/** Registers every hostile case against a fresh `browser` started for this file. */
export function runHostile(browser: BrowserName): void {
  let tab: Tab;
  /** The two tabs the exported files open in (with and without their CSP). */
  let exportTabs: [Tab, Tab];
  /** One line per case for the closing report. */
  const results: string[] = [];
  const settle = (ms: number) => new Promise(r => setTimeout(r, ms));
  const s = useBrowser<Driver, CanaryServer>(server => startDriver(browser, server), {
    serve: serveCanary,
    setup: async ({ b }) => {
      tab = await b.newTab();
      exportTabs = [await b.newTab(), await b.newTab()];
    },
  });
  after(() =>
    console.log(
      `# ${browser} hostile cases (popup | exported .html | exported .html without its CSP):\n${results.map(r => `#   ${r}`).join('\n')}`,
    ),
  );

  /** Opens `url` in `page` (a new document each time), lets things fire, and returns its state. */
  async function openAsPage(page: Tab, url: string) {
    await page.goto(url);
    await networkQuiet(s.server, 300);
    const state = await page.evaluate(stateOf);
    await page.goto('about:blank');
    return state;
  }

  const photoData = `data:image/png;base64,${fs.readFileSync(path.join(PAGES, 'photo.png')).toString('base64')}`;

  for (const id of caseIds()) {
    test(`hostile ${id}: nothing runs or loads in the popup, nor in the exported .html`, async () => {
      const loaded = Date.now();
      await tab.goto(s.server.url(`/hostile/${id}/`));
      // The page's own payloads fire (the canary answers 204) before the click.
      await networkQuiet(s.server);
      const clicked = Date.now();
      const inPage = s.server.canaryHits(loaded).length;
      const { view, ms } = await s.b.open(tab);
      assert.equal(await testIdText(view, 'error'), '', 'the popup shows the article, not an error');
      const text = norm(await articleText(view));
      for (const p of PROSE) assert.ok(text.includes(norm(p)), `the popup keeps “${p}”`);
      await settle(400); // handlers, autofocus, refresh, media and CSS get their chance
      const popup = await view.evaluate(stateOf);
      assert.equal(popup.pwned, null, 'the popup window has no canary global');
      assert.deepEqual(popup.proto, [], 'Object.prototype is untouched in the popup');
      assert.deepEqual(popup.clobbered, [], 'document methods are not clobbered in the popup');
      assert.equal(popup.scripts, 0);
      assert.deepEqual(
        s.server.canaryHits(clicked).map(h => h.query),
        [],
        'no canary request after the click (popup, content script, tab)',
      );
      if (popup.photo !== null) assert.equal(popup.photo, true, "the page's own image loaded in the popup (the canary channel works)");

      const { content: embedded } = await s.b.download(view, 'export-html');
      await s.b.closePopup();
      // The .html export embeds the page's own image (the activeTab grant, or the Firefox test build's host
      // permission, lets the popup fetch the page's origin). Put its URL back so the exported file still proves
      // the canary channel works: the checks below are about everything else in the file, which is unchanged.
      if (popup.photo) assert.ok(embedded.includes(`src="${photoData}"`), "the page's own image is embedded in the export");
      const content = embedded.split(photoData).join(s.server.url('/img/photo.png'));
      s.server.put(`/export/${id}.html`, content);
      // Without the export's CSP too: the sanitizer alone must hold (the CSP is the second wall, not the first).
      const noCsp = content.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      assert.notEqual(noCsp, content, 'the export has a CSP meta to remove');
      s.server.put(`/export-nocsp/${id}.html`, noCsp);
      // Both at once: a canary request from either fails both, which is what we want anyway.
      const [exported, bare] = await Promise.all([
        openAsPage(exportTabs[0], s.server.url(`/export/${id}.html`)),
        openAsPage(exportTabs[1], s.server.url(`/export-nocsp/${id}.html`)),
      ]);
      for (const [name, r] of [
        ['exported .html', exported],
        ['exported .html without CSP', bare],
      ] as const) {
        assert.equal(r.pwned, null, `${name}: no canary global`);
        assert.deepEqual(r.proto, [], `${name}: Object.prototype untouched`);
        assert.deepEqual(r.clobbered, [], `${name}: document not clobbered`);
        assert.equal(r.photo, true, `${name}: the page's own image loads (the canary channel works)`);
      }
      assert.deepEqual(
        s.server.canaryHits(clicked).map(h => h.query),
        [],
        'no canary request from the exported files',
      );
      results.push(
        `${id}: ${inPage} canary request(s) from the live page itself; popup clean (article in ${ms} ms, page's image ${popup.photo ? 'loaded' : 'not shown'}) | export clean | export without CSP clean`,
      );
    });
  }
}
