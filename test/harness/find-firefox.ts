/** Finds a Firefox to drive: FIREFOX_PATH, then Debian's firefox-esr, then firefox; installs firefox-esr as root. */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];

const found = (): string | undefined => CANDIDATES.find(p => fs.existsSync(p));

/** Path of a runnable Firefox (TESTING.md: no test tool downloads its own browser; Debian's package it is). */
export function findFirefox(): string {
  const env = process.env.FIREFOX_PATH;
  if (env) {
    if (fs.existsSync(env)) return env;
    throw new Error(`FIREFOX_PATH=${env} does not exist; unset it or point it at a firefox binary.`);
  }
  const existing = found();
  if (existing) return existing;
  if (process.getuid?.() === 0) {
    console.error('# no Firefox found: running apt-get install -y firefox-esr');
    const apt = (args: string[]) =>
      execFileSync('apt-get', args, {
        stdio: 'inherit',
        timeout: 300_000,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    try {
      apt(['install', '-y', '--no-install-recommends', 'firefox-esr']);
    } catch {
      // A fresh machine may have no package lists yet.
      try {
        apt(['update', '-qq']);
        apt(['install', '-y', '--no-install-recommends', 'firefox-esr']);
      } catch {
        // fall through to the message below; apt's own output says why.
      }
    }
    const installed = found();
    if (installed) return installed;
  }
  throw new Error(
    'No Firefox found for the Firefox tests. Install it with `sudo apt-get install -y firefox-esr` ' +
      '(Debian/Ubuntu), or set FIREFOX_PATH to a firefox binary (version 140 or later).',
  );
}
