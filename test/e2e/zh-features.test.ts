/**
 * Issue 19 in real Chromium, on the project's paginated sites (test/e2e/pages/paged, served by servePaged):
 * read aloud in the reader tab (the controls, the no-voice notice; speaking needs a voice, which headless
 * Chromium may not have).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JSHandle, Page } from 'playwright';
import { type Browser, launch, openPopup } from '../harness/chromium.ts';
import { servePaged } from '../helpers/paged-sites.ts';
import { msg } from '../helpers/locale.ts';
import { poll } from '../helpers/poll.ts';

let b: Browser;
let site: Awaited<ReturnType<typeof servePaged>>;

before(async () => {
  site = await servePaged();
  b = await launch();
});
after(async () => {
  await b?.close();
  await site?.close();
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
  await view.evaluate((w) => (w.document.querySelector('[data-testid=open-reader]') as HTMLButtonElement).click());
  const reader = await opened;
  await reader.waitForSelector('[data-testid=article]', { timeout: 10_000 });
  return reader;
}

/** The Chinese voices the browser offers (Chromium fills the list asynchronously: wait a moment for it). */
async function zhVoices(p: Page): Promise<string[]> {
  // tsx (esbuild keepNames) wraps the named arrow below in __name(), which the page does not have.
  await p.evaluate(() => void ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f));
  return p.evaluate(() => new Promise<string[]>((resolve) => {
  const done = () => resolve(speechSynthesis.getVoices().filter((v) => /^(zh|cmn|yue)/i.test(v.lang)).map((v) => v.name + ' ' + v.lang));
  if (speechSynthesis.getVoices().length) return done();
  speechSynthesis.addEventListener('voiceschanged', done, { once: true });
  setTimeout(done, 2000);
  }));
}

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

test('read aloud with a real voice: the first sentence is spoken and highlighted', async (t) => {
  if (!voices.length) return t.skip('this Chromium has no Chinese voice (headless, no speech-dispatcher): speaking cannot be tried here; the fake engine covers it (test/reader/read-aloud-controls.test.ts)');
  await reader.locator('[data-testid=read-aloud-play]').click();
  await poll('speaking', () => reader.evaluate(() => speechSynthesis.speaking));
  const lit = await poll('a highlight', () => reader.evaluate(() => {
    const h = (CSS as unknown as { highlights?: Map<string, { values(): IterableIterator<Range> }> }).highlights?.get('jingyue-reading');
    return h ? [...h.values()][0]!.toString() : document.querySelector('[data-reading]')?.textContent ?? '';
  }));
  assert.ok((await reader.locator('[data-testid=article]').innerText()).includes(lit));
  await reader.locator('[data-testid=read-aloud-stop]').click();
});
