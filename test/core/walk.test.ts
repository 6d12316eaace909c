/**
 * The one bounded walk (text/walk.ts walk) costs what it reads: counted in DOM steps (every read of a node's
 * firstChild, lastChild, nextSibling, previousSibling, parentNode or childNodes), never in time. A measure
 * that stops at its bound reads the same number of nodes whatever follows; the whole clean of a page with N
 * siblings takes about twice the steps at 2N (it took four times: the label scan was N²).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom } from '../helpers/dom.ts';
import { hasText, SKIP, STOP, textCharsUpTo, textNodes, textUpTo, visibleText, walk } from '../../src/core/text/walk.ts';
import { measureUntilSentence } from '../../src/core/text/shape.ts';
import { clean } from '../../src/core/pipeline/index.ts';
import { findModules } from '../../src/core/removals/module.ts';
import { removalContext } from '../../src/core/removals/context.ts';
import { bundledRules } from '../../src/core/rules/index.ts';
import { siblingsPage } from '../hostile/pages-gen.ts';

const STEPS = ['firstChild', 'lastChild', 'nextSibling', 'previousSibling', 'parentNode', 'parentElement', 'childNodes'] as const;

/** A jsdom window whose Node getters count their reads; `steps()` is the count so far. */
function counted(html: string): { doc: Document; window: Window & typeof globalThis; steps: () => number } {
  const { window } = jsdom(html);
  let n = 0;
  for (const name of STEPS) {
    const proto = window.Node.prototype;
    const d = Object.getOwnPropertyDescriptor(proto, name)!;
    Object.defineProperty(proto, name, {
      ...d,
      get(this: Node) {
        n++;
        return d.get!.call(this);
      },
    });
  }
  return { doc: window.document, window: window as never, steps: () => n };
}

/** Steps `f` takes on a page whose #box holds `n` copies of `child` after `lead`. */
function stepsOn(n: number, lead: string, child: string, f: (box: Element) => unknown): number {
  const { doc, steps } = counted(`<div id="box">${lead}${child.repeat(n)}</div>`);
  const box = doc.getElementById('box')!;
  const before = steps();
  f(box);
  return steps() - before;
}

test('each bounded measure reads as far as its bound, not every child of the element it is asked about', () => {
  const cases: [string, string, string, (box: Element) => unknown][] = [
    ['textUpTo', '', '<span>x</span>', box => assert.equal(textUpTo(box, 20), null)],
    ['textUpTo visible', '', '<span>xy</span>', box => assert.equal(textUpTo(box, 20, true), null)],
    ['textCharsUpTo', '', '<span>x</span>', box => assert.equal(textCharsUpTo(box, 20), 21)],
    ['hasText', '<i></i><b>x</b>', '<span>y</span>', box => assert.equal(hasText(box), true)],
    ['measureUntilSentence', '<p>One sentence.</p>', '<span>y</span>', box => assert.equal(measureUntilSentence(box).sentences, 1)],
    [
      'walk STOP',
      '',
      '<span>x</span>',
      box => {
        let k = 0;
        walk(box, false, () => (++k === 10 ? STOP : undefined));
      },
    ],
  ];
  for (const [name, lead, child, f] of cases) {
    const [a, b] = [stepsOn(1_000, lead, child, f), stepsOn(4_000, lead, child, f)];
    assert.equal(b, a, `${name}: ${a} steps beside 1,000 children, ${b} beside 4,000`);
    assert.ok(a < 200, `${name}: ${a} steps`);
  }
});

test('a whole walk costs a few steps per node, however wide or deep the tree', () => {
  const wide = (n: number) => stepsOn(n, '', '<span>x</span>', box => textNodes(box));
  const deep = (n: number) => stepsOn(1, '', '<b>'.repeat(n) + 'x' + '</b>'.repeat(n), box => visibleText(box));
  for (const [name, f] of [
    ['wide', wide],
    ['deep', deep],
  ] as const) {
    const [a, b] = [f(1_000), f(2_000)];
    assert.ok(b <= 2 * a + 8 && b >= 2 * a - 8, `${name}: ${a} steps at 1,000, ${b} at 2,000`);
    assert.ok(a <= 4 * 2_000, `${name}: at most four steps a node (${a})`);
  }
});

test('walk: document order, SKIP leaves children unread, visible leaves SKIPPED_TAGS closed, leave after the children', () => {
  const { document } = jsdom('<div id="r">a<b>b<i>c</i></b><script>s</script><p>d</p>e</div>').window;
  const r = document.getElementById('r')!;
  const log: string[] = [];
  const name = (n: Node) => (n.nodeType === 1 ? (n as Element).localName : n.nodeValue!);
  walk(
    r,
    true,
    n => {
      log.push(name(n));
      return (n as Element).localName === 'p' ? SKIP : undefined;
    },
    n => log.push(`/${name(n)}`),
  );
  assert.deepEqual(log, ['div', 'a', 'b', 'b', 'i', 'c', '/i', '/b', 'script', '/script', 'p', '/p', 'e', '/div']);
  log.length = 0;
  walk(r.querySelector('b')!, false, n => {
    log.push(name(n));
  });
  assert.deepEqual(log, ['b', 'b', 'i', 'c'], 'never past its root');
  const frag = document.createDocumentFragment();
  frag.append('x', document.createElement('span'), 'y');
  assert.deepEqual(
    textNodes(frag).map(t => t.nodeValue),
    ['x', 'y'],
  );
});

test('the label scan over a parent of N short children is linear in N (steps at 2N about twice those at N)', () => {
  const labels = removalContext(bundledRules().rules).labels();
  for (const kind of ['spans', 'links', 'lists'] as const) {
    const at = (n: number) => {
      const { doc, steps } = counted(siblingsPage(n, kind));
      const before = steps();
      findModules(doc.body, labels);
      return steps() - before;
    };
    const [a, b] = [at(2_000), at(4_000)];
    assert.ok(b < 2.3 * a, `${kind}: ${a} steps at 2,000 siblings, ${b} at 4,000 (${(b / a).toFixed(2)}×)`);
  }
});

test('the whole clean of a page with N siblings is linear in N (steps at 2N about twice those at N)', () => {
  for (const kind of ['spans', 'links', 'lists'] as const) {
    const at = (n: number) => {
      const { doc, steps } = counted(siblingsPage(n, kind));
      const before = steps();
      const article = clean(doc, { url: 'https://news.example.com/a/1.html' });
      assert.ok(article.text.includes('keep the ovens warm'));
      return steps() - before;
    };
    const [a, b] = [at(2_000), at(4_000)];
    assert.ok(b < 2.3 * a, `${kind}: ${a} steps at 2,000 siblings, ${b} at 4,000 (${(b / a).toFixed(2)}×)`);
  }
});
