/**
 * The CLI on the pages that used to stall it (test/hostile/pages-gen.ts): the 5 MB page of 100,000
 * elements, tables nested 2,000 deep and an article beside 10,000 short siblings. Each run is a fresh
 * `node` process on the built CLI (what a person runs), timed from spawn to exit; the process reports its
 * own CPU time (the honest number on a shared machine, where wall time counts other jobs' turns) and peak
 * RSS. Each page runs three ways: the CLI, the CLI with --no-rules, and bare jsdom + Readability (the same
 * parse and Readability, nothing of ours): the ratio to the last is what the rules cost. Reported, never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deepTablesPage, hugePage, siblingsPage } from '../hostile/pages-gen';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where build.mjs writes the CLI bundle (its CLI_OUT). */
const CLI_OUT = path.join(ROOT, 'node_modules/.cache/jingyue/cli.mjs');

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/** The child: runs `jingyue clean FILE --format json [FLAG]` with the output discarded, prints exit code and peak RSS. */
const CHILD = `const { main } = await import(process.argv[1]);
const { Writable } = await import('node:stream');
const sink = new Writable({ write(_c, _e, cb) { cb(); } });
const code = await main(['clean', process.argv[2], '--format', 'json', ...process.argv.slice(3)], { out: sink, err: sink });
const u = process.resourceUsage();
console.log(JSON.stringify({ code, maxRssMB: u.maxRSS / 1024, cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6 }));`;

/** The baseline child: the file decoded as UTF-8, parsed by jsdom and read by Readability, nothing else. */
const PLAIN = `const fs = await import('node:fs');
const { createRequire } = await import('node:module');
const require = createRequire(process.argv[1]);
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');
const dom = new JSDOM(fs.readFileSync(process.argv[2], 'utf8'), { url: 'https://news.example.com/a/1.html', virtualConsole: new VirtualConsole() });
const r = new Readability(dom.window.document).parse();
const u = process.resourceUsage();
console.log(JSON.stringify({ code: r ? 0 : 1, maxRssMB: u.maxRSS / 1024, cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6 }));`;

/** Prints median wall time and peak RSS of `runs` CLI runs on each big page. */
export async function benchCliHuge(runs: number): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-bench-'));
  const pages = [
    { name: '5 MB page, 100,000 elements', file: path.join(dir, 'huge.html'), html: hugePage(100_000, 5) },
    { name: 'tables nested 2,000 deep', file: path.join(dir, 'deep.html'), html: deepTablesPage(2000) },
    { name: 'an article beside 10,000 <span>s', file: path.join(dir, 'siblings.html'), html: siblingsPage(10_000) },
  ];
  const ways = [
    { name: 'the CLI', args: ['--input-type=module', '-e', CHILD, CLI_OUT] },
    { name: 'the CLI --no-rules', args: ['--input-type=module', '-e', CHILD, CLI_OUT], flag: '--no-rules' },
    { name: 'bare jsdom + Readability', args: ['--input-type=module', '-e', PLAIN, path.join(ROOT, 'package.json')] },
  ];
  try {
    for (const p of pages) {
      fs.writeFileSync(p.file, p.html);
      const cpuOf: number[] = [];
      for (const w of ways) {
        const ms: number[] = [], rss: number[] = [], cpu: number[] = [];
        let code = -1, died = '';
        for (let i = 0; i < runs; i++) {
          const t = performance.now();
          const r = spawnSync(process.execPath, [...w.args, p.file, ...(w.flag ? [w.flag] : [])], { encoding: 'utf8' });
          ms.push(performance.now() - t);
          const out = JSON.parse(r.stdout.trim().split('\n').pop() || '{}') as { code?: number; maxRssMB?: number; cpuS?: number };
          cpu.push(out.cpuS ?? NaN);
          code = out.code ?? r.status ?? -1;
          rss.push(out.maxRssMB ?? NaN);
          if (out.code === undefined) died = (r.stderr.split('\n').find(l => /Error/.test(l)) ?? `exit ${r.status}`).trim();
        }
        cpuOf.push(median(cpu));
        if (died) { console.log(`cli: ${p.name}, ${w.name}: died after ${(median(ms) / 1000).toFixed(2)} s (${died})`); continue; }
        console.log(`cli: ${p.name}, ${w.name}: ${(median(ms) / 1000).toFixed(2)} s (median of ${runs}, process spawn to exit; runs ${ms.map(x => (x / 1000).toFixed(1)).join(' ')}), ` +
          `CPU ${median(cpu).toFixed(2)} s (user+system: what the wall time is on an idle machine), peak RSS ${median(rss).toFixed(0)} MB, exit ${code} (${code === 0 ? 'article' : code === 1 ? 'no article' : 'error'})`);
      }
      if (Number.isFinite(cpuOf[2])) console.log(`cli: ${p.name}: CPU of the CLI ÷ bare jsdom + Readability = ${(cpuOf[0]! / cpuOf[2]!).toFixed(2)}x (--no-rules ${(cpuOf[1]! / cpuOf[2]!).toFixed(2)}x)`);
    }
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
