/**
 * `npm run bench:browser`: Jingyue's popup against a throwaway popup that injects plain Readability and
 * renders its HTML, and against a real peer extension, Reader View (../shared/peers/reader-view, MPL-2.0,
 * loaded unchanged from a temp copy: its click injects Readability, then navigates the tab to its reader
 * page, which renders the article into an iframe; ../shared/peers/SOURCE.md), side by side in one headless
 * Chromium, real toolbar clicks (CDP Extensions.triggerAction, ../shared/docs/TESTING.md). The plain
 * extension is built here, with esbuild, into a temp dir.
 *
 * Printed, never asserted (these machines are noisy), medians over interleaved clicks:
 *  - click → article shown: from triggerAction to the first animation frame after the popup holds
 *    [data-testid=article] (the peer: after its reader iframe's body holds the page's first paragraph, the
 *    page's first mustContain line, and the iframe is no longer transparent); on a fresh tab (nothing injected yet: all three), on a reopen (second
 *    click, same tab: the two popups; the peer's second click closes its reader), and the first click after
 *    the browser starts (one browser start per click, one extension loaded: the two popups);
 *  - the clutter each keeps: how many of the page's mustNotContain lines (../shared/pages/<page>/truth.json,
 *    test/fixtures/<page>/expected.json) the shown article holds, for all three;
 *  - in-page CPU: the cleanup against plain Readability (clone + parse), both timed inside the page's
 *    isolated world with performance.now(), same tab, interleaved;
 *  - the page's part as the popup waits for it: from the tab found to the page's answer (performance marks in
 *    both popups), which adds injecting and compiling the content script to the clean (content.js is compiled
 *    when injected: build.mjs's compile hint).
 * The popup is watched over DevTools (no helper extension page: one would warm the extension's process
 * and its compiled code, which is what the first click pays for).
 * usage: npm run bench:browser [-- --runs 12] [--first 12] [--pages seed-inline,seed-aside,zh-listicle-ten-books,en-news-four-modules]
 * A page named `siblings-N` (N short <span> siblings after an article) or `deep-N` (N nested <div>s) is made by
 * test/hostile/pages-gen.ts for the run (`--pages siblings-10000 --runs 3 --first 0`).
 *
 * `--corpus readability,cx163` instead measures the in-page CPU alone on pages the project did not write
 * (../shared/corpus: Readability's 130 test pages, 74 163.com articles): per page one click on each extension
 * (its own, cold run), then `--warm 5` warm runs each, interleaved; it prints the distribution of the
 * per-page ratios (fastest warm run ÷ fastest warm run) and the summed times. `--verbose`: a line per page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright';
import { findChromium } from '../harness/find-chromium.ts';
import { serveStatic } from '../harness/static-server.ts';
import { ANSWER_MARK, TAB_MARK } from '../../src/popup/session.ts';
import { deepNestingPage, MARKER, siblingsPage } from '../hostile/pages-gen.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const OURS = path.join(ROOT, 'extension');
const SHARED = path.resolve(ROOT, '../shared');
/** The peer extension, used unchanged (../shared/peers/SOURCE.md). */
const PEER = path.join(SHARED, 'peers/reader-view');
const argv = process.argv.slice(2);
const opt = (k: string, d: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1]! : d);
const RUNS = Number(opt('--runs', '12'));
const FIRST = Number(opt('--first', '12'));
const PAGES = opt('--pages', 'seed-inline,seed-aside,zh-listicle-ten-books,en-news-four-modules').split(',');
const SEED = path.join(SHARED, 'pages');

/** What a page's truth says: its first paragraph (the peer's "article visible" test) and the clutter it must not keep. */
function truthOf(p: string): { first: string; clutter: string[] } {
  const file = [path.join(SEED, p, 'truth.json'), path.join(ROOT, 'test/fixtures', p, 'expected.json')].find(f => fs.existsSync(f));
  if (!file) return { first: MARKER, clutter: [] }; // generated pages (siblings-N, deep-N) carry MARKER in their article
  const t = JSON.parse(fs.readFileSync(file, 'utf8')) as { mustContain?: string[]; mustNotContain?: string[] };
  return { first: t.mustContain?.[0] ?? MARKER, clutter: t.mustNotContain ?? [] };
}

/** Text compared without its whitespace (markup splits and joins lines differently in each renderer). */
const squash = (s: string) => s.replace(/\s+/g, '');
/** How many of `clutter` the shown text holds. */
const kept = (text: string, clutter: string[]) => {
  const t = squash(text);
  return clutter.filter(c => t.includes(squash(c))).length;
};

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const m = s.length >> 1;
  return !s.length ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const min = (xs: number[]) => Math.min(...xs.filter(Number.isFinite));

/** The comparison extension: a popup that injects Readability, calls it, and renders its HTML. */
async function buildPlain(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'plain-readability-bench',
      version: '1.0',
      permissions: ['activeTab', 'scripting'],
      action: { default_popup: 'popup.html' },
      // Jingyue ships an (empty) service worker too: keep the two alike.
      background: { service_worker: 'background.js' },
    }),
  );
  fs.writeFileSync(path.join(dir, 'background.js'), '');
  fs.writeFileSync(
    path.join(dir, 'popup.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="popup.css"></head><body><div id="root"></div><script src="popup.js"></script></body></html>',
  );
  fs.writeFileSync(
    path.join(dir, 'popup.css'),
    'body { width: 560px; max-height: 580px; margin: 0; padding: 12px 16px; font: 15px/1.7 system-ui, sans-serif; } img { max-width: 100%; height: auto; }',
  );
  const common = { bundle: true, minify: true, format: 'iife', target: 'chrome120', write: true, logLevel: 'silent' } as const;
  await esbuild.build({
    ...common,
    outfile: path.join(dir, 'content.js'),
    stdin: {
      resolveDir: ROOT,
      loader: 'ts',
      contents: `
    import { Readability } from '@mozilla/readability';
    const g = globalThis as any;
    g.__plainReadability = () => {
      const t = performance.now();
      const r = new Readability(document.cloneNode(true) as Document).parse();
      g.__plainLastMs = performance.now() - t; // the click's own run, read back by the bench (cold: first run in this page)
      return r && { title: r.title, content: r.content };
    };
    g.__plainTime = () => { const t = performance.now(); new Readability(document.cloneNode(true) as Document).parse(); return performance.now() - t; };
  `,
    },
  });
  await esbuild.build({
    ...common,
    outfile: path.join(dir, 'popup.js'),
    stdin: {
      resolveDir: ROOT,
      loader: 'ts',
      contents: `
    declare const chrome: any;
    (async () => {
      const root = document.getElementById('root')!;
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      performance.mark('${TAB_MARK}'); // the same marks as Jingyue's popup (src/popup/session.ts)
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
      const [{ result }] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => (globalThis as any).__plainReadability() });
      performance.mark('${ANSWER_MARK}');
      if (!result) { root.setAttribute('data-testid', 'error'); root.textContent = 'No article'; return; }
      const h = document.createElement('h1'); h.textContent = result.title;
      const a = document.createElement('article'); a.setAttribute('data-testid', 'article'); a.innerHTML = result.content;
      root.append(h, a);
    })();
  `,
    },
  });
}

interface Ext {
  name: 'jingyue' | 'plain' | 'peer';
  dir: string;
  id: string;
}

/** A browser with the given extensions; each extension's id from its service worker. */
async function launch(
  exts: { name: Ext['name']; dir: string }[],
  userDataDir: string,
): Promise<{ ctx: BrowserContext; cdp: CDPSession; exts: Ext[] }> {
  const list = exts.map(e => e.dir).join(',');
  const args = [
    `--disable-extensions-except=${list}`,
    `--load-extension=${list}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args,
    viewport: { width: 1100, height: 800 },
  });
  const deadline = Date.now() + 20_000;
  while (ctx.serviceWorkers().length < exts.length && Date.now() < deadline)
    await ctx.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => {});
  const found: Ext[] = [];
  for (const sw of ctx.serviceWorkers()) {
    const name = await sw.evaluate(() => (globalThis as any).chrome.runtime.getManifest().name as string);
    const which = name === 'plain-readability-bench' ? 'plain' : name === 'Reader View' ? 'peer' : 'jingyue';
    const e = exts.find(x => x.name === which);
    if (e) found.push({ ...e, id: new URL(sw.url()).host });
  }
  const cdp = await ctx.browser()!.newBrowserCDPSession();
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return { ctx, cdp, exts: found };
}

/** Sends one DevTools command to a target attached without flattening (the popup is no Playwright page). */
async function inTarget<T>(cdp: CDPSession, sessionId: string, method: string, params: object): Promise<T> {
  const id = Math.floor(Math.random() * 1e9);
  const reply = new Promise<T>((resolve, reject) => {
    const on = (e: { sessionId?: string; message: string }) => {
      const m = JSON.parse(e.message) as { id?: number; result?: T; error?: { message: string } };
      if (e.sessionId !== sessionId || m.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', on);
      if (m.error) reject(new Error(m.error.message));
      else resolve(m.result as T);
    };
    cdp.on('Target.receivedMessageFromTarget', on);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
  return reply;
}

/** Runs in the popup: resolves at the first animation frame after the article (or an error) is in the DOM. */
const WATCH = `new Promise((resolve) => {
  const look = () => {
    const el = document.querySelector('[data-testid=article], [data-testid=error]');
    if (!el) return void setTimeout(look, 2);
    const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
    requestAnimationFrame(() => resolve({ shown: Date.now(), ok: el.getAttribute('data-testid') === 'article', text: el.textContent, page: at('${ANSWER_MARK}') - at('${TAB_MARK}'),
      origin: performance.timeOrigin, dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? NaN }));
  };
  look();
})`;

interface Click {
  total: number;
  open: number;
  dcl: number;
  ok: boolean;
  page: number;
  text: string;
}

/** The real toolbar click on `page` for `ext`; waits until the popup shows the article, then closes the popup. */
async function click(cdp: CDPSession, ext: Ext, page: Page): Promise<Click> {
  await page.bringToFront();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find(t => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  const popupUrl = `chrome-extension://${ext.id}/popup.html`;
  const created = new Promise<string>(resolve => {
    const on = (e: { targetInfo: { targetId: string; url: string; type: string } }) => {
      if (e.targetInfo.type !== 'page' || e.targetInfo.url !== popupUrl) return;
      cdp.off('Target.targetCreated', on);
      cdp.off('Target.targetInfoChanged', on);
      resolve(e.targetInfo.targetId);
    };
    cdp.on('Target.targetCreated', on);
    cdp.on('Target.targetInfoChanged', on);
  });
  const t0 = Date.now();
  await cdp.send('Extensions.triggerAction' as never, { id: ext.id, targetId: tab.targetId } as never);
  const targetId = await Promise.race([
    created,
    new Promise<string>((_, rej) => setTimeout(() => rej(new Error('no popup within 15 s')), 15_000)),
  ]);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  type Seen = { shown: number; ok: boolean; origin: number; dcl: number; page: number; text: string };
  let r = null as Seen | null;
  for (let i = 0; i < 50 && !r; i++) {
    // The first evaluation can land in the popup's initial empty document and be lost to the navigation: retry.
    const res = await inTarget<{ result: { value?: Seen }; exceptionDetails?: unknown }>(cdp, sessionId, 'Runtime.evaluate', {
      expression: WATCH,
      awaitPromise: true,
      returnByValue: true,
    }).catch(() => null);
    if (res?.result.value && Number.isFinite(res.result.value.origin) && res.result.value.origin >= t0 - 1) r = res.result.value;
    else await new Promise(res2 => setTimeout(res2, 10));
  }
  await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  await cdp.send('Target.closeTarget', { targetId }).catch(() => {});
  if (!r) throw new Error('the popup never showed an article or an error');
  return { total: r.shown - t0, open: r.origin - t0, dcl: r.dcl, ok: r.ok, page: r.page, text: r.text };
}

/**
 * Runs in the peer's reader page: resolves at the first animation frame after its iframe's body holds `needle`
 * and the iframe is shown (its stylesheet keeps the iframe at opacity 0 until the page sets body[data-loaded=true]).
 */
const PEER_WATCH = `(needle) => new Promise((resolve) => {
  const look = () => {
    const body = document.querySelector('iframe')?.contentDocument?.body;
    const text = body?.textContent ?? '';
    if (document.body?.dataset.loaded !== 'true' || !text.replace(/\\s+/g, '').includes(needle)) return void setTimeout(look, 2);
    requestAnimationFrame(() => resolve({ shown: Date.now(), text }));
  };
  look();
})`;

/** The real toolbar click of the peer on `page`: waits until its reader (which replaces the page in the tab) shows `first`. */
async function clickPeer(
  cdp: CDPSession,
  ext: Ext,
  page: Page,
  first: string,
): Promise<{ total: number; ok: boolean; text: string; why?: string }> {
  await page.bringToFront();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find(t => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  const reader = page.waitForURL(u => u.protocol === 'chrome-extension:', { waitUntil: 'commit', timeout: 15_000 });
  const t0 = Date.now();
  await cdp.send('Extensions.triggerAction' as never, { id: ext.id, targetId: tab.targetId } as never);
  try {
    await reader;
    const r = await Promise.race([
      page.evaluate(`(${PEER_WATCH})(${JSON.stringify(squash(first))})`) as Promise<{ shown: number; text: string }>,
      new Promise<never>((_, rej) => setTimeout(() => rej(new Error('no article within 15 s')), 15_000)),
    ]);
    return { total: r.shown - t0, ok: true, text: r.text };
  } catch (e) {
    return { total: NaN, ok: false, text: '', why: `${String(e).split('\n')[0]} (at ${page.url().slice(0, 80)})` };
  }
}

/** In-page CPU: steps 1–3 (extract) or plain Readability, timed inside the page's isolated world (after a click granted activeTab). */
async function inPageMs(ctx: BrowserContext, ext: Ext, pageUrl: string): Promise<number> {
  const sw = ctx.serviceWorkers().find(w => new URL(w.url()).host === ext.id)!;
  // tsx (keepNames) wraps function literals in a __name() call; the worker has no such helper. A string
  // goes through DevTools' own evaluate, which the extension CSP does not restrict.
  await sw.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
  return sw.evaluate(
    async ({ name, url }) => {
      const c = (globalThis as any).chrome;
      const tabs = await c.tabs.query({});
      let tab: { id: number } | undefined;
      for (const t of tabs) if (t.url === url) tab = t;
      if (!tab) return NaN;
      const [{ result }] = await c.scripting.executeScript({
        target: { tabId: tab.id },
        args: [name, url],
        func: (which: string, u: string) => {
          const g = globalThis as any;
          const t = performance.now();
          if (which === 'plain') g.__plainTime();
          else if (!g[Symbol.for('jingyue.content')].clean({ url: u, disabled: [], noRules: false, userRules: [] }).ok) return NaN;
          return performance.now() - t;
        },
      });
      return result as number;
    },
    { name: ext.name, url: pageUrl },
  );
}

/** The in-page time of the run the popup's own click caused (the first in a fresh tab: cold code), as each side recorded it. */
async function clickRunMs(ctx: BrowserContext, ext: Ext, pageUrl: string): Promise<number> {
  const sw = ctx.serviceWorkers().find(w => new URL(w.url()).host === ext.id)!;
  await sw.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
  return sw.evaluate(
    async ({ name, url }) => {
      const c = (globalThis as any).chrome;
      const tabs = await c.tabs.query({});
      let tab: { id: number } | undefined;
      for (const t of tabs) if (t.url === url) tab = t;
      if (!tab) return NaN;
      const [{ result }] = await c.scripting.executeScript({
        target: { tabId: tab.id },
        args: [name],
        // Jingyue's content script (under Symbol.for(CONTENT_KEY), src/page/protocol.ts) records its own extract time (whole ms); the plain one records it in __plainLastMs.
        func: (which: string) => {
          const g = globalThis as any;
          return which === 'plain' ? g.__plainLastMs : g[Symbol.for('jingyue.content')].stats.lastCleanMs;
        },
      });
      return result as number;
    },
    { name: ext.name, url: pageUrl },
  );
}

/** The shared corpora by name: where their pages are, and each page's file under it. */
const CORPORA: Record<string, { dir: string; pages: (dir: string) => string[] }> = {
  readability: {
    dir: 'readability-pages',
    pages: dir =>
      fs
        .readdirSync(dir)
        .sort()
        .filter(d => fs.existsSync(path.join(dir, d, 'source.html')))
        .map(d => `${d}/source.html`),
  },
  cx163: {
    dir: 'cx163/RawHtml',
    pages: dir =>
      fs
        .readdirSync(dir)
        .filter(f => f.endsWith('.html'))
        .sort((a, b) => parseInt(a) - parseInt(b)),
  },
};

/** `--corpus`: in-page CPU of the page half against plain Readability on every page of the named corpora. */
async function corpusBench(
  ctx: BrowserContext,
  cdp: CDPSession,
  exts: (Ext & { name: 'jingyue' | 'plain' })[],
  url: (p: string) => string,
  names: string[],
): Promise<void> {
  const WARM = Number(opt('--warm', '5'));
  const verbose = argv.includes('--verbose');
  const quantile = (xs: number[], q: number) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  };
  for (const name of names) {
    const c = CORPORA[name];
    if (!c) throw new Error(`unknown corpus ${name} (known: ${Object.keys(CORPORA).join(', ')})`);
    const dir = path.resolve(ROOT, '../shared/corpus', c.dir);
    const rows: { cold: number; warm: number; j: number; p: number }[] = [];
    let failed = 0;
    for (const [i, file] of c.pages(dir).entries()) {
      const page = await ctx.newPage();
      try {
        // The corpus pages name remote images, fonts and scripts; this machine has no internet: refuse them at once.
        await page.route(
          u => u.hostname !== '127.0.0.1' && u.hostname !== 'localhost',
          r => r.abort(),
        );
        await page.goto(url(`/corpus/${c.dir}/${file}`), { waitUntil: 'domcontentloaded', timeout: 20_000 });
        const order = i % 2 ? [...exts].reverse() : exts;
        for (const ext of order) await click(cdp, ext, page);
        const cold = { jingyue: NaN, plain: NaN },
          warm = { jingyue: [] as number[], plain: [] as number[] };
        for (const ext of exts) cold[ext.name] = await clickRunMs(ctx, ext, page.url());
        for (let k = 0; k < WARM; k++)
          for (const ext of k % 2 ? [...exts].reverse() : exts) warm[ext.name].push(await inPageMs(ctx, ext, page.url()));
        const r = { cold: cold.jingyue / cold.plain, warm: min(warm.jingyue) / min(warm.plain), j: min(warm.jingyue), p: min(warm.plain) };
        if (![r.cold, r.warm].every(Number.isFinite)) throw new Error('no time (no article on one side?)');
        rows.push(r);
        if (verbose)
          console.log(
            `${name}/${file}: the click's run ${cold.jingyue.toFixed(0)} vs ${cold.plain.toFixed(0)} ms = ${r.cold.toFixed(2)}x | fastest warm ${r.j.toFixed(1)} vs ${r.p.toFixed(1)} ms = ${r.warm.toFixed(2)}x`,
          );
      } catch (e) {
        failed++;
        if (verbose) console.log(`${name}/${file}: not measured (${String(e).split('\n')[0]})`);
      } finally {
        await page.close();
      }
    }
    const dist = (k: 'cold' | 'warm') => {
      const xs = rows.map(r => r[k]);
      return `median ${median(xs).toFixed(2)}x (p25 ${quantile(xs, 0.25).toFixed(2)}, p75 ${quantile(xs, 0.75).toFixed(2)}, p90 ${quantile(xs, 0.9).toFixed(2)}; ≤ 1.0 on ${xs.filter(x => x <= 1).length})`;
    };
    const total = (k: 'j' | 'p') => rows.reduce((a, r) => a + r[k], 0);
    console.log(
      `corpus ${name}: ${rows.length} pages measured${failed ? `, ${failed} not` : ''} | in-page CPU, page half ÷ plain Readability: the click's own (cold) run ${dist('cold')}; fastest of ${WARM} warm runs ${dist('warm')}; summed warm ${total('j').toFixed(0)} vs ${total('p').toFixed(0)} ms = ${(total('j') / total('p')).toFixed(2)}x`,
    );
  }
}

async function main(): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-bench-browser-'));
  const plainDir = path.join(tmp, 'plain');
  await buildPlain(plainDir);
  // The peer from a temp copy of ../shared (never the project's tree): Chromium writes into an unpacked extension's folder.
  const peerDir = path.join(tmp, 'reader-view');
  const hasShared = fs.existsSync(SHARED);
  const hasPeer = fs.existsSync(path.join(PEER, 'manifest.json'));
  if (hasPeer) fs.cpSync(PEER, peerDir, { recursive: true });
  if (!hasShared)
    console.log(
      `bench:browser: ../shared is missing (looked for ${SHARED}): no seed pages, no corpora and no peer extension; pages from ../shared are skipped, the peer's row is left out`,
    );
  else if (!hasPeer) console.log(`bench:browser: the peer extension is missing (looked for ${PEER}/manifest.json): its row is left out`);
  const size = (dir: string, f: string) => (fs.statSync(path.join(dir, f)).size / 1024).toFixed(1);
  console.log(
    `bench:browser: Chromium ${findChromium()}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}; ` +
      `content.js ${size(OURS, 'content.js')} KiB vs plain ${size(plainDir, 'content.js')} KiB, popup.js ${size(OURS, 'popup.js')} KiB (its entry only: the UI and the finishing half load as chunks; node build.mjs prints the first-paint bytes) vs plain ${size(plainDir, 'popup.js')} KiB`,
  );
  // Generated pages (siblings-N, deep-N) are written for this run only.
  const generated = path.join(tmp, 'generated');
  for (const p of PAGES) {
    const m = /^(siblings|deep)-(\d+)$/.exec(p);
    if (!m) continue;
    fs.mkdirSync(path.join(generated, p), { recursive: true });
    fs.writeFileSync(
      path.join(generated, p, 'index.html'),
      m[1] === 'siblings' ? siblingsPage(Number(m[2])) : deepNestingPage(Number(m[2])),
    );
  }
  const server = await serveStatic({
    '/seed/': path.resolve(ROOT, '../shared/pages'),
    '/fixtures/': path.join(ROOT, 'test/fixtures'),
    '/corpus/': path.resolve(ROOT, '../shared/corpus'),
    '/generated/': generated,
  });
  const urlOf = (p: string) =>
    server.url(
      fs.existsSync(path.join(generated, p))
        ? `/generated/${p}/`
        : fs.existsSync(path.join(ROOT, 'test/fixtures', p))
          ? `/fixtures/${p}/`
          : `/seed/${p}/`,
    );
  const pages = PAGES.filter(
    p =>
      fs.existsSync(path.join(generated, p)) ||
      fs.existsSync(path.join(ROOT, 'test/fixtures', p)) ||
      fs.existsSync(path.join(SEED, p, 'source.html')),
  );
  for (const p of PAGES)
    if (!pages.includes(p)) console.log(`${p}: no such page (not generated, not in test/fixtures, not in ${SEED}): skipped`);
  try {
    // Fresh tab and reopen, all extensions in one browser, rotating which goes first.
    const wanted = [
      { name: 'jingyue', dir: OURS },
      { name: 'plain', dir: plainDir },
      ...(hasPeer ? [{ name: 'peer', dir: peerDir }] : []),
    ] as { name: Ext['name']; dir: string }[];
    const { ctx, cdp, exts: found } = await launch(wanted, path.join(tmp, 'profile-both'));
    if (found.length !== wanted.length)
      throw new Error(`expected ${wanted.map(e => e.name).join(', ')}, found ${found.map(e => e.name).join(', ')}`);
    const popups = found.filter((e): e is Ext & { name: 'jingyue' | 'plain' } => e.name !== 'peer');
    const peer = found.find(e => e.name === 'peer');
    if (argv.includes('--corpus')) {
      await corpusBench(ctx, cdp, popups, p => server.url(p), opt('--corpus', 'readability,cx163').split(','));
      await ctx.close();
      return;
    }
    const pair = () => ({ jingyue: [] as number[], plain: [] as number[] });
    const all = {
      fresh: pair(),
      reopen: pair(),
      cold: pair(),
      cpu: pair(),
      coldMin: pair(),
      cpuMin: pair(),
      pageFresh: pair(),
      pageReopen: pair(),
      open: pair(),
    };
    const peerAll = { fresh: [] as number[], ours: [] as number[] };
    const clutterAll = { of: 0, jingyue: 0, plain: 0, peer: 0 };
    for (const p of pages) {
      const per = { fresh: pair(), reopen: pair(), cold: pair(), cpu: pair(), pageFresh: pair(), pageReopen: pair(), open: pair() };
      const peerFresh: number[] = [];
      const truth = truthOf(p);
      const clutter = { jingyue: NaN, plain: NaN, peer: NaN };
      let failed = 0,
        peerFailed = 0,
        peerWhy = '';
      for (let i = 0; i < RUNS; i++) {
        for (const ext of [...found.slice(i % found.length), ...found.slice(0, i % found.length)]) {
          const page = await ctx.newPage();
          await page.goto(urlOf(p), { waitUntil: 'load' });
          if (ext.name === 'peer') {
            const c = await clickPeer(cdp, ext, page, truth.first);
            if (!c.ok) {
              peerFailed++;
              peerWhy ||= c.why ?? '';
            } else {
              peerFresh.push(c.total);
              clutter.peer = kept(c.text, truth.clutter);
            }
            await page.close();
            continue;
          }
          const a = await click(cdp, ext, page);
          clutter[ext.name] = kept(a.text, truth.clutter);
          per.cold[ext.name].push(await clickRunMs(ctx, ext, page.url()));
          const b = await click(cdp, ext, page);
          if (!a.ok || !b.ok) failed++;
          per.fresh[ext.name].push(a.total);
          per.reopen[ext.name].push(b.total);
          per.open[ext.name].push(a.open);
          per.pageFresh[ext.name].push(a.page);
          per.pageReopen[ext.name].push(b.page);
          per.cpu[ext.name].push(await inPageMs(ctx, ext, page.url()));
          await page.close();
        }
      }
      for (const k of ['fresh', 'reopen', 'cold', 'cpu', 'pageFresh', 'pageReopen', 'open'] as const)
        for (const n of ['jingyue', 'plain'] as const) all[k][n].push(median(per[k][n]));
      for (const n of ['jingyue', 'plain'] as const) {
        all.coldMin[n].push(min(per.cold[n]));
        all.cpuMin[n].push(min(per.cpu[n]));
      }
      const row = (k: keyof typeof per) =>
        `${k} ${ms(median(per[k].jingyue))} vs ${ms(median(per[k].plain))} = ${(median(per[k].jingyue) / median(per[k].plain)).toFixed(2)}x`;
      if (peer) {
        peerAll.fresh.push(median(peerFresh));
        peerAll.ours.push(median(per.fresh.jingyue));
        console.log(
          `${p}: click→article on a fresh tab, Jingyue vs the peer Reader View (${peerFresh.length} clicks${peerFailed ? `, ${peerFailed} showed no article: ${peerWhy}` : ''}): ` +
            `${ms(median(per.fresh.jingyue))} vs ${ms(median(peerFresh))} = ${(median(per.fresh.jingyue) / median(peerFresh)).toFixed(2)}x (target ≤ 1.0x)`,
        );
      }
      if (truth.clutter.length) {
        clutterAll.of += truth.clutter.length;
        for (const n of ['jingyue', 'plain', 'peer'] as const) clutterAll[n] += Number.isFinite(clutter[n]) ? clutter[n] : 0;
        console.log(
          `${p}: clutter kept of the page's ${truth.clutter.length} mustNotContain lines: Jingyue ${clutter.jingyue}, plain Readability popup ${clutter.plain}${peer ? `, the peer Reader View ${Number.isFinite(clutter.peer) ? clutter.peer : 'n/a (no article)'}` : ''}`,
        );
      }
      // On a loaded machine a run's wall time includes time the page's thread was not running: the fastest run is the better CPU estimate.
      const low = (k: 'cold' | 'cpu') =>
        `fastest ${min(per[k].jingyue).toFixed(1)} vs ${min(per[k].plain).toFixed(1)} ms = ${(min(per[k].jingyue) / min(per[k].plain)).toFixed(2)}x`;
      console.log(
        `${p}: ${RUNS} clicks each | click→article ${row('fresh')}, ${row('reopen')} | in-page: the click's run ${row('cold')} (${low('cold')}), a warm run ${row('cpu')} (${low('cpu')}) | the page's part as the popup waits (inject + clean): ${row('pageFresh')}, ${row('pageReopen')} | click→popup document (fresh tab): ${row('open')}${failed ? ` | ${failed} clicks showed no article` : ''}`,
      );
    }
    const sum = (k: keyof typeof all) => {
      const r = all[k].jingyue.map((x, i) => x / all[k].plain[i]!);
      return `${ms(median(all[k].jingyue))} vs ${ms(median(all[k].plain))}, median page ratio ${median(r).toFixed(2)}x`;
    };
    if (peer) {
      const r = peerAll.ours.map((x, i) => x / peerAll.fresh[i]!);
      console.log(
        `ALL pages, Jingyue vs the peer Reader View: click→article on a fresh tab ${ms(median(peerAll.ours))} vs ${ms(median(peerAll.fresh))}, median page ratio ${median(r).toFixed(2)}x (target ≤ 1.0x)`,
      );
    }
    if (clutterAll.of)
      console.log(
        `ALL pages, clutter kept of ${clutterAll.of} mustNotContain lines: Jingyue ${clutterAll.jingyue}, plain Readability popup ${clutterAll.plain}${peer ? `, the peer Reader View ${clutterAll.peer}` : ''}`,
      );
    console.log(
      `ALL pages (median of per-page medians): click→article fresh tab ${sum('fresh')} (target ≤ 1.2x); reopen ${sum('reopen')}; in-page CPU, page half vs plain Readability: the click's own run (cold) ${sum('cold')} (fastest runs: ${sum('coldMin')}); a warm run ${sum('cpu')} (fastest runs: ${sum('cpuMin')}); the page's part as the popup waits for it (tab found → answer: injecting, compiling and the clean): fresh tab ${sum('pageFresh')}, reopen ${sum('pageReopen')}; click→popup document on a fresh tab (before any script of either popup runs) ${sum('open')}`,
    );
    await ctx.close();

    if (!FIRST) return; // --first 0: no browser starts
    // The first click after the browser starts: one extension per browser, a profile that already has it installed.
    const first = { jingyue: [] as Click[], plain: [] as Click[] };
    const page0 = pages[0]!;
    const profiles = { jingyue: path.join(tmp, 'profile-jingyue'), plain: path.join(tmp, 'profile-plain') };
    for (const name of ['jingyue', 'plain'] as const) {
      const b = await launch([{ name, dir: name === 'plain' ? plainDir : OURS }], profiles[name]);
      await b.ctx.close();
    }
    for (let i = 0; i < FIRST; i++) {
      for (const name of i % 2 ? (['plain', 'jingyue'] as const) : (['jingyue', 'plain'] as const)) {
        const b = await launch([{ name, dir: name === 'plain' ? plainDir : OURS }], profiles[name]);
        const page = b.ctx.pages()[0] ?? (await b.ctx.newPage());
        await page.goto(urlOf(page0), { waitUntil: 'load' });
        first[name].push(await click(b.cdp, b.exts[0]!, page));
        await b.ctx.close();
      }
    }
    const f = (n: 'jingyue' | 'plain', k: keyof Click) => median(first[n].map(c => c[k] as number));
    console.log(
      `first click after browser start (${page0}, ${FIRST} starts each): jingyue ${ms(f('jingyue', 'total'))} vs plain ${ms(f('plain', 'total'))} = ${(f('jingyue', 'total') / f('plain', 'total')).toFixed(2)}x; ` +
        `of which click→popup document: ${ms(f('jingyue', 'open'))} vs ${ms(f('plain', 'open'))}, popup DOMContentLoaded: ${ms(f('jingyue', 'dcl'))} vs ${ms(f('plain', 'dcl'))}`,
    );
  } finally {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
