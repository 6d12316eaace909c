/**
 * The project's own paginated sites (test/e2e/pages/paged/, served at /paged/): a fetch over the files for the
 * unit tests, and a node:http server for the fetch helper and later the browsers. Addresses with a query
 * (`?page=2`) are answered from routes.json; a missing file answers 404.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FetchedPage } from '../../src/core/pager/index.ts';

/** test/e2e/pages/paged */
export const PAGED_DIR = path.resolve(import.meta.dirname, '../e2e/pages/paged');
/** The origin the file fetch pretends to be. */
export const PAGED_ORIGIN = 'https://paged.example.com';

const routes = (): Record<string, string> => JSON.parse(fs.readFileSync(path.join(PAGED_DIR, 'routes.json'), 'utf8'));

/** The file that answers `/paged/…` (path and query), or null (404). */
export function pagedFile(pathAndQuery: string): string | null {
  const routed = routes()[pathAndQuery];
  const rel = routed ?? decodeURIComponent(pathAndQuery.replace(/[?#].*$/, '')).replace(/^\/paged\//, '');
  if (!routed && pathAndQuery.includes('?')) return null;
  const file = path.join(PAGED_DIR, rel);
  return file.startsWith(PAGED_DIR) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/** A page's HTML by its site path ("zh-hans/a8823.shtml"). */
export const pagedHtml = (rel: string): string => fs.readFileSync(path.join(PAGED_DIR, rel), 'utf8');

/** The URL of a site path on PAGED_ORIGIN. */
export const pagedUrl = (rel: string, origin = PAGED_ORIGIN): string => `${origin}/paged/${rel}`;

/** fetchPage over the files: 200 with the HTML, or 404; `log` collects the URLs asked for. */
export function fileFetch(log: string[] = []): (url: string, signal?: AbortSignal) => Promise<FetchedPage> {
  return async url => {
    log.push(url);
    const u = new URL(url);
    const file = u.origin === PAGED_ORIGIN ? pagedFile(u.pathname + u.search) : null;
    return file ? { html: fs.readFileSync(file, 'utf8'), finalUrl: url, status: 200 } : { html: 'not found', finalUrl: url, status: 404 };
  };
}

/** Serves the sites on 127.0.0.1 (an ephemeral port) at /paged/. */
export async function servePaged(): Promise<{ origin: string; url(rel: string): string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = pagedFile(req.url ?? '/');
    if (!file) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, url: rel => pagedUrl(rel, origin), close: () => new Promise(resolve => server.close(() => resolve())) };
}
