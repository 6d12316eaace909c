/** Where the e2e pages live and the server that serves them (pages, fixtures and, if present, ../shared/pages). */
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic, type StaticServer } from './static-server.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** The shared seed pages, when this checkout sits next to ../shared (it is not part of the project). */
export const SHARED_PAGES = path.resolve(ROOT, '../shared/pages');

/** Serves test/e2e/pages at /, test/fixtures at /fixtures/ and ../shared/pages at /shared/ when it exists. */
export function servePages(): Promise<StaticServer> {
  const mounts: Record<string, string> = {
    '/': path.join(ROOT, 'test/e2e/pages'),
    '/fixtures/': path.join(ROOT, 'test/fixtures'),
  };
  if (fs.existsSync(SHARED_PAGES)) mounts['/shared/'] = SHARED_PAGES;
  return serveStatic(mounts);
}
