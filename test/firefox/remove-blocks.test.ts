/**
 * Firefox ESR: the remove-blocks journey (issue 8) — remove a promo strip and a source line on page A of the
 * chenbao test site, save, and page B of the same template comes out without them and with every paragraph.
 * The popup is the real one (test-only build, see firefox.ts); blocks are clicked through the DOM.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'puppeteer-core';
import { servePages } from '../harness/pages.ts';
import type { StaticServer } from '../harness/static-server.ts';
import { launchFirefox, openPopup, storedSettings, type Firefox } from '../harness/firefox.ts';
import { poll } from '../helpers/poll.ts';
import { testIdText } from '../harness/popup.ts';
import { norm } from '../helpers/text.ts';
import { msg } from '../helpers/locale.ts';

const en = (key: string, ...subs: (string | number)[]): string => msg('en', key, ...subs);

let fx: Firefox;
let server: StaticServer;
let page: Page;

before(async () => {
  server = await servePages();
  fx = await launchFirefox();
  page = (await fx.browser.pages())[0]!;
});
after(async () => {
  await fx?.close();
  await server?.close();
});

test('remove on page A, save for the site, page B is clean and whole', async () => {
  await page.goto(server.url('/chenbao/a.html'));
  const view = await openPopup(fx, page);
  await view.evaluate(w => (w.document.querySelector('[data-testid=edit-mode]') as HTMLButtonElement).click());
  await poll('blocks', () => view.evaluate(w => w.document.querySelectorAll('[data-testid=block]').length || null));
  await poll('scope', () =>
    view.evaluate(w => (w.document.querySelector('[data-testid=rule-scope]') as HTMLSelectElement | null)?.value || null),
  );
  for (const text of ['打开城市晨报App', '老街口栏目组出品']) {
    await view.evaluate(
      (w, t) =>
        (Array.from(w.document.querySelectorAll('[data-testid=block]')).find(b => b.textContent!.includes(t)) as HTMLElement).click(),
      text,
    );
  }
  assert.equal(await view.evaluate(w => w.document.querySelectorAll('[data-testid=pending] li').length), 2);
  await view.evaluate(w => (w.document.querySelector('[data-testid=rule-save]') as HTMLButtonElement).click());
  await poll(
    'saved',
    () =>
      view.evaluate(
        w => w.document.querySelector('[data-testid=rule-result],[data-testid=rule-refused],[data-testid=error]')?.textContent || null,
      ),
    30_000,
  );
  const result = await testIdText(view, 'rule-result');
  console.log(`# firefox saved: ${result}`);
  assert.ok(result.startsWith(en('ruleSaved', en('ownRuleTitle', 1, '127.0.0.1'), '').slice(0, 20)), result);
  const stored = (await storedSettings(fx)) as { userRules?: { remove?: string[] }[] };
  assert.deepEqual(stored.userRules?.[0]?.remove, ['.app-promo', '.article-source']);

  await page.goto(server.url('/chenbao/b.html'));
  const vb = await openPopup(fx, page);
  const text = norm(await testIdText(vb, 'article'));
  assert.ok(!text.includes(norm('下载城市晨报App')), 'B: promo strip gone');
  assert.ok(!text.includes(norm('栏目组出品')), 'B: source line gone');
  const paras = await page.evaluate(() =>
    Array.from(document.querySelectorAll('.news-body > p:not(.app-promo):not(.article-source)')).map(p => p.textContent ?? ''),
  );
  assert.equal(paras.length, 6);
  for (const p of paras) assert.ok(text.includes(norm(p)), `B keeps “${p.slice(0, 14)}”`);
});
