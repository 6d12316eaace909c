/** Pure edits of own rules: ids stay unique, bundled ids are never taken, undo puts a rule back. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addUserRules,
  defaultSettings,
  dropQuarantined,
  ownRuleFile,
  removeUserRule,
  resetSite,
  restoreUserRule,
  replaceUserRule,
  type AddResult,
  type OnClash,
  type Settings,
} from '../../src/settings/index.ts';
import type { Rule } from '../../src/core/rules/types.ts';
import { freeze } from '../helpers/settings.ts';

const mine = { id: 'promo', title: 'Promo', sites: ['example.com'], remove: ['.promo'] };
const base = () => freeze({ ...defaultSettings(), userRules: [mine] });

test('a new id is added; a clash with an own rule is renamed by default, or replaces it when asked', () => {
  const other = { id: 'teaser', title: 'T', sites: ['example.com'], labels: ['More'] };
  const r1 = addUserRules(base(), [other, { ...mine, title: 'Promo 2' }]);
  assert.deepEqual(
    r1.settings.userRules.map(r => r.id),
    ['promo', 'teaser', 'promo-2'],
  );
  assert.deepEqual(r1.renamed, [{ from: 'promo', to: 'promo-2' }]);
  const r2 = addUserRules(base(), [{ ...mine, title: 'New' }], { onClash: 'replace' });
  assert.deepEqual(r2.settings.userRules, [{ ...mine, title: 'New' }]);
  assert.deepEqual(r2.replaced, ['promo']);
});

test('a bundled id is never taken over, even with onClash "replace"', () => {
  const r = addUserRules(base(), [{ ...mine, id: 'feed-popular' }], { onClash: 'replace', reserved: ['feed-popular'] });
  assert.deepEqual(
    r.settings.userRules.map(x => x.id),
    ['promo', 'feed-popular-2'],
  );
});

test('a renamed id stays within the 64-character limit', () => {
  const long = 'a'.repeat(64);
  const r = addUserRules({ ...defaultSettings(), userRules: [{ ...mine, id: long }] }, [{ ...mine, id: long }]);
  assert.equal(r.added[0]!.id.length, 64);
  assert.match(r.added[0]!.id, /-2$/);
});

test('delete then undo puts the rule back where it was; replace edits in place', () => {
  const s = { ...defaultSettings(), userRules: [mine, { ...mine, id: 'b' }, { ...mine, id: 'c' }] };
  const { settings, removed, index } = removeUserRule(s, 'b');
  assert.deepEqual(
    settings.userRules.map(r => r.id),
    ['promo', 'c'],
  );
  assert.deepEqual(restoreUserRule(settings, removed!, index), { settings: { ...s }, id: 'b', renamed: false });
  assert.deepEqual(replaceUserRule(s, 'c', { ...mine, id: 'c', title: 'C!' }).userRules[2]!.title, 'C!');
});

test('undo of a delete whose id was taken since keeps both: the restored rule gets a fresh id, never a bundled one', () => {
  const s = { ...defaultSettings(), userRules: [mine, { ...mine, id: 'b' }] };
  const { settings, removed, index } = removeUserRule(s, 'b');
  const reused = { ...settings, userRules: [...settings.userRules, { ...mine, id: 'b', title: 'Made since' }] };
  const r = restoreUserRule(freeze(reused), removed!, index, ['b-2']);
  assert.deepEqual(
    r.settings.userRules.map(x => `${x.id}:${x.title}`),
    ['promo:Promo', 'b-3:Promo', 'b:Made since'],
  );
  assert.deepEqual([r.id, r.renamed], ['b-3', true]);
});

test('dropping quarantine entries drops exactly the ones shown (each once), keeping any set aside since', () => {
  const a = { rule: { id: 'a' }, errors: ['bad a'] };
  const b = { rule: 'junk', errors: [] };
  const s = freeze({ ...defaultSettings(), quarantine: [a, b, a, { rule: { id: 'c' }, errors: ['bad c'] }] });
  const r = dropQuarantined(s, [structuredClone(a), structuredClone(b), { rule: { id: 'gone' }, errors: [] }]);
  assert.deepEqual(r.dropped, [a, b]);
  assert.deepEqual(r.settings.quarantine, [a, { rule: { id: 'c' }, errors: ['bad c'] }]);
});

test('reset a site forgets the switches of the site and its hosts, nothing else', () => {
  const s = {
    ...defaultSettings(),
    sites: {
      'example.com': { enabled: false },
      'news.example.com': { rules: { a: false } },
      'other.org': { enabled: false },
      '*': { rules: { a: false } },
    },
  };
  assert.deepEqual(Object.keys(resetSite(s, 'example.com').sites).sort(), ['*', 'other.org']);
  assert.deepEqual(Object.keys(resetSite(s, '*').sites).sort(), ['example.com', 'news.example.com', 'other.org']);
});

test('the export is a version-1 rule file of the own rules', () => {
  assert.deepEqual(ownRuleFile(base()), { version: 1, rules: [mine] });
});

/** addUserRules as it stood before issue 16 (a set of taken ids rebuilt per clash): the reference for small inputs. */
function reference(settings: Settings, rules: readonly Rule[], opts: { onClash?: OnClash; reserved?: Iterable<string> } = {}): AddResult {
  const freshId = (id: string, taken: ReadonlySet<string>): string => {
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = id.slice(0, 64 - suffix.length).replace(/-+$/, '') + suffix;
      if (!taken.has(candidate)) return candidate;
    }
  };
  const reserved = new Set(opts.reserved ?? []);
  const own = settings.userRules.map(r => r);
  const result: AddResult = { settings, added: [], renamed: [], replaced: [] };
  for (const input of rules) {
    let rule: Rule = JSON.parse(JSON.stringify(input)) as Rule;
    const at = own.findIndex(r => r.id === rule.id);
    if (reserved.has(rule.id) || (at >= 0 && opts.onClash !== 'replace')) {
      const taken = new Set([...reserved, ...own.map(r => r.id), ...rules.map(r => r.id)]);
      const to = freshId(rule.id, taken);
      result.renamed.push({ from: rule.id, to });
      rule = { ...rule, id: to };
      own.push(rule);
    } else if (at >= 0) {
      own[at] = rule;
      result.replaced.push(rule.id);
    } else own.push(rule);
    result.added.push(rule);
  }
  result.settings = { ...settings, userRules: own };
  return result;
}

test('addUserRules gives the same answers as the reference on small random inputs (ids that clash, suffixes, bundled ids)', () => {
  // Few distinct ids, some already suffixed or near the 64-character limit, so clashes and taken suffixes are common.
  const id = fc.constantFrom('a', 'a-2', 'a-3', 'b', 'b-2', 'feed-popular', 'x'.repeat(64), `${'x'.repeat(62)}-2`, 'c--');
  const rule = id.map(i => ({ id: i, title: `T ${i}`, sites: ['*'], remove: [`.${i.length}`] }));
  const unique = (list: Rule[]) => [...new Map(list.map(r => [r.id, r])).values()];
  fc.assert(
    fc.property(
      fc.array(rule, { maxLength: 6 }).map(unique),
      fc.array(rule, { maxLength: 8 }),
      fc.constantFrom<OnClash | undefined>('rename', 'replace', undefined),
      fc.boolean(),
      (own, file, onClash, bundled) => {
        const settings = freeze({ ...defaultSettings(), userRules: own });
        const opts = { onClash, reserved: bundled ? ['feed-popular', 'b'] : [] };
        assert.deepEqual(addUserRules(settings, file, opts), reference(settings, file, opts));
      },
    ),
    { numRuns: 2000 },
  );
});

/** Rules whose `id` counts its reads: the work addUserRules does, counted instead of timed. */
function counted(n: number, prefix: string, reads: { n: number }): Rule[] {
  return Array.from({ length: n }, (_, i) => {
    const r = { title: `Rule ${i}`, sites: ['example.com'], remove: [`.r${i}`] } as unknown as Rule;
    Object.defineProperty(r, 'id', { get: () => (reads.n++, `${prefix}${i}`), enumerable: true });
    return r;
  });
}

test('re-importing n own rules with "keep both" reads each id a bounded number of times (linear, not n²)', () => {
  const reads = (n: number) => {
    const count = { n: 0 };
    const settings = { ...defaultSettings(), userRules: counted(n, 'mine-', count) };
    const r = addUserRules(settings, counted(n, 'mine-', count), { onClash: 'rename', reserved: ['feed-popular'] });
    assert.equal(r.renamed.length, n);
    assert.equal(r.settings.userRules.length, 2 * n);
    return count.n;
  };
  const [small, large] = [reads(1000), reads(4000)];
  assert.ok(large <= 10 * 4000, `${large} id reads for 4,000 rules`);
  assert.ok(large / small < 4.5, `4× the rules cost ${(large / small).toFixed(1)}× the reads (n² would be 16×)`);
});
