/**
 * `npm start`: serves the demo page from 127.0.0.1 and opens Chromium with the built extension on it.
 * `npm start -- --headless` (or no display): runs the same journey headless through the real toolbar
 * click and prints the reading time, what was removed, and the exported Markdown.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, downloadFrom, launch, openPopup } from '../harness/chromium.ts';
import { testIdText } from '../harness/popup.ts';
import { servePages } from '../harness/pages.ts';

const wantHeadless = process.argv.includes('--headless');
const lang = process.argv.find(a => a.startsWith('--lang='))?.slice('--lang='.length) ?? 'zh-CN';
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (!wantHeadless && noDisplay) console.log('No display found (DISPLAY is unset): running the headless journey instead.');
const headless = wantHeadless || noDisplay;

const server = await servePages();
const demo = server.url('/demo/');
const b: Browser = await launch({ headless, lang, probe: headless });
// Headed, the first tab shows the demo; headless, the first tab is the probe the journey needs.
const page = headless ? await b.ctx.newPage() : b.helper;
await page.goto(demo);

if (!headless) {
  console.log(`Demo page: ${demo}`);
  console.log('Click the Jingyue (净阅) button in the toolbar (pin it from the puzzle-piece menu), or press Alt+Shift+R.');
  console.log('Close the browser window to stop.');
  await new Promise<void>(resolve => b.ctx.on('close', () => resolve()));
} else {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-start-'));
  await b.cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
  const { view, ms } = await openPopup(b, page);
  const error = await testIdText(view, 'error');
  if (error) {
    console.error(`The popup shows an error: ${error}`);
    process.exitCode = 1;
  } else {
    console.log(`Demo page: ${demo}`);
    console.log(`Title: ${await testIdText(view, 'title')}`);
    console.log(`Reading time: ${await testIdText(view, 'reading-time')}`);
    console.log(`${await testIdText(view, 'removed-count')} (click → article in ${ms} ms)`);
    const { name, content } = await downloadFrom(b, view, 'export-md', downloads);
    console.log(`\n----- ${name} -----\n${content}`);
  }
  await b.close();
  fs.rmSync(downloads, { recursive: true, force: true });
}
await server.close();
