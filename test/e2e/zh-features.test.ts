/**
 * Issue 19 in real Chromium, on the project's paginated sites (test/e2e/pages/paged, served by servePaged):
 * the per-site merge switch (the merge itself runs in both browsers: test/harness/journeys/multi-page.ts),
 * the script control, and read aloud in the reader tab (the controls, the no-voice notice; speaking needs a voice, which
 * headless Chromium may not have).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import type { JSHandle, Page } from 'playwright';
import { type Browser, closePopup, downloadFrom, launch, openPopup, storedOnceSaved } from '../harness/chromium.ts';
import { articleText, clickTestId, statusText, testIdText as testIdTextOf } from '../harness/popup.ts';
import { servePaged } from '../helpers/paged-sites.ts';
import { msg } from '../helpers/locale.ts';
import { poll } from '../helpers/poll.ts';

let b: Browser;
let site: Awaited<ReturnType<typeof servePaged>>;

const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-zh-'));

before(async () => {
  site = await servePaged();
  b = await launch();
  await b.cdp.send('Browser.setDownloadBehavior', { behavior: 'allowAndName', downloadPath: downloads, eventsEnabled: true });
});
after(async () => {
  await b?.close();
  await site?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

/** Opens `rel` of the paged sites in a new tab. */
async function visit(rel: string): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.goto(site.url(rel));
  return page;
}

/** Clicks "Open in reader tab" in the popup and returns the new tab once its article rendered. */
async function openReader(view: JSHandle<Window>): Promise<Page> {
  const opened = b.ctx.waitForEvent('page');
  await view.evaluate(w => (w.document.querySelector('[data-testid=open-reader]') as HTMLButtonElement).click());
  const reader = await opened;
  await reader.waitForSelector('[data-testid=article]', { timeout: 10_000 });
  return reader;
}

/** The Chinese voices the browser offers (Chromium fills the list asynchronously: wait a moment for it). */
async function zhVoices(p: Page): Promise<string[]> {
  // tsx (esbuild keepNames) wraps the named arrow below in __name(), which the page does not have.
  await p.evaluate(() => void ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f));
  return p.evaluate(
    () =>
      new Promise<string[]>(resolve => {
        const done = () =>
          resolve(
            speechSynthesis
              .getVoices()
              .filter(v => /^(zh|cmn|yue)/i.test(v.lang))
              .map(v => v.name + ' ' + v.lang),
          );
        if (speechSynthesis.getVoices().length) return done();
        speechSynthesis.addEventListener('voiceschanged', done, { once: true });
        setTimeout(done, 2000);
      }),
  );
}

/** Clicks the toolbar button on `rel` and waits until the merge said how it ended (or `until` holds). */
async function popupOn(rel: string, until: (status: string) => boolean) {
  const page = await visit(rel);
  const before = await page.evaluate(() => document.documentElement.outerHTML);
  const { view } = await openPopup(b, page);
  const status = await poll(
    `the merge's end on ${rel}`,
    async () => {
      const s = await statusText(view);
      return until(s) ? s : null;
    },
    20_000,
  );
  return { page, view, status, before };
}

test('the per-site merge switch: shown where there is a pager, off → page 1 alone on the next click, stored for the site and kept with its other switches', async () => {
  const first = await popupOn('zh-hans/a8823.shtml', s => s.includes('已合并'));
  await clickTestId(first.view, 'merge-toggle');
  const stored = await storedOnceSaved(
    b,
    s => (s.sites as Record<string, { merge?: boolean }> | undefined)?.['127.0.0.1']?.merge === false,
  );
  assert.deepEqual((stored.sites as Record<string, unknown>)['127.0.0.1'], { merge: false });
  await closePopup(b);
  const page = await visit('zh-hans/a8823.shtml');
  const { view } = await openPopup(b, page);
  await poll('the switch shown off', () =>
    view.evaluate(w => (w.document.querySelector('[data-testid=merge-toggle]') as HTMLInputElement | null)?.checked === false),
  );
  assert.ok(!(await articleText(view)).includes('停航的消息传开后'), 'page 2 not merged');
  await clickTestId(view, 'merge-toggle');
  await poll('merged again', async () => (await statusText(view)).includes('已合并'), 20_000);
  await closePopup(b);
  await page.close();
});

let reader: Page;
let voices: string[] = [];

test('read aloud in the reader tab: the controls are there; with no Chinese voice the notice says so and how to add one', async () => {
  const page = await visit('heldout/n4410.html');
  const { view } = await openPopup(b, page);
  reader = await openReader(view);
  const controls = reader.locator('[data-testid=read-aloud]');
  await controls.waitFor({ timeout: 10_000 });
  assert.equal(await controls.getAttribute('aria-label'), msg('zh_CN', 'readAloud'));
  assert.equal(await reader.locator('[data-testid=read-aloud-play]').innerText(), msg('zh_CN', 'readAloudPlay'));
  assert.equal(await reader.locator('[data-testid=read-aloud-rate] option').count(), 6);
  voices = await zhVoices(reader);
  if (voices.length) {
    assert.equal(await reader.locator('[data-testid=read-aloud-no-voice]').count(), 0, 'a voice: no notice');
    assert.ok((await reader.locator('[data-testid=read-aloud-voice] option').count()) >= 1);
  } else {
    const notice = reader.locator('[data-testid=read-aloud-no-voice]');
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.innerText(), new RegExp(msg('zh_CN', 'readAloudNoVoice', msg('zh_CN', 'langZhCN')).slice(0, 12)));
    assert.ok(await reader.locator('[data-testid=read-aloud-play]').isDisabled(), 'nothing to play with');
    await notice.locator('summary').click();
    assert.ok(await notice.getByText(msg('zh_CN', 'readAloudHelpLinux')).isVisible());
  }
});

test('read aloud with a real voice: the first sentence is spoken and highlighted', async t => {
  if (!voices.length)
    return t.skip(
      'this Chromium has no Chinese voice (headless, no speech-dispatcher): speaking cannot be tried here; the fake engine covers it (test/reader/read-aloud-controls.test.ts)',
    );
  await reader.locator('[data-testid=read-aloud-play]').click();
  await poll('speaking', () => reader.evaluate(() => speechSynthesis.speaking));
  const lit = await poll('a highlight', () =>
    reader.evaluate(() => {
      const h = (CSS as unknown as { highlights?: Map<string, { values(): IterableIterator<Range> }> }).highlights?.get('jingyue-reading');
      return h ? [...h.values()][0]!.toString() : (document.querySelector('[data-reading]')?.textContent ?? '');
    }),
  );
  assert.ok((await reader.locator('[data-testid=article]').innerText()).includes(lit));
  await reader.locator('[data-testid=read-aloud-stop]').click();
});

/** Chooses `value` in the script control of `p` (the reader tab). */
const chooseScript = (p: Page, value: string) => p.locator('[data-testid=script-convert]').selectOption(value);

test("the reader tab's script control: a zh-Hant article into 简体 with its phrases and back to exactly the original; remembered for the site; the .txt export follows the view", async () => {
  const page = await visit('zh-hant/story-5521.html');
  const { view } = await openPopup(b, page);
  await poll('merged', async () => (await statusText(view)) === msg('zh_CN', 'mergeDone', 3), 20_000);
  const tab = await openReader(view);
  const body = tab.locator('[data-testid=article]');
  const original = await body.innerText();
  assert.ok(original.includes('清晨五點半，山城小站的月臺上已經站滿了人'), original.slice(0, 80));
  await chooseScript(tab, 'cn');
  await poll('简体 shown', async () => (await body.innerText()).includes('清晨五点半，山城小站的月台上已经站满了人'), 15_000);
  const cn = await body.innerText();
  assert.ok(original.includes('軟體工程師') && cn.includes('软件工程师'), 'Taiwan phrasing undone on the merged page 3: 軟體 → 软件');
  assert.ok((await tab.locator('[data-testid=title]').innerText()).includes('山城小站的樱花季'), 'the title follows the view');
  assert.equal(await tab.locator('[data-testid=article]').getAttribute('lang'), 'zh-CN');
  const stored = await storedOnceSaved(
    b,
    s => (s.sites as Record<string, { script?: string }> | undefined)?.['127.0.0.1']?.script === 'cn',
  );
  assert.equal((stored.sites as Record<string, { script?: string }>)['127.0.0.1']!.script, 'cn');
  // Links keep their URLs (text nodes only).
  const hrefs = await body.locator('a[href]').evaluateAll(as => as.map(a => a.getAttribute('href')));
  assert.ok(hrefs.every(h => !/[\u4e00-\u9fff]/.test(h ?? '') || /[\u4e00-\u9fff]/.test(decodeURI(h ?? ''))));
  // The export follows the view: the file's title and body are 简体 too.
  const file = await downloadFrom(b, await tab.evaluateHandle(() => window), 'export-txt', downloads);
  assert.ok(file.content.startsWith('山城小站的樱花季'), file.content.slice(0, 40));
  assert.ok(file.content.includes('清晨五点半，山城小站的月台上已经站满了人') && !file.content.includes('清晨五點半'));
  assert.match(file.name, /樱花季/);
  await chooseScript(tab, 'original');
  await poll('the original back', async () => (await body.innerText()) === original);
  await poll('原文 stored (nothing for the site)', async () => {
    const s = await storedOnceSaved(b, () => true);
    return !(s.sites as Record<string, { script?: string }> | undefined)?.['127.0.0.1']?.script;
  });
  await tab.close();
  await closePopup(b);
  await page.close();
});

/** Chooses `value` in the popup's script control. */
const choosePopupScript = (view: JSHandle<Window>, value: string) =>
  view.evaluate((w, v) => {
    const el = w.document.querySelector('[data-testid=script-convert]') as HTMLSelectElement;
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);

test("the popup's script control: the merged zh-Hant article into 简体 (月臺 → 月台, 軟體 → 软件) and back exactly; remembered for the site on the next click; the export follows the view; URLs untouched", async () => {
  const page = await visit('zh-hant/story-5521.html');
  const { view } = await openPopup(b, page);
  await poll('merged', async () => (await statusText(view)) === msg('zh_CN', 'mergeDone', 3), 20_000);
  const original = await articleText(view);
  const hrefs = () =>
    view.evaluate(w =>
      [...w.document.querySelectorAll('[data-testid=article] a[href], [data-testid=article] img')].map(
        e => e.getAttribute('href') ?? e.getAttribute('src'),
      ),
    );
  const originalHrefs = await hrefs();
  assert.ok(original.includes('月臺') && original.includes('軟體工程師'));
  assert.deepEqual(
    await view.evaluate(w =>
      [...(w.document.querySelector('[data-testid=script-convert]') as HTMLSelectElement).options].map(o => o.value),
    ),
    ['original', 'cn', 'tw', 'twp', 'hk'],
  );
  await choosePopupScript(view, 'cn');
  await poll('简体 in the popup', async () => (await articleText(view)).includes('清晨五点半，山城小站的月台上已经站满了人'), 15_000);
  const cn = await articleText(view);
  assert.ok(cn.includes('软件工程师') && !cn.includes('月臺'), 'phrases and characters converted');
  assert.ok((await testIdTextOf(view, 'title')).includes('樱花季'));
  assert.deepEqual(await hrefs(), originalHrefs, 'text nodes only: no URL changed');
  const file = await downloadFrom(b, view, 'export-txt', downloads);
  assert.ok(
    file.content.includes('清晨五点半') && file.content.includes('软件工程师') && !file.content.includes('清晨五點半'),
    'the .txt follows the view',
  );
  await storedOnceSaved(b, s => (s.sites as Record<string, { script?: string }> | undefined)?.['127.0.0.1']?.script === 'cn');
  // The next click on the site opens in 简体.
  await closePopup(b);
  const again = await openPopup(b, page);
  await poll('remembered: 简体 on the next click', async () => (await articleText(again.view)).includes('月台上已经站满了人'), 15_000);
  assert.equal(await again.view.evaluate(w => (w.document.querySelector('[data-testid=script-convert]') as HTMLSelectElement).value), 'cn');
  await choosePopupScript(again.view, 'original');
  await poll(
    'the original back exactly',
    async () => {
      const now = await articleText(again.view);
      return now.includes('軟體工程師') && now === original;
    },
    15_000,
  );
  await storedOnceSaved(b, s => !(s.sites as Record<string, { script?: string }> | undefined)?.['127.0.0.1']?.script);
  await closePopup(b);
  await page.close();
});
