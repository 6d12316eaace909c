/**
 * The hostile pages' server on 127.0.0.1: /hostile/<case>/ (with {{CANARY}} filled in), the pages' own image
 * /img/photo.png, generated pages put() at run time (huge, XHTML), and /canary, which only records who asked.
 * Every request is logged with its time, so a test counts what arrived after the toolbar click.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { caseIds, casePage, PAGES } from './hostile-lib.ts';

/** One request the server saw: its path, query, when, and the fetch destination the browser declared (Sec-Fetch-Dest: image, document, empty for fetch()…). */
export interface Hit {
  path: string;
  query: string;
  at: number;
  dest: string;
}

/** A running canary server. */
export interface CanaryServer {
  origin: string;
  /** The canary endpoint the pages' payloads request. */
  canary: string;
  url(p: string): string;
  /** Serves `body` at `p` with `type` (generated pages, exported files). */
  put(p: string, body: string | Buffer, type?: string): void;
  /** Answers requests for `p` with `handler` (bodies that never end, slow answers, counted connections). */
  handle(p: string, handler: http.RequestListener): void;
  /** Every request so far. */
  hits: Hit[];
  /** Canary requests at or after `since` (Date.now() ms). */
  canaryHits(since: number): Hit[];
  close(): Promise<void>;
}

/** Starts the server on an ephemeral port. */
export async function serveCanary(): Promise<CanaryServer> {
  const extra = new Map<string, { body: string | Buffer; type: string }>();
  const handlers = new Map<string, http.RequestListener>();
  const hits: Hit[] = [];
  const photo = fs.readFileSync(path.join(PAGES, 'photo.png'));
  let canary = '';
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    hits.push({ path: u.pathname, query: u.search, at: Date.now(), dest: String(req.headers['sec-fetch-dest'] ?? '') });
    const send = (type: string, body: string | Buffer) =>
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (u.pathname.startsWith('/canary')) return void res.writeHead(204).end();
    if (u.pathname === '/img/photo.png') return void send('image/png', photo);
    const handler = handlers.get(u.pathname);
    if (handler) return void handler(req, res);
    const page = extra.get(u.pathname);
    if (page) return void send(page.type, page.body);
    const m = /^\/hostile\/([a-z0-9-]+)\/$/.exec(u.pathname);
    if (m && caseIds().includes(m[1]!)) return void send('text/html; charset=utf-8', casePage(m[1]!, canary));
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  canary = `${origin}/canary`;
  return {
    origin,
    canary,
    url: p => origin + p,
    put: (p, body, type = 'text/html; charset=utf-8') => void extra.set(p, { body, type }),
    handle: (p, handler) => void handlers.set(p, handler),
    hits,
    canaryHits: since => hits.filter(h => h.at >= since && h.path.startsWith('/canary')),
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
