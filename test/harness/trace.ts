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

/** The longest task of each kind on the page's main thread: injecting content.js, and everything else (the cleanup). */
export interface LongestTasks {
  /** The task that compiled and first ran content.js (executeScript). */
  injectMs: number;
  /** The longest other task: the message handler running extract, or page work meanwhile. */
  otherMs: number;
}

/**
 * Traces `action` and returns the longest RunTasks on `page`'s renderer main thread. The Long Tasks API does
 * not see extension content-script tasks (they run in an isolated world), so a trace is the honest measure.
 * Tracing itself slows the renderer, so these are upper bounds.
 */
export async function longestTasksDuring(browser: PwBrowser, page: Page, action: () => Promise<unknown>): Promise<LongestTasks> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  let events: TraceEvent[] = [];
  try {
    await action();
  } finally {
    events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  }
  const started = events.find(e => e.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find(f => f.url === page.url())?.processId;
  if (pid === undefined) throw new Error("the page's renderer is not in the trace");
  const main = events.filter(e => e.pid === pid && e.tid === pid);
  const result: LongestTasks = { injectMs: 0, otherMs: 0 };
  for (const task of main.filter(e => e.name === 'RunTask' && e.ph === 'X')) {
    const end = task.ts + (task.dur ?? 0);
    const injects = main.some(
      e => e.ts >= task.ts && e.ts < end && e.name === 'EvaluateScript' && !!e.args?.data?.url?.startsWith('chrome-extension://'),
    );
    const ms = Math.round((task.dur ?? 0) / 1000);
    if (injects) result.injectMs = Math.max(result.injectMs, ms);
    else result.otherMs = Math.max(result.otherMs, ms);
  }
  return result;
}
