/**
 * The .html export's image embedding against a real HTTP server on 127.0.0.1 (issue 16, item 10): what a
 * page calls an image may be a 300 MB body, a body that never ends, or a hundred requests at once. The real
 * fetchImage (the platform's fetch and streams) must read no image past its cap, refuse a declared length
 * over it unread, run a few fetches at a time, and keep the whole file within its budget.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { jsdom } from '../helpers/dom.ts';
import { embedImages, fetchImage, MAX_IMAGE_BYTES, MAX_IMAGES, MAX_PARALLEL, MAX_TOTAL_BYTES } from '../../src/ui/embed-images.ts';

const MiB = 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 7);
/** A tiny valid PNG (1×1). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

let server: http.Server;
let origin = '';
/** Bytes the server managed to send per path (until the client went away). */
const sent = new Map<string, number>();
const requests = new Map<string, number>();
let inFlight = 0,
  maxInFlight = 0;

/**
 * Streams up to `total` bytes in 64 KiB chunks, paced by the socket (and by `everyMs` between chunks when
 * given), counting what was written until the client went away.
 */
async function stream(res: http.ServerResponse, path: string, total: number, everyMs = 0): Promise<void> {
  let closed = false;
  const gone = new Promise<void>(r =>
    res.once('close', () => {
      closed = true;
      r();
    }),
  );
  let n = 0;
  while (!closed && n < total) {
    const ok = res.write(CHUNK);
    n += CHUNK.length;
    sent.set(path, n);
    if (!ok) await Promise.race([new Promise<void>(r => res.once('drain', r)), gone]);
    if (everyMs) await Promise.race([new Promise(r => setTimeout(r, everyMs)), gone]);
  }
  res.end();
}

before(async () => {
  server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
    });
    if (path === '/declared-300mb.png') {
      // Paced (13 MB/s), so that what reached the client before it went away is what it asked for, not socket buffers.
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(300 * MiB) });
      return void stream(res, path, 300 * MiB, 5);
    }
    if (path === '/endless.png') {
      res.writeHead(200, { 'content-type': 'image/png' }); // chunked: no length to refuse, so the cap must hold while reading
      return void stream(res, path, 300 * MiB);
    }
    if (path.startsWith('/large/')) {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': String(4 * MiB) });
      return void stream(res, path, 4 * MiB);
    }
    if (path.startsWith('/small/')) {
      // A short wait, so that fetches overlap and the server sees how many run at once.
      return void setTimeout(() => res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(PNG.length) }).end(PNG), 15);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(
  () =>
    new Promise<void>(r => {
      server.closeAllConnections();
      server.close(() => r());
    }),
);

const win = () => jsdom('', undefined).window as unknown as Window & typeof globalThis;
const imgs = (urls: string[]) => urls.map(u => `<p><img src="${u}" alt=""></p>`).join('');
const reset = () => {
  sent.clear();
  requests.clear();
  maxInFlight = 0;
};

test('a declared Content-Length over the cap is refused without reading the body', async () => {
  reset();
  const url = `${origin}/declared-300mb.png`;
  const { html, unavailable } = await embedImages(imgs([url]), fetchImage, win());
  assert.deepEqual(unavailable, [url]);
  assert.ok(html.includes(`src="${url}"`), 'the image stays remote');
  const n = sent.get('/declared-300mb.png') ?? 0;
  console.log(`# declared 300 MB: the server sent ${(n / MiB).toFixed(1)} MiB before the fetch went away`);
  assert.ok(n < MiB, `${n} bytes sent: the body was not read`);
});

test('a body without a length that never ends is read up to the cap, then cancelled', async () => {
  reset();
  const url = `${origin}/endless.png`;
  const { unavailable } = await embedImages(imgs([url]), fetchImage, win());
  assert.deepEqual(unavailable, [url]);
  const n = sent.get('/endless.png') ?? 0;
  console.log(`# endless body: the server sent ${(n / MiB).toFixed(1)} MiB before the fetch went away (cap ${MAX_IMAGE_BYTES / MiB} MiB)`);
  // The cap plus what the sockets buffer on the way (a few MiB on loopback), far from the 300 MB on offer.
  assert.ok(n < MAX_IMAGE_BYTES + 16 * MiB, `${(n / MiB).toFixed(1)} MiB sent`);
});

test('many images: a few fetches at a time, every one embedded', async () => {
  reset();
  const urls = Array.from({ length: 100 }, (_, i) => `${origin}/small/${i}.png`);
  const { html, unavailable } = await embedImages(imgs(urls), fetchImage, win());
  assert.deepEqual(unavailable, []);
  assert.equal(html.match(/src="data:image\/png;base64,/g)?.length, 100);
  console.log(`# 100 images: at most ${maxInFlight} requests at once`);
  assert.ok(maxInFlight <= MAX_PARALLEL, `${maxInFlight} at once`);
  assert.ok(maxInFlight > 1, 'fetches do overlap');
});

test(`more images than ${MAX_IMAGES}: the first ${MAX_IMAGES} are fetched, the rest stay remote without a request`, async () => {
  reset();
  const urls = Array.from({ length: MAX_IMAGES + 50 }, (_, i) => `${origin}/small/${i}.png`);
  const { unavailable } = await embedImages(imgs(urls), fetchImage, win());
  assert.deepEqual(unavailable, urls.slice(MAX_IMAGES));
  assert.equal(
    [...requests.values()].reduce((a, b) => a + b, 0),
    MAX_IMAGES,
  );
});

test('the whole file keeps to its budget: large images past it stay remote', async () => {
  reset();
  const urls = Array.from({ length: 12 }, (_, i) => `${origin}/large/${i}.jpg`); // 48 MiB on offer
  const { html, unavailable } = await embedImages(imgs(urls), fetchImage, win());
  const embedded = [...html.matchAll(/src="data:image\/jpeg;base64,([^"]+)"/g)].reduce(
    (n, m) => n + Buffer.from(m[1]!, 'base64').length,
    0,
  );
  console.log(
    `# 12 images of 4 MiB: ${(embedded / MiB).toFixed(0)} MiB embedded, ${unavailable.length} left remote (budget ${MAX_TOTAL_BYTES / MiB} MiB)`,
  );
  assert.ok(embedded <= MAX_TOTAL_BYTES, `${embedded} bytes embedded`);
  assert.ok(embedded >= MAX_TOTAL_BYTES - MAX_PARALLEL * 4 * MiB, 'the budget is used, not wasted');
  assert.equal(unavailable.length + embedded / (4 * MiB), 12);
});
