/** Renders src/icons/icon.svg to the manifest's PNG sizes with Chromium (run by hand after editing the SVG). */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { findChromium } from '../harness/find-chromium.ts';

const DIR = path.resolve(import.meta.dirname, '../../src/icons');
const SIZES = [16, 32, 48, 128];

const svg = fs.readFileSync(path.join(DIR, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const size of SIZES) {
  const src = 'data:image/svg+xml;base64,' + Buffer.from(svg).toString('base64');
  await page.setContent(`<body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}"></body>`);
  await page.waitForFunction(() => (document.images[0]?.naturalWidth ?? 0) > 0);
  const out = path.join(DIR, `icon-${size}.png`);
  await page.locator('img').screenshot({ path: out, omitBackground: true });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
await browser.close();
