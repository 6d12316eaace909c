/**
 * "Load images from the web" (settings.reader.remoteImages, issue 16 item 11) in the popup rendered in jsdom:
 * off, the article shows a placeholder with each remote image's description, data: images stay, the .html
 * and .md exports hold no remote image and nothing is fetched for them; on again, the images are back.
 * The real browsers' proof that nothing is requested is test/harness/journeys/page-boundary.ts (a canary server).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { App } from '../../src/popup/components/app.tsx';
import { withoutRemoteImages } from '../../src/ui/remote-images.ts';
import { defaultSettings } from '../../src/settings/index.ts';
import { fakeApi, sampleExtracted, type Fake } from '../helpers/fake-popup-api.ts';

const popup = popupDom();
const q = popup.q;
const qa = (sel: string) => [...popup.dom.window.document.querySelectorAll(sel)];
async function until<T>(f: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const v = f();
    if (v) return v;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`never: ${what}`);
}

const DOT = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const IMAGES =
  `<figure><img src="https://cdn.example/harbour.jpg" alt="The quay at dawn"><figcaption>Dawn</figcaption></figure>` +
  `<p><img src="https://t.example/pixel.gif" alt=""> <img src="${DOT}" alt="inline dot"></p>` +
  `<picture><source srcset="https://cdn.example/wide.webp 2x"><img src="https://cdn.example/wide.jpg" alt="Wide view"></picture>` +
  `<p><img src="${DOT}" srcset="https://cdn.example/hi.png 2x" alt="dot with a remote 2x"></p>`;

/** Every fetch the popup makes (the .html export's image embedding uses the global fetch). */
let fetched: string[] = [];
const realFetch = globalThis.fetch;
before(() => {
  globalThis.fetch = (async (u: RequestInfo | URL) => {
    fetched.push(String(u));
    throw new Error('offline');
  }) as typeof fetch;
});
after(() => {
  globalThis.fetch = realFetch;
});

function withImages(remoteImages: boolean): Fake {
  const fake = fakeApi({ id: 7, url: 'https://news.example.com/a/1' }, () => {
    const ex = sampleExtracted();
    return { ok: true, extracted: { ...ex, html: IMAGES + ex.html }, ms: 1 };
  });
  const s = defaultSettings();
  s.reader.remoteImages = remoteImages;
  fake.saved.push(s);
  return fake;
}

async function mount(fake: Fake): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: fake.api }), root);
  await until(() => q('[data-testid=article]'), 'article');
}

const srcs = (root: Element | null) =>
  [...(root?.querySelectorAll('img, source') ?? [])].map(e => e.getAttribute('src') ?? e.getAttribute('srcset'));

test('the transform: remote <img>, <picture> and srcset become placeholders with their alt text; data: images stay', () => {
  const doc = popup.dom.window.document;
  const out = withoutRemoteImages(IMAGES, popup.dom.window, alt => `[${alt || '-'}]`);
  const box = doc.createElement('div');
  box.innerHTML = out;
  assert.deepEqual(srcs(box), [DOT], 'only the data: image without a remote candidate is left');
  assert.deepEqual(
    [...box.querySelectorAll('.image-off')].map(e => e.textContent),
    ['[The quay at dawn]', '[-]', '[Wide view]', '[dot with a remote 2x]'],
  );
  assert.ok(!/https:\/\/(cdn|t)\.example\/[^"]*\.(jpg|gif|webp|png)/.test(out), out);
  assert.equal(box.querySelector('figcaption')?.textContent, 'Dawn', 'the caption stays');
});

test('off: the popup shows placeholders, no remote image; the checkbox says off; on again brings the images back and is stored', async () => {
  const fake = withImages(false);
  await mount(fake);
  const article = q('[data-testid=article]')!;
  assert.deepEqual(srcs(article), [DOT]);
  assert.ok(article.textContent!.includes('[Image: The quay at dawn]'), article.innerHTML);
  assert.ok(article.textContent!.includes('[Image]'), 'an image without a description says so');
  (q('[data-testid=settings-toggle]') as HTMLButtonElement).click();
  const box = await until(
    () => q('[data-testid=reader-settings] [data-pref=remoteImages]') as HTMLInputElement | null,
    'the reading settings',
  );
  assert.equal(box.checked, false);
  box.click();
  await until(() => srcs(q('[data-testid=article]')).includes('https://cdn.example/harbour.jpg'), 'images back');
  assert.equal(fake.saved.at(-1)!.reader.remoteImages, true, 'the choice is stored');
  assert.equal(qa('[data-testid=article] .image-off').length, 0);
});

test('off: the .html and .md exports hold no remote image, and nothing is fetched for them', async () => {
  fetched = [];
  const fake = withImages(false);
  const files: Record<string, string> = {};
  fake.api.download = (name, content) => void (files[name.split('.').pop()!] = content);
  await mount(fake);
  (q('[data-testid=export-html]') as HTMLButtonElement).click();
  (q('[data-testid=export-md]') as HTMLButtonElement).click();
  await until(() => files.html && files.md, 'both files');
  for (const [ext, content] of Object.entries(files)) {
    assert.ok(!/https:\/\/(cdn|t)\.example\//.test(content), `${ext}: no remote image URL`);
    assert.ok(content.replace(/\\/g, '').includes('[Image: The quay at dawn]'), `${ext}: the placeholder`); // Markdown escapes the brackets
  }
  assert.ok(files.html!.includes(`src="${DOT}"`), 'the data: image is in the file');
  assert.deepEqual(fetched, [], 'nothing fetched');
});

test('on (the default): the images render and the .html export tries to embed them', async () => {
  fetched = [];
  const fake = withImages(true);
  const files: string[] = [];
  fake.api.download = (_n, content) => void files.push(content);
  await mount(fake);
  assert.ok(srcs(q('[data-testid=article]')).includes('https://cdn.example/harbour.jpg'));
  (q('[data-testid=export-html]') as HTMLButtonElement).click();
  await until(() => files.length, 'the file');
  assert.ok(fetched.includes('https://cdn.example/harbour.jpg'), 'the export asked for the image');
  assert.ok(files[0]!.includes('https://cdn.example/harbour.jpg'), 'listed as not embedded (offline)');
});
