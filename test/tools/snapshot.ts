/**
 * `npm run snapshot -- OUT_DIR [--sets fixtures,seed,cx163,readability,zh-cwce]`: the CLI's JSON answer
 * (`jingyue clean FILE --url URL --format json`, in process) for every page of our fixtures and the shared
 * corpora, one file per page, plus the exit code and stderr when there is no answer. Two snapshots compare
 * with `diff -r`: the way a change that should not change output proves it did not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');
const argv = process.argv.slice(2);
const out = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--sets');
const sets = (argv.includes('--sets') ? argv[argv.indexOf('--sets') + 1]! : 'fixtures,seed,cx163,readability,zh-cwce').split(',');
if (!out) {
  console.error('usage: npm run snapshot -- OUT_DIR [--sets fixtures,seed,cx163,readability,zh-cwce]');
  process.exit(2);
}

interface Page {
  id: string;
  file: string;
  url: string;
}
const dir = (d: string): string[] => (fs.existsSync(d) ? fs.readdirSync(d).sort() : []);

function pages(set: string): Page[] {
  if (set === 'fixtures') {
    return dir(path.join(ROOT, 'test/fixtures')).map(s => ({
      id: s,
      file: path.join(ROOT, 'test/fixtures', s, 'source.html'),
      url: JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures', s, 'expected.json'), 'utf8')).url,
    }));
  }
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
  if (set === 'readability') {
    return dir(path.join(SHARED, 'corpus/readability-pages')).map(s => ({
      id: s,
      file: path.join(SHARED, 'corpus/readability-pages', s, 'source.html'),
      url: 'http://fakehost/test/page.html',
    }));
  }
  if (set === 'zh-cwce') {
    const index = path.join(SHARED, 'corpus/zh-cwce/index.json');
    if (!fs.existsSync(index)) return [];
    return (JSON.parse(fs.readFileSync(index, 'utf8')) as { id: string; url: string }[]).map(it => ({
      id: it.id,
      file: path.join(SHARED, 'corpus/zh-cwce/pages', `${it.id}.html`),
      url: it.url,
    }));
  }
  throw new Error(`unknown set ${set}`);
}

/** A Writable that keeps what is written. */
function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const w = new Writable({
    write(c, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  }) as Writable & { text: () => string };
  w.text = () => Buffer.concat(chunks).toString('utf8');
  return w;
}

let n = 0;
const started = Date.now();
for (const set of sets) {
  const list = pages(set);
  if (!list.length) {
    console.error(`snapshot: no pages for set ${set} (is ${set === 'fixtures' ? path.join(ROOT, 'test/fixtures') : SHARED} there?)`);
    process.exit(2);
  }
  fs.mkdirSync(path.join(out, set), { recursive: true });
  for (const p of list) {
    const io = { out: sink(), err: sink() };
    let body: string;
    try {
      const code = await main(['clean', p.file, '--url', p.url, '--format', 'json'], io as never);
      body = code === 0 ? io.out.text() : `exit ${code}\n${io.err.text()}`;
    } catch (e) {
      body = `threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}\n`; // a CLI bug, recorded so the rest still runs
    }
    body = body.split(ROOT).join('<root>');
    fs.writeFileSync(path.join(out, set, `${p.id.replace(/[^\w.-]/g, '_')}.json`), body);
    n++;
  }
}
console.log(`snapshot: ${n} pages in ${((Date.now() - started) / 1000).toFixed(0)} s -> ${out}`);
