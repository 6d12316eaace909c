/**
 * The CLI on big pages (test/hostile/pages-gen.ts): issue 17's Chinese article of 9,000 blocks and 1.6 M
 * characters in its clutter (zhHugePage, ≈ 5 MB), the 5 MB page of 100,000 elements, tables nested 2,000 deep
 * and an article beside 10,000 short siblings. Each run is a fresh `node` process on the built CLI (what a
 * person runs: `jingyue clean FILE --format json`, the output written to the null device), timed from spawn to
 * exit; the process reports its own CPU time and peak RSS. Each page runs three ways, interleaved run by run:
 * the CLI, the CLI with --no-rules, and a plain jsdom parse + Readability of the same file (nothing of ours).
 * Printed: medians and the CLI ÷ plain ratios of wall time, peak RSS and CPU (issue 17's targets on the
 * Chinese page: wall ≤ 1.2×, peak RSS ≤ 1.3×). Reported, never asserted.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deepTablesPage, hugePage, siblingsPage, zhHugePage } from '../hostile/pages-gen';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where build.mjs writes the CLI bundle (its CLI_OUT). */
const CLI_OUT = path.join(ROOT, 'node_modules/.cache/jingyue/cli.mjs');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The child: `jingyue clean FILE --format json [FLAG]` as the bin runs it, stdout to the null device; prints exit code, peak RSS, CPU. */
const CHILD = `const { main } = await import(process.argv[1]);
const fs = await import('node:fs');
const os = await import('node:os');
const out = fs.createWriteStream(os.devNull);
const code = await main(['clean', process.argv[2], '--format', 'json', ...process.argv.slice(3)], { out, err: process.stderr });
await new Promise((resolve) => out.end(resolve));
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

interface Way {
  name: string;
  args: string[];
  flag?: string;
}
interface Runs {
  wall: number[];
  rss: number[];
  cpu: number[];
  code: number;
  died: string;
}

/** One fresh process of `w` on `file`: wall time from spawn to exit, and what the process reports. */
function once(w: Way, file: string, r: Runs): void {
  const t = performance.now();
  const p = spawnSync(process.execPath, [...w.args, file, ...(w.flag ? [w.flag] : [])], { encoding: 'utf8' });
  r.wall.push(performance.now() - t);
  const out = JSON.parse(p.stdout.trim().split('\n').pop() || '{}') as { code?: number; maxRssMB?: number; cpuS?: number };
  r.cpu.push(out.cpuS ?? NaN);
  r.rss.push(out.maxRssMB ?? NaN);
  r.code = out.code ?? p.status ?? -1;
  if (out.code === undefined) r.died = (p.stderr.split('\n').find(l => /Error/.test(l)) ?? `exit ${p.status}`).trim();
}

/** Prints medians and ratios of `runs` interleaved runs of the three ways on each big page. */
export async function benchCliHuge(runs: number): Promise<void> {
  execFileSync(process.execPath, [path.join(ROOT, 'build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingyue-bench-'));
  const zh = zhHugePage();
  const pages = [
    {
      name: `Chinese article, 9,000 blocks (${(Buffer.byteLength(zh) / 1e6).toFixed(1)} MB)`,
      file: path.join(dir, 'zh-huge.html'),
      html: zh,
      targets: true,
    },
    { name: '5 MB page, 100,000 elements', file: path.join(dir, 'huge.html'), html: hugePage(100_000, 5) },
    { name: 'tables nested 2,000 deep', file: path.join(dir, 'deep.html'), html: deepTablesPage(2000) },
    { name: 'an article beside 10,000 <span>s', file: path.join(dir, 'siblings.html'), html: siblingsPage(10_000) },
  ];
  const ways: Way[] = [
    { name: 'the CLI', args: ['--input-type=module', '-e', CHILD, CLI_OUT] },
    { name: 'the CLI --no-rules', args: ['--input-type=module', '-e', CHILD, CLI_OUT], flag: '--no-rules' },
    { name: 'plain jsdom + Readability', args: ['--input-type=module', '-e', PLAIN, path.join(ROOT, 'package.json')] },
  ];
  console.log(
    `cli: ${runs} interleaved runs per page of each way, medians (process spawn to exit; CPU = user + system, what the wall time is on an idle machine)`,
  );
  try {
    for (const p of pages) {
      fs.writeFileSync(p.file, p.html);
      const res: Runs[] = ways.map(() => ({ wall: [], rss: [], cpu: [], code: -1, died: '' }));
      for (let i = 0; i < runs; i++)
        ways.forEach((w, k) => {
          once(w, p.file, res[k]!);
        });
      ways.forEach((w, k) => {
        const r = res[k]!;
        if (r.died) {
          console.log(`cli: ${p.name}, ${w.name}: died (${r.died})`);
          return;
        }
        console.log(
          `cli: ${p.name}, ${w.name}: ${(median(r.wall) / 1000).toFixed(2)} s (runs ${r.wall.map(x => (x / 1000).toFixed(1)).join(' ')}), ` +
            `CPU ${median(r.cpu).toFixed(2)} s, peak RSS ${median(r.rss).toFixed(0)} MB, exit ${r.code} (${r.code === 0 ? 'article' : r.code === 1 ? 'no article' : 'error'})`,
        );
      });
      const [cli, noRules, plain] = res as [Runs, Runs, Runs];
      if (plain.died) continue;
      const x = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}x`;
      console.log(
        `cli: ${p.name}: the CLI ÷ plain jsdom + Readability: wall ${x(cli.wall, plain.wall)}${p.targets ? ' (target ≤ 1.2x)' : ''}, ` +
          `peak RSS ${x(cli.rss, plain.rss)}${p.targets ? ' (target ≤ 1.3x)' : ''}, CPU ${x(cli.cpu, plain.cpu)}; ` +
          `--no-rules: wall ${x(noRules.wall, plain.wall)}, peak RSS ${x(noRules.rss, plain.rss)}, CPU ${x(noRules.cpu, plain.cpu)}`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
