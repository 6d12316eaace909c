#!/usr/bin/env node
// The package's bin: runs the bundled CLI, building it first when `npm install` has not (e.g. --ignore-scripts).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const out = fileURLToPath(new URL('../../node_modules/.cache/jingyue/cli.mjs', import.meta.url));
if (!fs.existsSync(out)) {
  const { build } = await import('../../build.mjs');
  await build({ quiet: true });
}
const { main } = await import(out);
process.exitCode = await main(process.argv.slice(2));
