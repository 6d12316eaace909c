/**
 * The CLI on the two pages that used to stall it (test/hostile/pages-gen.ts): the 5 MB page of 100,000
 * elements and tables nested 2,000 deep. Each run is a fresh `node` process on the built CLI (what a
 * person runs), timed from spawn to exit; the process reports its own CPU time (the honest number on a
 * shared machine, where wall time counts other jobs' turns) and peak RSS. Reported, never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deepTablesPage, hugePage } from '../hostile/pages-gen';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where build.mjs writes the CLI bundle (its CLI_OUT). */
const CLI_OUT = path.join(ROOT, 'node_modules/.cache/jingyue/cli.mjs');

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };

/** The child: runs `jingyue clean FILE --format json` with the output discarded, prints exit code and peak RSS. */
const CHILD = `const { main } = await import(process.argv[1]);
const { Writable } = await import('node:stream');
const sink = new Writable({ write(_c, _e, cb) { cb(); } });
const code = await main(['clean', process.argv[2], '--format', 'json'], { out: sink, err: sink });
const u = process.resourceUsage();
console.log(JSON.stringify({ code, maxRssMB: u.maxRSS / 1024, cpuS: (u.userCPUTime + u.systemCPUTime) / 1e6 }));`;

/** Prints median wall time and peak RSS of `runs` CLI runs on each big page. */
export async function benchCliHuge(runs: number): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-bench-'));
  const pages = [
    { name: '5 MB page, 100,000 elements', file: path.join(dir, 'huge.html'), html: hugePage(100_000, 5) },
    { name: 'tables nested 2,000 deep', file: path.join(dir, 'deep.html'), html: deepTablesPage(2000) },
  ];
  try {
    for (const p of pages) {
      fs.writeFileSync(p.file, p.html);
      const ms: number[] = [], rss: number[] = [], cpu: number[] = [];
      let code = -1;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, CLI_OUT, p.file], { encoding: 'utf8' });
        ms.push(performance.now() - t);
        const out = JSON.parse(r.stdout.trim().split('\n').pop() || '{}') as { code?: number; maxRssMB?: number; cpuS?: number };
        cpu.push(out.cpuS ?? NaN);
        code = out.code ?? r.status ?? -1;
        rss.push(out.maxRssMB ?? NaN);
      }
      console.log(`cli: ${p.name}: ${(median(ms) / 1000).toFixed(2)} s (median of ${runs}, process spawn to exit; runs ${ms.map(x => (x / 1000).toFixed(1)).join(' ')}), ` +
        `CPU ${median(cpu).toFixed(2)} s (user+system: what the wall time is on an idle machine), peak RSS ${median(rss).toFixed(0)} MB, exit ${code} (${code === 0 ? 'article' : code === 1 ? 'no article' : 'error'})`);
    }
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}
