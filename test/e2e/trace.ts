/** The longest main-thread task in one page while an action runs, from a Chromium trace (RunTask events). */
import type { Browser as PwBrowser, Page } from 'playwright';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { data?: { frames?: { processId: number; url: string }[]; url?: string } };
}

/** The longest task and what ran in it ("content script compile/run" when our script was evaluated). */
export interface LongestTask {
  ms: number;
  what: string;
}

/**
 * Traces `action` and returns the longest RunTask on `page`'s renderer main thread. The Long Tasks API does
 * not see extension content-script tasks (they run in an isolated world), so a trace is the honest measure.
 * Tracing itself slows the renderer, so this is an upper bound.
 */
export async function longestTaskDuring(browser: PwBrowser, page: Page, action: () => Promise<unknown>): Promise<LongestTask> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  try {
    await action();
  } finally {
    const buf = await browser.stopTracing();
    var events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const started = events.find((e) => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((f) => f.url === page.url())?.processId;
  if (pid === undefined) return { ms: NaN, what: 'page renderer not found in the trace' };
  const main = events.filter((e) => e.pid === pid && e.tid === pid);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const top = tasks[0];
  if (!top) return { ms: 0, what: 'no task' };
  const inside = main.filter((e) => e.ts >= top.ts && e.ts < top.ts + (top.dur ?? 0));
  const ours = inside.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url?.startsWith('chrome-extension://'));
  return { ms: Math.round((top.dur ?? 0) / 1000), what: ours ? 'content.js compile + first run' : 'the cleanup (message handler)' };
}
