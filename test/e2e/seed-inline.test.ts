/**
 * Acceptance on the shared seed page (../shared/pages/seed-inline, not part of the project: skipped with a
 * message when absent): the popup's article holds every mustContain and no mustNotContain of truth.json.
 * Measures and prints the click → article time and the longest main-thread task the cleanup causes in the page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { SHARED_PAGES } from '../harness/pages.ts';
import { closePopup, launch, openPopup, reopenPopup } from '../harness/chromium.ts';
import { articleText, pingContent } from '../harness/popup.ts';
import { norm } from '../helpers/text.ts';
import { useBrowser } from '../harness/suite.ts';
import { longestTasksDuring } from '../harness/trace.ts';

const SEED = path.join(SHARED_PAGES, 'seed-inline');
const present = fs.existsSync(path.join(SEED, 'truth.json'));
if (!present) console.log(`# seed-inline: ${SEED} not found, acceptance test skipped (it needs ../shared next to the repo)`);

const s = useBrowser(() => launch(), { skip: !present });

/** Installs a Long Tasks observer in the page before the click; the page reads back the longest task. */
const observeLongTasks = () => {
  const w = window as unknown as { __longest: number };
  w.__longest = 0;
  new PerformanceObserver(list => {
    for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
  }).observe({ type: 'longtask' });
};

test('seed-inline: every mustContain, no mustNotContain; click → render time and longest task printed', { skip: !present }, async () => {
  const truth = JSON.parse(fs.readFileSync(path.join(SEED, 'truth.json'), 'utf8')) as { mustContain: string[]; mustNotContain: string[] };
  const page = await s.b.ctx.newPage();
  await page.goto(s.server.url('/shared/seed-inline/'));
  await page.evaluate(observeLongTasks);
  // The very first click, traced: the content script is compiled and run cold, the worst case for the page.
  let first!: Awaited<ReturnType<typeof openPopup>>;
  const traced = await longestTasksDuring(s.b.ctx.browser()!, page, async () => (first = await openPopup(s.b, page)));
  const text = norm(await articleText(first.view));
  const missing = truth.mustContain.filter(s => !text.includes(norm(s)));
  const leaked = truth.mustNotContain.filter(s => text.includes(norm(s)));
  assert.deepEqual(missing, [], 'mustContain paragraphs missing from the popup');
  assert.deepEqual(leaked, [], 'mustNotContain snippets in the popup');
  await new Promise(r => setTimeout(r, 100)); // let the observer deliver the last entries
  const longest = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  const cold = (await pingContent(first.view)).lastCleanMs;
  // Untraced: reopening on the same page, then a click on a fresh tab of the same page.
  const reopened: number[] = [];
  let last = first.view;
  for (let i = 0; i < 2; i++) {
    const r = await reopenPopup(s.b, page);
    reopened.push(r.ms);
    last = r.view;
  }
  const warm = (await pingContent(last)).lastCleanMs;
  await closePopup(s.b);
  const fresh = await s.b.ctx.newPage();
  await fresh.goto(s.server.url('/shared/seed-inline/'));
  const freshMs = (await openPopup(s.b, fresh)).ms;
  console.log(
    `# seed-inline: click → article rendered in the popup: ${first.ms} ms first click (traced), ` +
      `${freshMs} ms on a fresh tab, ${reopened.join(' / ')} ms reopened`,
  );
  console.log(`# seed-inline: extract in the page: ${cold} ms first run (cold), ${warm} ms warm`);
  console.log(
    `# seed-inline: longest main-thread tasks in the page on the first click (trace, upper bounds): ` +
      `${traced.injectMs} ms injecting content.js, ${traced.otherMs} ms any other task (the cleanup)`,
  );
  console.log(
    `# seed-inline: Long Tasks API in the page: ${longest ? `${Math.round(longest)} ms` : 'nothing reported (it does not see content-script tasks)'}`,
  );
});
