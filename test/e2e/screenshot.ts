/**
 * Takes the README's pictures in real Chromium after the real toolbar click: the popup on the demo page, its
 * cleanup panel, remove-blocks mode, the calm not-an-article notice, the reader tab opened from it, and the
 * rules page. One picture: `screenshot.ts <out.png> [--lang=en-US] [--dark] [--view=popup|cleanup|edit|not-article|reader|rules]`;
 * the whole set for docs/: `screenshot.ts --all docs/screenshots` (zh-CN and en-US, light and dark).
 */
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPopup, popupScreenshot } from '../harness/chromium.ts';
import { servePages } from '../harness/pages.ts';
import type { StaticServer } from '../harness/static-server.ts';

/** What one picture shows. */
type Shot = 'popup' | 'cleanup' | 'edit' | 'not-article' | 'reader' | 'rules';
const SHOTS: readonly Shot[] = ['popup', 'cleanup', 'edit', 'not-article', 'reader', 'rules'];

const settle = () => new Promise(r => setTimeout(r, 300)); // the demo image and fonts settle

/** Takes `shot` in a browser of `lang` (dark: the OS's dark scheme) and writes it to `out`. */
async function take(server: StaticServer, out: string, shot: Shot, lang: string, dark: boolean): Promise<void> {
  const b = await launch({ lang, dark });
  try {
    const page = await b.ctx.newPage();
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    if (shot === 'rules') {
      await page.setViewportSize({ width: 1000, height: 900 });
      if (dark) await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`chrome-extension://${b.extensionId}/options.html`);
      await page.waitForSelector('[data-testid=rule-row]');
      await page.evaluate(() => document.querySelector('[data-rule-id=feed-related] details.advanced')?.setAttribute('open', ''));
      await settle();
      fs.writeFileSync(out, await page.screenshot());
      return;
    }
    await page.goto(server.url(shot === 'not-article' ? '/not-article/' : '/demo/'));
    const { view } = await openPopup(b, page);
    if (shot === 'cleanup') await view.evaluate(w => (w.document.querySelector('[data-testid=cleanup-line]') as HTMLButtonElement).click());
    if (shot === 'edit') {
      await view.evaluate(w => (w.document.querySelector('[data-testid=edit-mode]') as HTMLButtonElement).click());
      await page.waitForTimeout(50);
      const blocks = await b.helper.waitForFunction(() => {
        const [v] = (globalThis as unknown as { chrome: { extension: { getViews(o: object): Window[] } } }).chrome.extension.getViews({
          type: 'popup',
        });
        return v && v.document.querySelectorAll('[data-testid=block]').length > 3;
      });
      await blocks.dispose();
      await view.evaluate(w => {
        const all = Array.from(w.document.querySelectorAll<HTMLElement>('[data-testid=block]'));
        all.find(e => /下载|App/.test(e.textContent ?? ''))?.click();
        (all.find(e => e.querySelector('img')) ?? all[2])?.click();
      });
    }
    if (shot === 'reader') {
      const opened = b.ctx.waitForEvent('page');
      await view.evaluate(w => (w.document.querySelector('[data-testid=open-reader]') as HTMLButtonElement).click());
      const reader = await opened;
      await reader.setViewportSize({ width: 1000, height: 760 });
      // Playwright pins pages to a light colour scheme; the dark picture asks for the OS's dark one.
      if (dark) await reader.emulateMedia({ colorScheme: 'dark' });
      await reader.waitForSelector('[data-testid=article]');
      await settle();
      fs.writeFileSync(out, await reader.screenshot());
      return;
    }
    await settle();
    fs.writeFileSync(out, await popupScreenshot(b));
  } finally {
    await b.close();
  }
}

const args = process.argv.slice(2);
const server = await servePages();
try {
  if (args[0] === '--all') {
    const dir = args[1] ?? 'docs/screenshots';
    const set: [string, Shot, string, boolean][] = [
      ['popup-zh.png', 'popup', 'zh-CN', false],
      ['popup-zh-dark.png', 'popup', 'zh-CN', true],
      ['popup-en.png', 'popup', 'en-US', false],
      ['popup-en-dark.png', 'popup', 'en-US', true],
      ['cleanup-zh.png', 'cleanup', 'zh-CN', false],
      ['edit-mode-zh.png', 'edit', 'zh-CN', false],
      ['not-article-zh.png', 'not-article', 'zh-CN', false],
      ['reader-zh.png', 'reader', 'zh-CN', false],
      ['reader-zh-dark.png', 'reader', 'zh-CN', true],
      ['rules-zh.png', 'rules', 'zh-CN', false],
      ['rules-en.png', 'rules', 'en-US', false],
    ];
    for (const [name, shot, lang, dark] of set) {
      await take(server, path.join(dir, name), shot, lang, dark);
      console.log(`wrote ${path.join(dir, name)}`);
    }
  } else {
    const out = args[0];
    if (!out || out.startsWith('--')) {
      console.error(
        'usage: node --import tsx test/e2e/screenshot.ts <out.png> [--lang=en-US] [--dark] [--view=popup|cleanup|edit|not-article|reader|rules] | --all <dir>',
      );
      process.exit(2);
    }
    const lang = args.find(a => a.startsWith('--lang='))?.slice('--lang='.length) ?? 'zh-CN';
    const shot = (args.find(a => a.startsWith('--view='))?.slice('--view='.length) ?? 'popup') as Shot;
    if (!SHOTS.includes(shot)) throw new Error(`--view=${shot}: one of ${SHOTS.join(', ')}`);
    await take(server, out, shot, lang, args.includes('--dark'));
    console.log(`wrote ${out}`);
  }
} finally {
  await server.close();
}
