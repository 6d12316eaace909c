/**
 * Takes the README's picture: the popup on the demo page after the real toolbar click, or with --reader the
 * reader tab opened from it ("Open in reader tab").
 * usage: node --import tsx test/e2e/screenshot.ts <out.png> [--lang=en-US] [--dark] [--open] [--reader [--prefs]]
 */
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPopup, popupScreenshot } from '../harness/chromium.ts';
import { servePages } from '../harness/pages.ts';

const out = process.argv[2];
if (!out || out.startsWith('--')) {
  console.error('usage: node --import tsx test/e2e/screenshot.ts <out.png> [--lang=en-US] [--dark] [--open]');
  process.exit(2);
}
const lang = process.argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length) ?? 'zh-CN';

const server = await servePages();
const b = await launch({ lang, dark: process.argv.includes('--dark') });
try {
  const page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
  const { view } = await openPopup(b, page);
  if (process.argv.includes('--open')) {
    await view.evaluate((w) => w.document.querySelector('details.removed')?.setAttribute('open', ''));
  }
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  if (process.argv.includes('--reader')) {
    const opened = b.ctx.waitForEvent('page');
    await view.evaluate((w) => (w.document.querySelector('[data-testid=open-reader]') as HTMLButtonElement).click());
    const reader = await opened;
    await reader.setViewportSize({ width: 1000, height: 760 });
    // Playwright pins pages to a light colour scheme; the dark picture asks for the OS's dark one.
    if (process.argv.includes('--dark')) await reader.emulateMedia({ colorScheme: 'dark' });
    await reader.waitForSelector('[data-testid=article]');
    if (process.argv.includes('--prefs')) await reader.evaluate(() => document.querySelector('details.reader-prefs')?.setAttribute('open', ''));
    await new Promise((r) => setTimeout(r, 300)); // the demo image and fonts settle
    fs.writeFileSync(out, await reader.screenshot());
  } else {
    await new Promise((r) => setTimeout(r, 300)); // the demo image and fonts settle
    fs.writeFileSync(out, await popupScreenshot(b));
  }
  console.log(`wrote ${out}`);
} finally {
  await b.close();
  await server.close();
}
