/**
 * `npm run bench`: per page, plain Readability (clone + parse, as any caller must to keep the page intact)
 * against the full pipeline (clean), in the same process on the same parsed jsdom document,
 * interleaved, median of N runs each. Prints per-set medians of the per-page ratio. Timing is reported,
 * never asserted (these machines are noisy).
 * The set `cli-huge` times the CLI itself on the big generated pages against a plain jsdom parse + Readability, with peak memory (./cli-huge.ts).
 * usage: npm run bench [-- --runs 5] [--sets fixtures,seed,cx163,readability,cli-huge]
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import { clean } from '../../src/core/pipeline/index';
import { decodeHtml } from '../../src/cli/charset';
import { benchCliHuge } from './cli-huge';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');
const argv = process.argv.slice(2);
const opt = (k: string, d: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1]! : d);
const RUNS = Number(opt('--runs', '5'));
const SETS = opt('--sets', 'fixtures,seed,cx163,cli-huge').split(',');

interface Page {
  id: string;
  file: string;
  url: string;
}

function pages(set: string): Page[] {
  const dir = (d: string) => (fs.existsSync(d) ? fs.readdirSync(d).sort() : []);
  if (set === 'fixtures')
    return dir(path.join(ROOT, 'test/fixtures')).map(s => ({
      id: s,
      file: path.join(ROOT, 'test/fixtures', s, 'source.html'),
      url: JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures', s, 'expected.json'), 'utf8')).url,
    }));
  if (set === 'seed')
    return dir(path.join(SHARED, 'pages')).map(s => ({
      id: s,
      file: path.join(SHARED, 'pages', s, 'source.html'),
      url: `https://www.kejizhizui.example/a/${s}.html`,
    }));
  if (set === 'cx163')
    return dir(path.join(SHARED, 'corpus/cx163/RawHtml')).map(f => ({
      id: f,
      file: path.join(SHARED, 'corpus/cx163/RawHtml', f),
      url: `https://money.163.com/15/${f}`,
    }));
  if (set === 'readability')
    return dir(path.join(SHARED, 'corpus/readability-pages')).map(s => ({
      id: s,
      file: path.join(SHARED, 'corpus/readability-pages', s, 'source.html'),
      url: 'http://fakehost/test/page.html',
    }));
  return [];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function time(fn: () => void): number {
  const t = performance.now();
  try {
    fn();
  } catch {
    /* no article: still timed */
  }
  return performance.now() - t;
}

console.log(`bench: ${RUNS} interleaved runs per page, medians. Columns, per set (median over pages of per-page ratios):
  plain      bare Readability: clone + parse() to an HTML string (what any caller that keeps its page intact does)
  no-rules   our pipeline with --no-rules (Readability + normalize + DOMPurify + text + reading time)
  full       our pipeline with the bundled rules
  full/plain, (parse+full)/(parse+plain) with jsdom's HTML parse included (the CLI's case), full/no-rules (the rules' own cost)`);
for (const set of SETS) {
  if (set === 'cli-huge') {
    await benchCliHuge(Math.min(RUNS, 3));
    continue;
  }
  const list = pages(set);
  if (!list.length) {
    console.log(`${set}: no pages here (skipped)`);
    continue;
  }
  const col = {
    parse: [] as number[],
    plain: [] as number[],
    noRules: [] as number[],
    full: [] as number[],
    r1: [] as number[],
    r2: [] as number[],
    r3: [] as number[],
  };
  for (const p of list) {
    const { text } = decodeHtml(fs.readFileSync(p.file));
    const parse: number[] = [],
      a: number[] = [],
      n: number[] = [],
      b: number[] = [];
    let dom!: JSDOM;
    for (let i = 0; i < 2; i++)
      parse.push(
        time(() => {
          dom?.window.close();
          dom = new JSDOM(text, { url: p.url, virtualConsole: new VirtualConsole() });
        }),
      );
    const doc = dom.window.document;
    time(() => clean(doc, { url: p.url })); // warm-up (JIT, rule parsing)
    for (let i = 0; i < RUNS; i++) {
      a.push(time(() => new Readability(doc.cloneNode(true) as Document).parse()));
      n.push(time(() => clean(doc, { url: p.url, noRules: true })));
      b.push(time(() => clean(doc, { url: p.url })));
    }
    const [pm, am, nm, bm] = [median(parse), median(a), median(n), median(b)];
    col.parse.push(pm);
    col.plain.push(am);
    col.noRules.push(nm);
    col.full.push(bm);
    col.r1.push(bm / am);
    col.r2.push((pm + bm) / (pm + am));
    col.r3.push(bm / nm);
    dom.window.close();
  }
  const ms = (xs: number[]) => `${median(xs).toFixed(1)} ms`;
  const x = (xs: number[]) => `${median(xs).toFixed(2)}x`;
  console.log(
    `${set}: pages ${list.length} | parse ${ms(col.parse)} plain ${ms(col.plain)} no-rules ${ms(col.noRules)} full ${ms(col.full)} | ` +
      `full/plain ${x(col.r1)}  (parse+full)/(parse+plain) ${x(col.r2)}  full/no-rules ${x(col.r3)}`,
  );
}
