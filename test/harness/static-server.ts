/** A tiny static file server on 127.0.0.1 for the e2e pages (an ephemeral port, no dependencies). */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running server: `url('/demo/')` gives an absolute URL on it. */
export interface StaticServer {
  origin: string;
  url(p: string): string;
  close(): Promise<void>;
}

/** Serves each mount (URL prefix → directory); directories answer with their index.html. */
export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find(p => pathname.startsWith(p));
    const root = prefix === undefined ? undefined : mounts[prefix];
    let file = root && path.join(root, pathname.slice(prefix!.length));
    // Refuse anything that escapes the mount (../ in the path).
    if (!root || !file || !file.startsWith(path.resolve(root))) return void res.writeHead(404).end();
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      // Fixture folders (test/fixtures/<slug>/, ../shared/pages/<slug>/) hold source.html, not index.html.
      const index = path.join(file, 'index.html');
      file = fs.existsSync(index) ? index : path.join(file, 'source.html');
    }
    if (!fs.existsSync(file)) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: p => origin + p,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}
