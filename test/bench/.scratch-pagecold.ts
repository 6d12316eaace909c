import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright';
import { findChromium } from '../e2e/find-chromium.ts';
import { serveStatic } from '../e2e/static-server.ts';
const ROOT = path.resolve(import.meta.dirname, '../..');
const p = process.argv[2] ?? 'seed-aside';
const server = await serveStatic({ '/seed/': path.resolve(ROOT, '../shared/pages'), '/fixtures/': path.join(ROOT, 'test/fixtures') });
const urlOf = (p: string) => server.url(fs.existsSync(path.join(ROOT, 'test/fixtures', p)) ? `/fixtures/${p}/` : `/seed/${p}/`);
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox'] });
const content = fs.readFileSync(process.env.CONTENT ?? path.join(ROOT, 'extension/content.js'), 'utf8');
const times: number[] = [];
for (let k = 0; k < 6; k++) {
  const page = await browser.newPage();
  await page.goto(urlOf(p));
  await page.addScriptTag({ content });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  times.push(await page.evaluate(() => { const t = performance.now(); (globalThis as any).__jingyueContent.clean({ url: location.href, disabled: [], noRules: false, userRules: [] }); return performance.now() - t; }));
  const { profile } = await cdp.send('Profiler.stop');
  fs.writeFileSync(`/tmp/prof/pagecold-${k}.cpuprofile`, JSON.stringify(profile));
  await page.close();
}
console.log('cold ms', times.map(t => t.toFixed(1)).join(' '));
await browser.close(); await server.close();
