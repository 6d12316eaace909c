/**
 * The rules page (options.html) in real Chromium: reached from the popup and at chrome-extension://ID/options.html;
 * list, switch off (the block comes back in the popup), rename, an edit with a validation error, delete + undo,
 * export (a real download), the exported file through the CLI removes the same blocks, import into a fresh
 * profile, and a broken file that changes nothing and names the field. Own rules are written into storage
 * from the service worker in the stored format (src/settings: schemaVersion + userRules).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JSHandle, Page } from 'playwright';
import { type Browser, closePopup, type ExtGlobals, launch, openPopup, storedSettings } from '../harness/chromium.ts';
import { articleText } from '../harness/popup.ts';
import { servePages } from '../harness/pages.ts';
import { norm } from '../helpers/text.ts';
import type { StaticServer } from '../harness/static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO_FILE = path.join(ROOT, 'test/e2e/pages/demo/index.html');
// The own rule takes the ride-log table: the editor line it used to take is moved to the header by the bundled header-lines rule now.
const EDITOR = { id: 'my-ride-log', title: 'Ride log', sites: ['*'], remove: ['table'] };
const BANNER = { id: 'my-banner', title: 'Download banner', sites: ['*'], remove: ['.banner'] };
const EDITOR_TEXT = 'N3 路三晚跟车记录';
const STORY = '凌晨一点四十分，西门站的站牌下站着七个人';

let b: Browser;
let server: StaticServer;
let page: Page;
let rulesTab: Page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-rules-'));

before(async () => {
  server = await servePages();
  b = await launch();
  page = await b.ctx.newPage();
  await page.goto(server.url('/demo/'));
  await b.sw.evaluate(
    rules =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({
        schemaVersion: 1,
        userRules: rules,
      }),
    [EDITOR, BANNER],
  );
});
after(async () => {
  await b?.close();
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** The popup's article text on the demo, and the removals it lists for own rules (rule id → previews). */
async function popupOnDemo(): Promise<{ text: string; own: string[] }> {
  const { view } = await openPopup(b, page);
  const text = norm(await articleText(view));
  const own = await (view as JSHandle<Window>).evaluate(w =>
    [...w.document.querySelectorAll('.removed-list [data-rule-id], details [data-rule-id]')]
      .filter(li => li.getAttribute('data-rule-id')!.startsWith('my-'))
      .map(li => li.getAttribute('data-rule-id')!),
  );
  await closePopup(b);
  return { text, own };
}
const row = (id: string) => `[data-testid=rule-row][data-rule-id="${id}"]`;

test('the popup links to the rules page; it lists every bundled and own rule, grouped by site', async () => {
  const { view } = await openPopup(b, page);
  const opened = b.ctx.waitForEvent('page');
  await view.evaluate(w => (w.document.querySelector('[data-testid=open-rules]') as HTMLButtonElement).click());
  rulesTab = await opened;
  await rulesTab.waitForSelector(row('my-banner'));
  assert.equal(rulesTab.url(), `chrome-extension://${b.extensionId}/options.html`);
  await closePopup(b).catch(() => {});
  const ids = await rulesTab.$$eval('[data-testid=rule-row]', rows =>
    rows.map(r => `${r.getAttribute('data-own')}:${r.getAttribute('data-rule-id')}`),
  );
  assert.ok(ids.includes('true:my-banner') && ids.includes('true:my-ride-log'), ids.join(' '));
  assert.ok(ids.includes('false:feed-popular') && ids.includes('false:feed-related'), 'bundled rules are listed');
  assert.equal(await rulesTab.locator(`${row('feed-popular')} [data-testid=rule-edit]`).count(), 0, 'bundled rules are read-only');
  assert.equal(await rulesTab.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await rulesTab.title(), '净阅 规则');
});

test('switching an own rule off on the rules page brings its block back in the popup', async () => {
  const on = await popupOnDemo();
  assert.ok(!on.text.includes(norm(EDITOR_TEXT)) && on.text.includes(norm(STORY)), 'the own rule removes the ride-log table');
  await rulesTab.click(`${row('my-ride-log')} [data-testid=rule-switch]`);
  await rulesTab.waitForFunction(() => document.querySelector('[data-testid=options-status]')?.textContent !== '');
  const sites = (await storedSettings(b)).sites as Record<string, { rules: Record<string, boolean> }>;
  assert.deepEqual(sites['*'], { rules: { 'my-ride-log': false } });
  const off = await popupOnDemo();
  assert.ok(off.text.includes(norm(EDITOR_TEXT)), 'the block is back');
  await rulesTab.click(`${row('my-ride-log')} [data-testid=rule-switch]`);
  await rulesTab.waitForFunction(
    () => !(document.querySelector('[data-rule-id="my-ride-log"] [data-testid=rule-switch]') as HTMLInputElement)?.checked === false,
  );
});

test('rename, and an edit with a validation error named by its field (save refused until fixed), with the keyboard', async () => {
  await rulesTab.click(`${row('my-banner')} [data-testid=rule-edit]`);
  const field = (f: string) => `${row('my-banner')} [data-testid=rule-field-${f}]`;
  await rulesTab.fill(field('remove'), '.banner\ndiv >');
  const err = rulesTab.locator(`${row('my-banner')} [data-testid=field-error][data-field=remove]`);
  await err.waitFor();
  assert.equal(await err.textContent(), '第 2 项不是有效的选择器。', 'in plain words: which line, what is wrong');
  assert.equal(await rulesTab.isDisabled(`${row('my-banner')} [data-testid=rule-editor-save]`), true);
  assert.equal(await rulesTab.getAttribute(field('remove'), 'aria-invalid'), 'true');
  await rulesTab.fill(field('remove'), '.banner');
  await rulesTab.fill(field('title'), 'App download banner');
  await rulesTab.focus(field('title'));
  await rulesTab.keyboard.press('Enter'); // submits the form
  await rulesTab.locator(`${row('my-banner')} [data-testid=rule-editor]`).waitFor({ state: 'detached' });
  assert.equal(await rulesTab.textContent(`${row('my-banner')} [data-testid=rule-title]`), 'App download banner');
  const stored = (await storedSettings(b)).userRules as { id: string; title: string }[];
  assert.deepEqual(
    stored.map(r => `${r.id}:${r.title}`),
    ['my-ride-log:Ride log', 'my-banner:App download banner'],
  );
});

test('delete, then undo: the rule is back in storage and on the page', async () => {
  await rulesTab.click(`${row('my-ride-log')} [data-testid=rule-delete]`);
  await rulesTab.locator(row('my-ride-log')).waitFor({ state: 'detached' });
  assert.deepEqual(
    ((await storedSettings(b)).userRules as { id: string }[]).map(r => r.id),
    ['my-banner'],
  );
  await rulesTab.click('[data-testid=undo]');
  await rulesTab.locator(row('my-ride-log')).waitFor();
  assert.deepEqual(
    ((await storedSettings(b)).userRules as { id: string }[]).map(r => r.id),
    ['my-ride-log', 'my-banner'],
  );
});

let exported = '';

test('export downloads the CLI format, and `jingyue clean --rules` with it removes the same blocks as the extension', async () => {
  const [download] = await Promise.all([rulesTab.waitForEvent('download'), rulesTab.click('[data-testid=rules-export]')]);
  assert.equal(download.suggestedFilename(), 'jingyue-rules.json');
  exported = path.join(tmp, 'jingyue-rules.json');
  await download.saveAs(exported);
  const file = JSON.parse(fs.readFileSync(exported, 'utf8'));
  assert.deepEqual(file, { version: 1, rules: [EDITOR, { ...BANNER, title: 'App download banner' }] });
  console.log(`# exported from the extension:\n${fs.readFileSync(exported, 'utf8').replace(/^/gm, '#   ')}`);
  const ext = await popupOnDemo();
  const cli = JSON.parse(
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'src/cli/bin.mjs'), 'clean', DEMO_FILE, '--url', server.url('/demo/'), '--rules', exported, '--format', 'json'],
      { encoding: 'utf8' },
    ),
  ) as { text: string; removed: { ruleId: string }[] };
  const cliOwn = cli.removed.map(r => r.ruleId).filter(id => id.startsWith('my-'));
  assert.deepEqual(cliOwn.sort(), ['my-banner', 'my-ride-log']);
  assert.deepEqual(ext.own.sort(), cliOwn, 'the extension lists the same own-rule removals');
  assert.ok(!norm(cli.text).includes(norm(EDITOR_TEXT)) && !ext.text.includes(norm(EDITOR_TEXT)));
});

test('import into a fresh profile: the rules arrive and clean the page; a broken file changes nothing and names the field', async () => {
  const fresh = await launch();
  try {
    const tab = await fresh.ctx.newPage();
    await tab.goto(`chrome-extension://${fresh.extensionId}/options.html`);
    await tab.waitForSelector(row('feed-popular'));
    await tab.setInputFiles('[data-testid=rules-import]', exported);
    await tab.waitForSelector('[data-testid=import-report]');
    assert.match((await tab.textContent('[data-testid=import-report]')) ?? '', /2/);
    const stored = await fresh.sw.evaluate(() => (globalThis as unknown as ExtGlobals).chrome.storage.local.get());
    assert.deepEqual(
      (stored.userRules as { id: string }[]).map(r => r.id),
      ['my-ride-log', 'my-banner'],
    );
    const demo = await fresh.ctx.newPage();
    await demo.goto(server.url('/demo/'));
    const { view } = await openPopup(fresh, demo);
    assert.ok(!norm(await articleText(view)).includes(norm(EDITOR_TEXT)), 'the imported rule cleans the page');
    await closePopup(fresh);

    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(
      broken,
      JSON.stringify({
        version: 1,
        rules: [
          { ...BANNER, id: 'new-ok' },
          { id: 'bad-labels', title: 'B', sites: ['*'], labels: [42] },
        ],
      }),
    );
    await tab.setInputFiles('[data-testid=rules-import]', broken);
    await tab.waitForSelector('[data-testid=import-errors]');
    assert.match((await tab.textContent('[data-testid=import-errors]')) ?? '', /rule bad-labels, field labels/);
    const after = await fresh.sw.evaluate(() => (globalThis as unknown as ExtGlobals).chrome.storage.local.get());
    assert.deepEqual(after, stored, 'nothing stored changed (not even the good rule of the file)');
  } finally {
    await fresh.close();
  }
});
