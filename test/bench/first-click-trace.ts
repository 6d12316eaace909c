/**
 * Where the first click after the browser starts goes: starts Chromium on a profile that already has the
 * extension, opens a seed page, traces one real toolbar click (CDP Extensions.triggerAction) until the popup
 * shows the article, and prints main-thread busy time per process between click and article, plus the
 * popup's and content script's own script work. Printed, never asserted.
 * usage: node --import tsx test/bench/first-click-trace.ts [EXTENSION_DIR] [--page seed-inline]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { findChromium } from '../harness/find-chromium.ts';
import { serveStatic } from '../harness/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const argv = process.argv.slice(2);
const PAGE = argv.includes('--page') ? argv[argv.indexOf('--page') + 1]! : 'seed-inline';
const EXT = argv[0] && !argv[0].startsWith('--') ? path.resolve(argv[0]) : path.join(ROOT, 'extension');
if (EXT === path.join(ROOT, 'extension')) execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: Record<string, any>;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-first-click-'));
const server = await serveStatic({ '/seed/': path.resolve(ROOT, '../shared/pages') });
const args = [
  `--disable-extensions-except=${EXT}`,
  `--load-extension=${EXT}`,
  '--no-first-run',
  '--disable-sync',
  '--disable-component-update',
];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const start = async () => {
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: findChromium(), headless: true, args });
  let [sw] = ctx.serviceWorkers();
  if (!sw) sw = await ctx.waitForEvent('serviceworker', { timeout: 20_000 });
  return { ctx, id: new URL(sw.url()).host };
};
try {
  await (await start()).ctx.close(); // install once: the measured start is a restart, as for a person
  const { ctx, id } = await start();
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(server.url(`/seed/${PAGE}/`), { waitUntil: 'load' });
  const browser = ctx.browser()!;
  const cdp = await browser.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find(t => t.url === page.url())!;
  await browser.startTracing(undefined, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'toplevel'] });
  await page.evaluate(() => console.timeStamp('jingyue-click'));
  const t0 = Date.now();
  await cdp.send('Extensions.triggerAction' as never, { id, targetId: tab.targetId } as never);
  let shownAt = 0;
  for (let i = 0; i < 2000 && !shownAt; i++) {
    const { targetInfos: ts } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
    const popup = ts.find(t => t.url === `chrome-extension://${id}/popup.html`);
    if (!popup) {
      await new Promise(r => setTimeout(r, 5));
      continue;
    }
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
    const reply = new Promise<{ id?: number; result?: { result?: { value?: number } } }>(resolve => {
      const on = (e: { sessionId?: string; message: string }) => {
        const m = JSON.parse(e.message) as { id?: number };
        if (e.sessionId === sessionId && m.id === 1) {
          cdp.off('Target.receivedMessageFromTarget', on);
          resolve(m);
        }
      };
      cdp.on('Target.receivedMessageFromTarget', on);
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: {
          awaitPromise: true,
          returnByValue: true,
          expression: `new Promise(r => { const f = () => document.querySelector('[data-testid=article]') ? requestAnimationFrame(() => r(Date.now())) : setTimeout(f, 2); f(); })`,
        },
      }),
    });
    shownAt = (await reply).result?.result?.value ?? 0;
  }
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const names = new Map<number, string>();
  for (const e of events)
    if (e.ph === 'M' && (e.name === 'process_labels' || e.name === 'process_name'))
      names.set(e.pid, [names.get(e.pid), e.args?.labels ?? e.args?.name].filter(Boolean).join(' '));
  const click = events.find(e => e.name === 'TimeStamp' && e.args?.data?.message === 'jingyue-click')?.ts ?? 0;
  const end = click + (shownAt - t0) * 1000;
  const busy = new Map<string, number>();
  const script: string[] = [];
  for (const e of events) {
    if (e.ph !== 'X' || e.ts < click || e.ts > end) continue;
    const proc = names.get(e.pid) ?? String(e.pid);
    if (e.name === 'ThreadControllerImpl::RunTask' && e.tid === mainTid(events, e.pid))
      busy.set(proc, (busy.get(proc) ?? 0) + (e.dur ?? 0) / 1000);
    const url = String(e.args?.data?.url ?? e.args?.fileName ?? '');
    if (
      /^(v8\.compile|v8\.run|v8\.evaluateModule|v8\.parseOnBackground|EvaluateScript)$/.test(e.name) &&
      (url.startsWith('chrome-extension://') || e.name === 'v8.evaluateModule') &&
      proc.match(/Extension|Renderer$/)
    ) {
      script.push(
        `  +${((e.ts - click) / 1000).toFixed(0)} ms ${e.name} ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${proc} ${url.replace(/^chrome-extension:\/\/[a-p]+\//, '')}`,
      );
    }
  }
  console.log(`first click after start on ${PAGE}: click → article shown ${shownAt - t0} ms (${EXT}); load ${os.loadavg()[0]!.toFixed(1)}`);
  console.log('main-thread busy between click and article, per process:');
  for (const [p, ms] of [...busy].sort((a, b) => b[1] - a[1])) console.log(`  ${ms.toFixed(0).padStart(6)} ms  ${p}`);
  console.log('extension script work (popup, content script):');
  console.log(script.join('\n'));
  await ctx.close();
} finally {
  await server.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

/** A process's main thread: the thread that runs its RunTasks longest (CrRendererMain / CrBrowserMain). */
function mainTid(events: TraceEvent[], pid: number): number {
  const cache = ((mainTid as unknown as { c?: Map<number, number> }).c ??= new Map());
  if (cache.has(pid)) return cache.get(pid)!;
  const named = events.find(
    e => e.ph === 'M' && e.pid === pid && e.name === 'thread_name' && /Cr(Renderer|Browser)Main/.test(String(e.args?.name)),
  );
  const tid = named?.tid ?? pid;
  cache.set(pid, tid);
  return tid;
}
