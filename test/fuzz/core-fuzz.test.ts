/**
 * Fuzzing the core: random documents from a small HTML grammar (tags, hostile attributes, labels, CJK prose,
 * unclosed and misnested markup) and mutations of the fixture pages (slices deleted, duplicated, truncated,
 * fragments spliced in) go through clean (pipeline/index.ts) on jsdom. For every input: no exception except
 * NoArticleError, the input document unchanged, the same output on a second run, no <script> in the output,
 * and every export (text, Markdown, HTML) of the article made without an exception.
 *
 * FUZZ_SEED=<n> replays a run; FUZZ_RUNS=<n> scales it (default 1,700 random + 300 mutated = 2,000 documents).
 * fast-check prints the seed and the shrunk counterexample on failure; the seed is also printed up front.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsdom } from '../helpers/dom.ts';
import { fixtureSlugs, readSource } from '../helpers/fixtures.ts';
import { clean, NoArticleError } from '../../src/core/pipeline/index.ts';
import { toHtmlDocument, toMarkdown, toText } from '../../src/core/export/index.ts';

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
console.log(`# fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED}), ${RUNS} documents`);

/** One window for every document: DOMParser documents are cheap, inert, and have no defaultView. */
const { window } = jsdom('', 'https://fuzz.example.com/');
const parser = new window.DOMParser();
const URLS = [
  'https://news.sina.com.cn/c/2025-01-01/doc-1.shtml',
  'https://www.163.com/news/article/A.html',
  'https://blog.example.com/p/1',
  'https://news.example.com/a/1.html',
  'http://127.0.0.1:8080/x',
  'https://例子.中国/文章',
];

/** The core's answer for `html`, as comparable data; throws anything that is not NoArticleError. */
function run(
  html: string,
  opts: { url: string; noRules: boolean; disabled: string[] },
): { outcome: string; before: string; after: string } {
  const doc = parser.parseFromString(html, 'text/html');
  const before = doc.documentElement.outerHTML;
  let exported = false;
  const once = (): string => {
    try {
      const a = clean(doc, opts, { window: window as never });
      assert.ok(!/<script/i.test(a.html), 'no <script> in the output');
      if (!exported) {
        toText(a);
        toMarkdown(a, doc);
        toHtmlDocument(a);
        exported = true;
      } // the popup's exports: none may throw on any article
      return JSON.stringify(a);
    } catch (e) {
      if (e instanceof NoArticleError) return `NoArticleError: ${e.message}`;
      throw e;
    }
  };
  const outcome = once();
  const again = once();
  assert.equal(again, outcome, 'the same input gives the same output');
  return { outcome, before, after: doc.documentElement.outerHTML };
}

// --- the grammar -----------------------------------------------------------------------------------------
const TAGS = [
  'p',
  'p',
  'p',
  'div',
  'div',
  'span',
  'a',
  'h1',
  'h2',
  'h3',
  'ul',
  'li',
  'ol',
  'table',
  'tr',
  'td',
  'img',
  'br',
  'article',
  'section',
  'aside',
  'header',
  'footer',
  'nav',
  'main',
  'figure',
  'figcaption',
  'blockquote',
  'pre',
  'code',
  'b',
  'i',
  'script',
  'style',
  'svg',
  'math',
  'mtext',
  'mglyph',
  'iframe',
  'form',
  'noscript',
  'template',
  'select',
  'option',
  'textarea',
  'title',
  'base',
  'meta',
  'xmp',
  'video',
  'source',
  'frameset',
  'frame',
  'object',
  'embed',
  'foreignObject',
  'desc',
];
const TEXTS = [
  '城市的早晨从一杯豆浆开始。老街口的早点铺已经开了三十多年，店主每天凌晨四点起床磨豆，蒸笼里的包子冒着白气。',
  'The harbour town woke slowly on Tuesday, its fishing boats returning with the tide while the bakery pulled its first trays of bread.',
  '大家都在看',
  '【热门阅读】',
  '相关推荐 更多>>',
  'You may also like',
  'Trending · See all',
  '猜你喜歡',
  'おすすめ記事',
  '这部剧为什么大家都在看？因为它讲的是普通人的生活。',
  '2025-01-01 12:00',
  '',
  ' ',
  '&nbsp;',
  '&lt;img src=x onerror=alert(1)&gt;',
  '<!-- c -->',
  ']]>',
  '\u2028',
  '\u0000',
  '😀👍🏽',
  '\u202e',
  'a'.repeat(300),
  '。！？，',
];
const ATTRS = [
  'class="rec"',
  'class="article-content"',
  'class="hot-list"',
  'id="content"',
  'id="__proto__"',
  'name="document"',
  'href="/r/1.html"',
  'href="javascript:alert(1)"',
  'href="#top"',
  'src="/a.jpg"',
  'src="data:,"',
  'data-src="/lazy.jpg"',
  'data-original="javascript:alert(1)"',
  'srcset="/a.jpg 1x, /b.jpg 2x"',
  'onerror="alert(1)"',
  'style="background:url(/x)"',
  'lang="zh-CN"',
  'hidden',
  'aria-hidden="true"',
  'title="</p><img src=x onerror=alert(1)>"',
  'xlink:href="javascript:1"',
  'srcdoc="<b>x</b>"',
];

type Tree = { text: string } | { tag: string; attrs: string[]; kids: Tree[]; close: boolean };
const tree = fc.letrec<{ node: Tree }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 12 })).map(text => ({ text })),
    fc.record({
      tag: fc.constantFrom(...TAGS),
      attrs: fc.array(fc.constantFrom(...ATTRS), { maxLength: 3 }),
      kids: fc.array(tie('node'), { maxLength: 3 }),
      close: fc.integer({ min: 0, max: 4 }).map(n => n > 0), // one in five left unclosed
    }),
  ),
})).node;

const render = (t: Tree): string =>
  'text' in t ? t.text : `<${t.tag}${t.attrs.map(a => ` ${a}`).join('')}>${t.kids.map(render).join('')}${t.close ? `</${t.tag}>` : ''}`;

const randomDoc = fc
  .record({
    head: fc.array(tree, { maxLength: 2 }),
    body: fc.array(tree, { minLength: 1, maxLength: 5 }),
    lang: fc.constantFrom('', ' lang="zh-CN"', ' lang="en"', ' lang=""', ' lang="x-💥"'),
  })
  .map(
    ({ head, body, lang }) =>
      `<!DOCTYPE html><html${lang}><head><title>T</title>${head.map(render).join('')}</head><body>${body.map(render).join('')}</body></html>`,
  );

const options = fc.record({
  url: fc.constantFrom(...URLS),
  noRules: fc.integer({ min: 0, max: 9 }).map(n => n < 2),
  disabled: fc.subarray(['feed-popular', 'feed-related', 'feed-for-you', 'no-such-rule']),
});

// --- the mutator over the fixtures ----------------------------------------------------------------------
const sources = fixtureSlugs().map(readSource);
type Op = { kind: 'delete' | 'duplicate' | 'truncate' | 'insert' | 'retag'; at: number; len: number; frag: string };
const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('delete', 'duplicate', 'truncate', 'insert', 'insert', 'retag'),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  len: fc.integer({ min: 1, max: 600 }),
  frag: tree.map(render),
});
function mutate(src: string, ops: Op[]): string {
  let s = src;
  for (const o of ops) {
    const i = Math.floor(o.at * s.length);
    if (o.kind === 'delete') s = s.slice(0, i) + s.slice(i + o.len);
    else if (o.kind === 'duplicate') s = s.slice(0, i + o.len) + s.slice(i, i + o.len) + s.slice(i + o.len);
    else if (o.kind === 'truncate') s = s.slice(0, Math.max(i, s.length - o.len));
    else if (o.kind === 'insert') s = s.slice(0, i) + o.frag + s.slice(i);
    else s = s.slice(0, i) + s.slice(i).replace(/<(\/?)(p|div|section|ul|li|h2|h3|span)\b/, `<$1${o.frag.match(/^<(\w+)/)?.[1] ?? 'div'}`);
  }
  return s;
}
const mutatedDoc = fc
  .tuple(fc.nat(sources.length - 1), fc.array(op, { minLength: 1, maxLength: 4 }))
  .map(([n, ops]) => mutate(sources[n]!, ops));

// --- the properties -------------------------------------------------------------------------------------
let outcomes = { articles: 0, none: 0 };
const property = (html: string, opts: { url: string; noRules: boolean; disabled: string[] }): void => {
  const r = run(html, opts);
  assert.equal(r.after, r.before, 'the input document is unchanged');
  if (r.outcome.startsWith('NoArticleError')) outcomes.none++;
  else outcomes.articles++;
};

const randomRuns = Math.round(RUNS * 0.85);
test(`fuzz: ${randomRuns} random documents from an HTML grammar`, () => {
  const t0 = performance.now();
  outcomes = { articles: 0, none: 0 };
  fc.assert(fc.property(randomDoc, options, property), { seed: SEED, numRuns: randomRuns });
  console.log(
    `# random: ${randomRuns} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s (${outcomes.articles} articles, ${outcomes.none} no-article; counts include shrinking)`,
  );
});

test(`fuzz: ${RUNS - randomRuns} mutated fixture pages`, () => {
  const t0 = performance.now();
  outcomes = { articles: 0, none: 0 };
  fc.assert(fc.property(mutatedDoc, options, property), { seed: SEED + 1, numRuns: RUNS - randomRuns });
  console.log(
    `# mutated: ${RUNS - randomRuns} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s (${outcomes.articles} articles, ${outcomes.none} no-article)`,
  );
});

test('a page that starts "<!DOCTYPE<!DOCTYPE html>" gives its article (found by this fuzzer; clean.ts clones around it)', () => {
  const para =
    '<p>The harbour town woke slowly on Tuesday, its fishing boats returning with the tide while the bakery pulled bread from the oven.</p>';
  const doc = parser.parseFromString(
    `<!DOCTYPE<!DOCTYPE html><html><head><title>T</title></head><body><article>${para.repeat(4)}</article></body></html>`,
    'text/html',
  );
  assert.ok(clean(doc, { url: URLS[3]! }, { window: window as never }).text.includes('harbour town'));
});
