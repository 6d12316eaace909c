/**
 * What a page cannot make the extension do, and what the extension sends into a page (issue 16, items
 * 9–12), written once against the {@link Driver} and run in Chromium (test/e2e/page-boundary.test.ts) and
 * Firefox (test/firefox/page-boundary.test.ts), against the canary server, which records every request:
 * - a page whose elements are named after the page scripts' old globals still gets its rule derived;
 * - the extension pages' CSP refuses frames, objects, remote scripts, a <base> and form posts;
 * - images the live page could not load are not fetched again (lazy ones it never asked for are kept);
 * - with "Load images from the web" off, the popup, the reader tab and the .html export fetch no image;
 * - the .html export reads a never-ending image only up to its cap, a few fetches at a time;
 * - the own rules that reach the page are this site's only, without titles or evidence.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowser } from '../suite.ts';
import { poll } from '../../helpers/poll.ts';
import { norm } from '../../helpers/text.ts';
import { startDriver, type BrowserName, type Driver, type Tab } from '../driver.ts';
import { articleText, clickTestId, openSettings, testIdText, type View } from '../popup.ts';
import { serveCanary, type CanaryServer } from '../../hostile/canary-server.ts';
import { PAGES, PROSE } from '../../hostile/hostile-lib.ts';
import { CONTENT_KEY } from '../../../src/page/protocol.ts';
import { networkQuiet } from './hostile.ts';

const PHOTO = fs.readFileSync(path.join(PAGES, 'photo.png'));
const MiB = 1024 * 1024;

/** A news article (the hostile pages' prose) with `extra` markup inside its body, and `head` in <head>. */
function articlePage(title: string, extra: string, head = ''): string {
  const [a, b, c, d, e] = [
    'The harbour town woke slowly on Tuesday, its fishing boats returning with the tide while the bakery on the quay pulled its first trays of bread from the oven.',
    'Last winter a storm tore a forty-metre hole in the sea wall, and for weeks it was unclear whether the shops along the quay could reopen before summer.',
    'Volunteers worked through the spring, hauling stone and repainting shutters, and by May every shop on the quay had its doors open again.',
    'The baker says she never considered leaving. The town has given her family everything, and the least she can do is keep the ovens warm.',
    'On Tuesday evening the lighthouse came on at dusk, as it has every night for a century, and the last customers walked home with bread under their arms.',
  ];
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><main><article><h1>${title}</h1>
<p>${a}</p><p>${b}</p>${extra}<p>${c}</p><p>${d}</p><p>${e}</p></article></main><footer><p>About · Contact</p></footer></body></html>`;
}

/** The `src` of every image in the popup's (or the reader tab's) article, and the placeholders' text. */
const imagesOf = (w: Window = window) => ({
  srcs: Array.from(w.document.querySelectorAll('[data-testid=article] img')).map(i => i.getAttribute('src') ?? ''),
  off: Array.from(w.document.querySelectorAll('[data-testid=article] .image-off')).map(e => e.textContent ?? ''),
});

/** Registers every journey against a fresh `browser` started for this file. */
export function runPageBoundary(browser: BrowserName): void {
  let tab: Tab;
  const s = useBrowser<Driver, CanaryServer>(server => startDriver(browser, server), {
    serve: serveCanary,
    setup: async ({ b, server }) => {
      tab = await b.newTab();
      // Images the test counts: served without caching (the server's put), so every view that shows one asks for it again.
      for (const name of ['ok', 'lazy', 'real', 'real2', 'one', 'two', 'three', 'pixel']) {
        server.put(`/px/${name}.png`, PHOTO, 'image/png');
      }
      // An image that is small to an <img> (the tab's and the popup's: Sec-Fetch-Dest image) and endless to
      // fetch() (the .html export's: dest empty), so only the export's reading is put to the test.
      server.handle('/endless.png', (req, res) => {
        if (req.headers['sec-fetch-dest'] === 'image')
          return void res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(PHOTO);
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
        let closed = false;
        res.on('close', () => {
          closed = true;
        });
        const chunk = Buffer.alloc(64 * 1024, 1);
        const pump = () => {
          while (!closed && endlessSent < 300 * MiB) {
            endlessSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      });
      for (let i = 0; i < 24; i++) {
        server.handle(`/many/${i}.png`, (req, res) => {
          const fetching = req.headers['sec-fetch-dest'] !== 'image';
          if (fetching) {
            inFlight++;
            maxInFlight = Math.max(maxInFlight, inFlight);
          }
          setTimeout(() => {
            res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(PHOTO);
            if (fetching) inFlight--;
          }, 40);
        });
      }
    },
  });
  let endlessSent = 0,
    inFlight = 0,
    maxInFlight = 0;
  const d = () => s.b;
  const url = (p: string) => s.server.url(p);
  /** Opens `p` in the tab, waits until its own loads are over, and returns when that was. */
  async function load(p: string): Promise<number> {
    await tab.goto(url(p));
    await networkQuiet(s.server);
    return Date.now();
  }
  const since = (t: number, match: (p: string) => boolean) =>
    s.server.hits.filter(h => h.at >= t && match(h.path)).map(h => h.path + h.query);

  test("a page whose elements carry the page scripts' old global names: the click gives the article and a removal is saved as a rule", async () => {
    s.server.put(
      '/clobbered/',
      articlePage(
        'Harbour town rebuilds its sea wall',
        '<div id="__jingyueContent">x</div><form id="__jingyueDerive"><input name="derive"></form><img name="__jingyueDerive" alt="">' +
          '<iframe name="__jingyueContent" src="about:blank"></iframe><p class="app-promo">Open the Harbour News app for more stories</p>',
      ),
    );
    await load('/clobbered/');
    const { view } = await d().open(tab);
    assert.equal(await testIdText(view, 'error'), '');
    for (const p of PROSE) assert.ok(norm(await articleText(view)).includes(norm(p)));
    await clickTestId(view, 'edit-mode');
    await poll('blocks', () => view.evaluate(w => w.document.querySelectorAll('[data-testid=block]').length > 0));
    await poll('scope', () =>
      view.evaluate(w => (w.document.querySelector('[data-testid=rule-scope]') as HTMLSelectElement | null)?.value || null),
    );
    await view.evaluate(w =>
      (
        Array.from(w.document.querySelectorAll('[data-testid=block]')).find(b => b.textContent!.includes('Harbour News app')) as HTMLElement
      ).click(),
    );
    await poll('save enabled', () =>
      view.evaluate(w => !(w.document.querySelector('[data-testid=rule-save]') as HTMLButtonElement).disabled),
    );
    await clickTestId(view, 'rule-save');
    const answer = await poll(
      'the save answered',
      () =>
        view.evaluate(
          w => w.document.querySelector('[data-testid=rule-result],[data-testid=rule-refused],[data-testid=error]')?.outerHTML ?? null,
        ),
      30_000,
    );
    assert.match(answer, /data-testid="rule-result"/, `derive.js answered (${answer.slice(0, 200)})`);
    const stored = (await d().storage()) as { userRules?: { remove?: string[] }[] };
    assert.deepEqual(stored.userRules?.[0]?.remove, ['.app-promo']);
    await d().seedStorage({ userRules: [] });
  });

  test("the extension pages' CSP: no frame, object, remote script, <base> or form post loads anything", async () => {
    await load('/hostile/script/');
    const { view } = await d().open(tab);
    const at = Date.now();
    const violations = await view.evaluate(async (w, canary) => {
      const doc = w.document;
      const seen: string[] = [];
      doc.addEventListener('securitypolicyviolation', e => seen.push(e.violatedDirective));
      doc.body.insertAdjacentHTML(
        'beforeend',
        `<iframe src="${canary}?case=csp-iframe"></iframe>` +
          `<object data="${canary}?case=csp-object" type="text/html"></object><embed src="${canary}?case=csp-embed" type="text/html">`,
      );
      const script = doc.createElement('script');
      script.src = `${canary}?case=csp-script`;
      doc.head.append(script);
      const base = doc.createElement('base');
      base.href = `${canary}/base/`;
      doc.head.prepend(base);
      const img = doc.createElement('img');
      img.src = 'relative.png'; // under an honoured <base> this would ask the canary
      doc.body.append(img);
      const form = doc.createElement('form');
      form.action = `${canary}?case=csp-form`;
      form.method = 'get';
      doc.body.append(form);
      // Firefox throws (NS_ERROR_CONTENT_BLOCKED) where Chromium reports the violation and stays.
      try {
        form.submit();
      } catch {
        seen.push('form-action (submit threw)');
      }
      await new Promise(r => setTimeout(r, 600));
      return { seen, img: img.src };
    }, s.server.canary);
    await networkQuiet(s.server, 300);
    console.log(
      `# ${browser} CSP violations reported in the popup: ${violations.seen.join(', ') || 'none'}; the relative image resolved to ${violations.img}`,
    );
    assert.deepEqual(
      s.server.canaryHits(at).map(h => h.query),
      [],
      'nothing reached the canary',
    );
    assert.ok(!violations.img.includes('/canary'), 'the <base> was ignored');
  });

  test('images the live page could not load are left out and not fetched again; lazy and placeholder images are kept', async () => {
    const tall = '<p style="height: 6000px">The tide tables were printed in the church hall, as they have been for a century.</p>';
    s.server.put(
      '/broken/',
      articlePage(
        'Harbour town rebuilds its sea wall',
        // Relative under the page's <base>, which points at the canary: the live page asks there, gets no image, runs onerror.
        `<figure><img src="pic.png" alt="broken under base" onerror="this.setAttribute('data-failed', '1')"><figcaption>Broken</figcaption></figure>` +
          `<picture><source srcset="${s.server.canary}/wide.webp"><img src="${s.server.canary}/wide.jpg" alt="broken picture"></picture>` +
          `<p><img src="/px/ok.png" alt="loaded"></p>` +
          `<p><img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" data-src="/px/real.png" alt="lazy by script"></p>` +
          `<p><img src="/px/missing-blank.gif" data-original="/px/real2.png" alt="lazy with a missing placeholder"></p>` +
          `${tall}<p><img src="/px/lazy.png" loading="lazy" alt="lazy below the fold"></p>`,
        `<base href="${s.server.canary}/elsewhere/">`,
      ),
    );
    const loadedAt = Date.now();
    const at = await load('/broken/');
    assert.ok(
      s.server.canaryHits(loadedAt).some(h => h.path.endsWith('/elsewhere/pic.png')),
      'the live page asked the canary for the broken image',
    );
    assert.deepEqual(
      since(loadedAt, p => p === '/px/lazy.png'),
      [],
      'the live page never asked for the lazy image below the fold',
    );
    const { view } = await d().open(tab);
    const { srcs } = await view.evaluate(imagesOf);
    assert.deepEqual(srcs.map(u => new URL(u).pathname).sort(), ['/px/lazy.png', '/px/ok.png', '/px/real.png', '/px/real2.png']);
    const { content } = await d().download(view, 'export-html');
    assert.ok(!content.includes('/canary'), 'the export neither embeds nor lists the broken images');
    await networkQuiet(s.server, 300);
    assert.deepEqual(
      s.server.canaryHits(at).map(h => h.path),
      [],
      'the popup and the export asked the canary for nothing',
    );
    await d().closePopup();
  });

  test('"Load images from the web" off: the popup, the reader tab and the .html export fetch no image at all', async () => {
    s.server.put(
      '/pixels/',
      articlePage(
        'Harbour town rebuilds its sea wall',
        `<figure><img src="/px/one.png" alt="The quay at dawn"><figcaption>Dawn</figcaption></figure><p><img src="/px/pixel.png" alt=""></p>` +
          `<picture><source srcset="/px/two.png 2x"><img src="/px/three.png" alt="The lighthouse"></picture>`,
      ),
    );
    // On (the default): the popup asks for the article's images itself (no-store), so the channel would show a fetch.
    let at = await load('/pixels/');
    let { view } = await d().open(tab);
    await poll("the popup loading the article's image", async () => since(at, p => p === '/px/one.png').length > 0);
    // The person turns it off in the popup's reading settings.
    await openSettings(view);
    await view.evaluate(w =>
      (w.document.querySelector('[data-testid=reader-settings] [data-pref=remoteImages]') as HTMLInputElement).click(),
    );
    await poll(
      'the setting stored',
      async () => ((await d().storage()).reader as { remoteImages?: boolean } | undefined)?.remoteImages === false,
    );
    await d().closePopup();

    at = await load('/pixels/');
    ({ view } = await d().open(tab));
    const popup = await view.evaluate(imagesOf);
    assert.deepEqual(popup.srcs, [], 'no image in the popup');
    assert.equal(popup.off.length, 3, `three placeholders (${popup.off.join(' | ')})`);
    assert.ok(
      popup.off.some(t => t.includes('The quay at dawn')),
      'a placeholder names its image',
    );
    const { content } = await d().download(view, 'export-html');
    assert.ok(!/\/px\//.test(content), 'the export names no image URL');
    s.server.put('/export/pixels.html', content);
    await clickTestId(view, 'open-reader');
    const reader = await d().readerTab();
    const inReader = await reader.evaluate(imagesOf);
    assert.deepEqual(inReader.srcs, [], 'no image in the reader tab');
    assert.equal(inReader.off.length, 3);
    const file = await d().newTab(url('/export/pixels.html'));
    await networkQuiet(s.server, 300);
    const imagesAsked = since(at, p => p.startsWith('/px/') || p.startsWith('/canary'));
    assert.deepEqual(imagesAsked, [], 'no image was requested by the popup, the reader tab, the export or the exported file');
    await file.close();
    await reader.close();
    await d().seedStorage({ reader: {} });
  });

  test('the .html export reads an endless image only up to its cap and fetches a few images at a time', async () => {
    s.server.put(
      '/heavy/',
      articlePage(
        'Harbour town rebuilds its sea wall',
        `<p><img src="/endless.png" alt="endless"></p>` +
          Array.from({ length: 24 }, (_, i) => `<p><img src="/many/${i}.png" alt="${i}"></p>`).join(''),
      ),
    );
    await load('/heavy/');
    endlessSent = 0;
    maxInFlight = 0;
    const { view } = await d().open(tab);
    const { content } = await d().download(view, 'export-html');
    console.log(
      `# ${browser} export: the endless image sent ${(endlessSent / MiB).toFixed(1)} MiB before the export stopped reading; at most ${maxInFlight} image fetches at once`,
    );
    assert.ok(endlessSent < 5 * MiB + 16 * MiB, `${(endlessSent / MiB).toFixed(1)} MiB read of an endless body`);
    assert.ok(content.includes(url('/endless.png')), 'the endless image is listed as not embedded');
    assert.equal(content.match(/src="data:image\/png;base64,/g)?.length, 24, 'the 24 others are embedded');
    assert.ok(maxInFlight >= 1 && maxInFlight <= 4, `${maxInFlight} fetches at once`);
    await d().closePopup();
  });

  test("the own rules that reach the page are this site's only, without titles or evidence, and they still work there", async () => {
    await d().seedStorage({
      schemaVersion: 1,
      userRules: [
        {
          id: 'mine-127-0-0-1-1',
          title: 'My rule for the test site',
          sites: ['127.0.0.1'],
          remove: ['figure'],
          evidence: `${url('/hostile/script/')} (2026-01-02)`,
        },
        {
          id: 'mine-clinic-1',
          title: 'Clinic portal',
          sites: ['clinic.example.org'],
          remove: ['.ad'],
          evidence: 'https://clinic.example.org/patient/4711/results (2026-01-03)',
        },
      ],
    });
    await load('/hostile/script/');
    const { view } = await d().open(tab);
    assert.ok(
      !norm(await articleText(view)).includes(norm('The quay at dawn, after the repairs')),
      'the own rule removed the figure in the page',
    );
    // Record, in the content script's world, every request the popup sends from now on.
    await spyOnCleans(view);
    await view.evaluate(w =>
      (w.document.querySelector('[data-testid=rule-toggle][data-rule-id=mine-127-0-0-1-1]') as HTMLInputElement).click(),
    );
    const seen = await poll('the re-clean to reach the page', async () => {
      const got = await readSpied(view);
      return got.length ? got : null;
    });
    const rules = (seen[0] as { userRules: Record<string, unknown>[] }).userRules;
    assert.deepEqual(
      rules.map(r => r.id),
      ['mine-127-0-0-1-1'],
      'only the rule for this site',
    );
    assert.deepEqual(Object.keys(rules[0]!).sort(), ['id', 'remove', 'sites'], 'without title or evidence');
    assert.ok(!JSON.stringify(seen).includes('clinic'), "nothing of the other site's rule");
    await d().seedStorage({ userRules: [], sites: {} });
    await d().closePopup();
  });
}

/** Wraps the content script's clean (in its isolated world, from the popup, as the popup calls it) to record each request. */
function spyOnCleans(view: View): Promise<void> {
  return inContentWorld(view, 'spy');
}
/** The requests the spy recorded. */
async function readSpied(view: View): Promise<unknown[]> {
  return (await inContentWorld(view, 'read')) as unknown as unknown[];
}

/** Runs the spy's `what` in the popup's tab's content-script world through scripting.executeScript. */
async function inContentWorld(view: View, what: 'spy' | 'read'): Promise<void> {
  await view.evaluate(() => void ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f));
  return view.evaluate(
    async (w, [key, which]) => {
      const c = (
        w as unknown as {
          chrome: {
            tabs: { query(q: object): Promise<{ id?: number }[]> };
            scripting: {
              executeScript(o: {
                target: { tabId: number };
                func: (k: string, x: string) => unknown;
                args: unknown[];
              }): Promise<{ result?: unknown }[]>;
            };
          };
        }
      ).chrome;
      const [t] = await c.tabs.query({ active: true, currentWindow: true });
      const [first] = await c.scripting.executeScript({
        target: { tabId: t!.id! },
        func: (k: string, x: string) => {
          const api = Object.getOwnPropertyDescriptor(globalThis, Symbol.for(k))?.value as {
            clean(r: unknown): unknown;
            spied?: unknown[];
          };
          if (x === 'read') return api.spied ?? [];
          const clean = api.clean;
          api.spied = [];
          api.clean = (r: unknown) => {
            api.spied!.push(JSON.parse(JSON.stringify(r)));
            return clean(r);
          };
          return null;
        },
        args: [key, which],
      });
      return first?.result as void;
    },
    [CONTENT_KEY, what] as const,
  );
}
