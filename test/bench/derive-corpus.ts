/**
 * Measures rule derivation (remove-blocks mode) on real pages of one site that the project did not write:
 * the cx163 corpus (../shared/corpus/cx163: 74 pages of 163.com, one template family). On a sample of
 * pages, every block the popup shows whose text is NOT in the corpus's reference article text (clutter that
 * Readability kept: what a person would remove) is picked; the rule derived for it (a label or selectors, or,
 * when those are refused, the exact-text option) is applied to all the other pages, and the reference
 * sentences it loses there are counted, with how many pages it changed.
 * usage: node --import tsx test/bench/derive-corpus.ts [--step N]   (measuring only; the corpus is not part of the project)
 */
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM, VirtualConsole } from 'jsdom';
import { clean, extract, finish, settle } from '../../src/core/pipeline/index.ts';
import { deriveRule, type Probe } from '../../src/core/derive/derive.ts';
import { articleMarks } from '../../src/core/derive/probe-marks.ts';
import type { Rule } from '../../src/core/rules/types.ts';
import { blocksView } from '../../src/popup/blocks.ts';
import { exactTextKey } from '../../src/core/removals/exact-text.ts';

const DIR = path.resolve(import.meta.dirname, '../../../shared/corpus/cx163');
if (!fs.existsSync(DIR)) {
  console.error(`no corpus at ${DIR}`);
  process.exit(2);
}
const step = Number(process.argv[process.argv.indexOf('--step') + 1]) || 8;
const gbk = (f: string) => new TextDecoder('gb18030').decode(fs.readFileSync(f));
const N = 74;
const urlOf = (n: number) => `https://money.163.com/15/${n}.html`;
const docOf = (n: number) =>
  new JSDOM(gbk(path.join(DIR, 'RawHtml', `${n}.html`)), { url: urlOf(n), virtualConsole: new VirtualConsole() }).window;
const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');
/** Reference sentences of page n (the corpus's Text/n.txt), at least 8 characters. */
const sentences = (n: number) =>
  gbk(path.join(DIR, 'Text', `${n}.txt`))
    .split(/[。！？\n]/)
    .map(squeeze)
    .filter(s => s.length >= 8);

/** The article text of page n with `rules` (closing the jsdom window: 74 open ones would hold gigabytes). */
function cleanText(n: number, rules: Rule[] = []): string {
  const win = docOf(n);
  try {
    return squeeze(clean(win.document, { url: urlOf(n), userRules: rules }).text);
  } catch {
    return '';
  } finally {
    win.close();
  }
}
/** The exact-text keys of every element of page n (what an exact-text rule could match there), read once. */
const pageTexts = new Map<number, Set<string>>();
function textsOf(n: number): Set<string> {
  let set = pageTexts.get(n);
  if (!set) {
    const w = docOf(n);
    set = new Set(
      [...w.document.body.getElementsByTagName('*')]
        .map(e => e.textContent ?? '')
        .filter(t => t.length <= 2000)
        .map(exactTextKey),
    );
    w.close();
    pageTexts.set(n, set);
  }
  return set;
}
const baseText = new Map<number, string>();
const base = (n: number) => {
  if (!baseText.has(n)) baseText.set(n, cleanText(n));
  return baseText.get(n)!;
};

const kinds: Record<string, number> = {};
let rulesTried = 0,
  pagesChecked = 0,
  sentencesLost = 0,
  pagesChanged = 0,
  lostExamples: string[] = [];
for (let a = 1; a <= N; a += step) {
  const win = docOf(a);
  const doc = win.document;
  // The marked article as the popup's remove-blocks view has it: the page half, then the article stage.
  const marked = (userRules: Rule[]) => {
    const opts = { url: urlOf(a), userRules, marks: true };
    return settle(extract(doc, opts), opts, {
      window: win as never,
      askPlain: () => ({ extracted: extract(doc, { ...opts, plain: true }) }),
    });
  };
  let settled;
  try {
    settled = marked([]);
  } catch {
    continue;
  }
  const parse = (html: string) => new win.DOMParser().parseFromString(html, 'text/html');
  const view = blocksView(finish(settled, win as never, { keepMarks: true }).html, parse);
  const baseline = articleMarks(settled.html, parse);
  const probe: Probe = extra => {
    try {
      return articleMarks(marked([extra]).html, parse);
    } catch {
      return null;
    }
  };
  const reference = squeeze(gbk(path.join(DIR, 'Text', `${a}.txt`)));
  for (const block of view.blocks) {
    if (!squeeze(block.text) || reference.includes(squeeze(block.text))) continue; // article text: not picked
    const head = { id: 'mine', title: 'mine', sites: ['163.com'] };
    let d = deriveRule({ body: doc.body, picks: [{ top: block.top, marks: block.marks }], baseline, probe, head });
    let o = d.outcomes[0]!;
    const kind = o.ok ? o.kind : `refused:${o.refusal.code}`;
    kinds[kind] = (kinds[kind] ?? 0) + 1;
    if (!o.ok) {
      d = deriveRule({ body: doc.body, picks: [{ top: block.top, marks: block.marks, exact: true }], baseline, probe, head });
      o = d.outcomes[0]!;
      kinds[o.ok ? 'then exact text' : 'then exact text refused'] = (kinds[o.ok ? 'then exact text' : 'then exact text refused'] ?? 0) + 1;
    }
    if (!d.rule || !o.ok) continue;
    rulesTried++;
    // An exact-text rule can only change a page that holds an element with exactly that text: find those
    // pages on the raw pages (cheap), and run the whole pipeline only there.
    const onlyText = o.kind === 'text';
    console.log(`page ${a}: “${block.text.slice(0, 24)}” → ${kind} → ${o.kind} ${JSON.stringify(o.description).slice(0, 60)}`);
    for (let p = 1; p <= N; p++) {
      if (p === a) continue;
      if (onlyText) {
        pagesChecked++;
        if (!d.rule.texts!.some(t => textsOf(p).has(exactTextKey(t)))) continue;
        pagesChecked--; // counted below with the pipeline run
      }
      const before = base(p);
      const after = cleanText(p, [d.rule as Rule]);
      pagesChecked++;
      if (after !== before) {
        pagesChanged++;
        console.log(`  changes page ${p}`);
      }
      for (const s of sentences(p))
        if (before.includes(s) && !after.includes(s)) {
          sentencesLost++;
          if (lostExamples.length < 5) lostExamples.push(`page ${p} by ${JSON.stringify(o.description)}: ${s.slice(0, 30)}`);
        }
    }
  }
  win.close();
}
console.log(
  JSON.stringify(
    {
      sampledPages: Math.ceil(N / step),
      outcomes: kinds,
      carriedRules: rulesTried,
      otherPagesChecked: pagesChecked,
      otherPagesChanged: pagesChanged,
      referenceSentencesLost: sentencesLost,
      lostExamples,
    },
    null,
    1,
  ),
);
