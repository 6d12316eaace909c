/**
 * The selector index (src/core/removals/selector-index.ts) answers exactly what querySelectorAll answers: on
 * every fixture page, for selectors of every shape an own rule takes and more, from the body and from an
 * inner element, before and after removals, in standards and quirks mode. And it is what lets 10,000 own
 * rules on the 5 MB page finish (test/hostile/rules.test.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsdom } from '../helpers/dom.ts';
import { fixtureSlugs, readSource } from '../helpers/fixtures.ts';
import { selectorKeys, selectorQuery } from '../../src/core/removals/selector-index.ts';

test('the keys a selector needs: outside parentheses, never through an escape; null where the scan cannot read it', () => {
  assert.deepEqual(selectorKeys('#main .promo'), [{ subject: '.promo', needed: ['#main', '.promo'] }]);
  assert.deepEqual(selectorKeys('div.A.b:not(.c) > span[data-x="a.b"]'), [{ subject: '[data-x', needed: ['.a', '.b', '[data-x'] }]);
  assert.deepEqual(selectorKeys('.a, p'), [
    { subject: '.a', needed: ['.a'] },
    { subject: null, needed: [] },
  ]);
  assert.deepEqual(selectorKeys(':is(.a) p'), [{ subject: null, needed: [] }]);
  assert.deepEqual(selectorKeys('.a\\:b'), [{ subject: null, needed: [] }]);
  for (const s of [':scope > .a', 'svg|a', 'p::before', '.a[x', '.a)']) assert.equal(selectorKeys(s), null, s);
});

/** Selectors built from what a page holds (its ids, classes, attributes and tags) and what it lacks. */
function selectorsFor(doc: Document): string[] {
  const ids = new Set<string>(),
    classes = new Set<string>(),
    attrs = new Set<string>(),
    tags = new Set<string>();
  for (const el of doc.querySelectorAll('*')) {
    tags.add(el.localName);
    if (el.id) ids.add(el.id);
    for (const c of el.classList) classes.add(c);
    for (const a of el.attributes)
      if (!['id', 'class', 'style'].includes(a.name)) attrs.add(`${a.name}="${a.value.replace(/["\\\n]/g, '')}"`);
  }
  const pick = <T>(s: Set<T>, n: number) => [...s].slice(0, n);
  const cs = pick(classes, 12),
    is = pick(ids, 6),
    as = pick(attrs, 8),
    ts = pick(tags, 8);
  const out: string[] = ['.no-such-class', '#no-such-id', '.no-such p', 'p, .no-such', '*', 'p', 'a[href]', 'li:first-child', 'p + p'];
  for (const c of cs) {
    out.push(
      `.${c}`,
      `.${c.toUpperCase()}`,
      `div.${c}`,
      `.${c} a`,
      `.${c} > *`,
      `.${c}:not(p)`,
      `.${c}:first-child`,
      `.${c} + *`,
      `.${c} ~ p`,
      `.${c}:has(a)`,
      `:is(.${c}) p`,
      `.${c}, p`,
      `.${c}, .${cs[0]}`,
      `.${c}.${cs[1] ?? c}`,
      `body .${c}`,
      `html > body .${c} *`,
    );
  }
  for (const i of is) out.push(`#${i}`, `#${i} p`, `#${i} > .${cs[0] ?? 'x'}`, `section#${i}`, `#${i.toUpperCase()}`);
  for (const a of as) out.push(`[${a}]`, `${ts[0] ?? 'div'}[${a}]`, `[${a.split('=')[0]}]`, `[${a.split('=')[0]} ] p`);
  for (const t of ts) out.push(t, `${t}:empty`, `${t}:nth-child(2n+1)`);
  return out;
}

/** Removes, as applySelectors does, every hit of each selector in turn; returns the removed elements' tag.class list and the page after. */
function removeAll(root: Element, sels: string[], query: (sel: string) => Element[]): { removed: string[]; after: string } {
  const removed: string[] = [];
  for (const sel of sels) {
    let hits: Element[];
    try {
      hits = query(sel);
    } catch {
      continue;
    }
    for (const el of hits) {
      if (!el.isConnected || !root.contains(el)) continue;
      removed.push(`${sel} → ${el.localName}.${el.className}`);
      el.remove();
    }
  }
  return { removed, after: root.ownerDocument.documentElement.outerHTML };
}

test('on every fixture page, from the body and from an inner element, the index answers what querySelectorAll answers', () => {
  for (const slug of fixtureSlugs()) {
    for (const quirks of [false, true]) {
      const html = quirks ? readSource(slug).replace(/<!DOCTYPE[^>]*>/i, '') : readSource(slug);
      const doc = jsdom(html).window.document;
      assert.equal(doc.compatMode, quirks ? 'BackCompat' : 'CSS1Compat');
      const sels = selectorsFor(doc);
      for (const root of [doc.body, doc.querySelector('article, main, [class*=content], div') ?? doc.body]) {
        const q = selectorQuery(root);
        for (const sel of sels) {
          let want: string[] | string, got: string[] | string;
          try {
            want = [...root.querySelectorAll(sel)].map(e => e.outerHTML.slice(0, 60));
          } catch (e) {
            want = 'throws';
          }
          try {
            got = q(sel).map(e => e.outerHTML.slice(0, 60));
          } catch (e) {
            got = 'throws';
          }
          if (want !== 'throws') assert.deepEqual(got, want, `${slug}${quirks ? ' (quirks)' : ''}: ${sel}`);
        }
      }
      // Removal in turn: each query sees the tree as the removals before it left it.
      const [a, b] = [jsdom(html).window.document, jsdom(html).window.document];
      const qa = selectorQuery(a.body);
      const byIndex = removeAll(a.body, sels, qa);
      const plain = removeAll(b.body, sels, sel => [...b.body.querySelectorAll(sel)]);
      assert.deepEqual(byIndex.removed, plain.removed, slug);
      assert.equal(byIndex.after, plain.after, slug);
    }
  }
});
