/** Browser start/stop for a test file: one browser (and one test server) for the whole file, closed after it. */
import { after, before } from 'node:test';
import { servePages } from './pages.ts';
import type { StaticServer } from './static-server.ts';

/** Anything a suite starts and must stop. */
export interface Closable {
  close(): Promise<void>;
}

/** What {@link useBrowser} fills in before the file's first test (`b` may be replaced, e.g. by a restart). */
export interface Suite<B extends Closable, S extends Closable = StaticServer> {
  b: B;
  server: S;
}

/**
 * Registers before/after hooks: starts the server (the e2e pages by default), then the browser with it;
 * then `setup` (a file's own before-work: Node 20 runs a file's top-level before hooks concurrently, so a
 * second hook could not count on the browser). After the file, closes the browser and the server. `skip`
 * leaves both unstarted (a suite skipped as a whole).
 */
export function useBrowser<B extends Closable, S extends Closable = StaticServer>(
  start: (server: S) => Promise<B>,
  opts: { serve?: () => Promise<S>; skip?: boolean; setup?: (suite: Suite<B, S>) => Promise<void> } = {},
): Suite<B, S> {
  const suite = {} as Suite<B, S>;
  before(async () => {
    if (opts.skip) return;
    suite.server = await (opts.serve ?? (servePages as unknown as () => Promise<S>))();
    suite.b = await start(suite.server);
    await opts.setup?.(suite);
  });
  after(async () => {
    await suite.b?.close();
    await suite.server?.close();
  });
  return suite;
}
