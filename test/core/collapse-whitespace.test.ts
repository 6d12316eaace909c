/**
 * The whitespace turndown drops, dropped before it runs (src/core/export/collapse-whitespace.ts): turndown's
 * output is the same with and without the pass on generated trees (whitespace of every kind next to block,
 * inline, void and pre elements, comments), its own walk then removes nothing, and the Markdown export of a
 * long article never removes a child from the middle of a long child list (jsdom counts the preceding
 * siblings of each such removal: quadratic in the list).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import TurndownService from 'turndown';
import { jsdom } from '../helpers/dom.ts';
import { collapsedAway, removeCollapsedWhitespace } from '../../src/core/export/collapse-whitespace.ts';
import { toMarkdown } from '../../src/core/export/markdown.ts';
import { cleanHtml } from '../helpers/core.ts';

const { window } = jsdom('', 'https://news.example.com/a/1.html');
const parse = (html: string): HTMLElement => new window.DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html').body;

/** Counts removeChild calls while `fn` runs, and those that take a child from the middle of a list of more than 100. */
function removals<T>(fn: () => T): { value: T; all: number; middleOfLong: number } {
  const proto = window.Node.prototype;
  const original = proto.removeChild;
  let all = 0,
    middleOfLong = 0;
  proto.removeChild = function <N extends Node>(this: Node, child: N): N {
    all++;
    if (this.childNodes.length > 100 && this.firstChild !== (child as Node)) middleOfLong++;
    return original.call(this, child) as N;
  };
  try {
    return { value: fn(), all, middleOfLong };
  } finally {
    proto.removeChild = original;
  }
}

// Three ways to read the tree turndown converts: its defaults, our export's options, and every element kept as
// its HTML (no rules: the collapsed tree itself, serialized).
const services = [
  new TurndownService(),
  new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' }),
  new TurndownService({ rules: {} } as TurndownService.Options).keep(() => true),
];

const TAGS = [
  'p',
  'div',
  'span',
  'a',
  'b',
  'em',
  'code',
  'pre',
  'br',
  'img',
  'hr',
  'li',
  'ul',
  'h2',
  'blockquote',
  'td',
  'table',
  'figure',
  'wbr',
  'section',
];
const LEAVES = [
  ' ',
  '  ',
  '\n',
  '\n\n  ',
  '\t',
  ' \r\n ',
  'a',
  'word ',
  ' word',
  ' two words ',
  '中文，',
  '。',
  '\u00a0',
  ' \u3000 ',
  'x\ny',
  '<!-- c -->',
  '',
  '<span></span>',
  '<b> </b>',
  '<img>',
  '<br>',
  '<pre> a </pre>',
  '<code> </code>',
];
const VOID = new Set(['br', 'img', 'hr', 'wbr']);
const tree = fc.letrec<{ node: string; nodes: string }>(tie => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...LEAVES),
    fc.tuple(fc.constantFrom(...TAGS), tie('nodes')).map(([t, inner]) => (VOID.has(t) ? `<${t}>${inner}` : `<${t}>${inner}</${t}>`)),
  ),
  nodes: fc.array(tie('node'), { maxLength: 6 }).map(xs => xs.join('')),
})).nodes;

test('turndown converts the same with the pass as without it, and its own walk then removes nothing', () => {
  fc.assert(
    fc.property(tree, html => {
      for (const td of services) {
        const before = td.turndown(parse(html));
        const root = parse(html);
        removeCollapsedWhitespace(root);
        assert.deepEqual(collapsedAway(root), [], 'nothing left that turndown would remove in its walk');
        const after = removals(() => td.turndown(root));
        assert.equal(after.value, before, html);
        assert.ok(after.all <= 1, `turndown removed ${after.all} nodes itself (at most the last text node, after its walk)`);
      }
    }),
    { numRuns: 500 },
  );
});

test('the Markdown export of a long article removes no child from the middle of a long list', () => {
  const paras = Array.from({ length: 400 }, (_, i) => `<p>第${i}段：城市的早晨从一杯豆浆开始，店主每天凌晨四点起床磨豆。</p>`).join('\n');
  const article = cleanHtml(
    `<!DOCTYPE html><html lang="zh-CN"><head><title>长文</title></head><body><article><h1>长文</h1>${paras}</article></body></html>`,
  );
  const { value: md, middleOfLong } = removals(() => toMarkdown(article, window.document));
  assert.match(md, /第399段/);
  assert.equal(middleOfLong, 0);
});
