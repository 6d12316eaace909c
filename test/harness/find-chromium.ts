/** Finds a Chromium to drive: CHROMIUM_PATH, then Debian's, then Playwright's own; installs Debian's as root. */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright';

const DEBIAN = '/usr/bin/chromium';

function playwrightOwn(): string | null {
  try {
    const p = chromium.executablePath();
    return p && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

/** Path of a runnable Chromium, installing Debian's package when possible (TESTING.md: no test tool downloads its own). */
export function findChromium(): string {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (fs.existsSync(env)) return env;
    throw new Error(`CHROMIUM_PATH=${env} does not exist; unset it or point it at a chromium binary.`);
  }
  if (fs.existsSync(DEBIAN)) return DEBIAN;
  const own = playwrightOwn();
  if (own) return own;
  if (process.getuid?.() === 0) {
    console.error('# no Chromium found: running apt-get install -y chromium');
    try {
      execFileSync('apt-get', ['install', '-y', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
    } catch {
      // fall through to the message below; apt's own output says why.
    }
    if (fs.existsSync(DEBIAN)) return DEBIAN;
  }
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu) or `npx playwright install chromium`, or set CHROMIUM_PATH to a chromium binary.',
  );
}
