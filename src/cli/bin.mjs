#!/usr/bin/env node
// The package's bin: runs the bundled CLI, building it first when `npm install` has not (e.g. --ignore-scripts).
// Whatever fails before main() can answer is one line on stderr and exit 2, as main's own errors are.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

try {
  const out = fileURLToPath(new URL('../../node_modules/.cache/jingyue/cli.mjs', import.meta.url));
  if (!fs.existsSync(out)) {
    const { build } = await import('../../build.mjs');
    await build({ quiet: true });
  }
  const { main } = await import(out);
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`jingyue: cannot start (${e instanceof Error ? `${e.name}: ${e.message}`.split('\n')[0] : String(e)})\n`);
  process.exitCode = 2;
}
