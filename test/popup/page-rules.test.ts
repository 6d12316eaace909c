/**
 * What of the person's own rules travels into the page (issue 16, item 12): each request the popup sends
 * into a page's isolated world (a clean, a re-clean, a derivation) holds only the own rules for that page's
 * site, without their titles and evidence (the URLs of the pages they were made on); the popup itself still
 * shows every matching rule's title in its switches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { App } from '../../src/popup/components/app.tsx';
import { pageRules } from '../../src/popup/session.ts';
import type { Rule } from '../../src/core/rules/types.ts';
import type { Extracted } from '../../src/core/types.ts';
import { defaultSettings } from '../../src/settings/index.ts';
import { fakeApi, sampleExtracted, type Fake } from '../helpers/fake-popup-api.ts';

const popup = popupDom();
const q = popup.q;
const qa = (sel: string) => [...popup.dom.window.document.querySelectorAll(sel)];
async function until<T>(f: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = f();
    if (v) return v;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`never: ${what}`);
}

const URL_ = 'https://news.example.com/a/1';
/** Own rules of four kinds: this host, its registrable domain, every site, and sites elsewhere. */
const OWN: Rule[] = [
  {
    id: 'mine-news',
    title: 'Promo on news',
    sites: ['news.example.com'],
    remove: ['.promo'],
    evidence: 'https://news.example.com/a/0 (2026-01-02)',
  },
  {
    id: 'mine-domain',
    title: 'Box on example.com',
    sites: ['example.com'],
    labels: ['Related'],
    evidence: 'https://www.example.com/b (2026-01-03)',
  },
  { id: 'mine-everywhere', title: 'Share bars', sites: ['*'], lines: ['Share this'] },
  {
    id: 'mine-clinic',
    title: 'My clinic portal',
    sites: ['clinic.example.org'],
    remove: ['.ad'],
    evidence: 'https://clinic.example.org/patient/4711/results (2026-01-04)',
  },
  {
    id: 'mine-bank',
    title: 'Bank banner',
    sites: ['bank.example.net', 'other.example.com.cn'],
    remove: ['.b'],
    evidence: 'https://bank.example.net/accounts',
  },
];
const THIS_SITE = ['mine-news', 'mine-domain', 'mine-everywhere'];

/** A fake whose stored settings hold OWN, answering cleans with `answer`. */
function withOwnRules(answer?: Parameters<typeof fakeApi>[1]): Fake {
  const fake = fakeApi({ id: 7, url: URL_ }, answer);
  fake.saved.push({ ...defaultSettings(), userRules: OWN });
  return fake;
}

async function mount(fake: Fake, selector: string): Promise<void> {
  const root = popup.dom.window.document.getElementById('root')!;
  render(null, root);
  render(h(App, { api: fake.api }), root);
  await until(() => q(selector), selector);
}

/** Every request's own rules carry only what the page half reads, and only this site's. */
function assertPageRules(rules: readonly object[], what: string): void {
  assert.deepEqual(
    rules.map(r => (r as Rule).id),
    THIS_SITE,
    `${what}: only the rules for news.example.com`,
  );
  for (const r of rules) {
    assert.ok(!('title' in r), `${what}: ${(r as Rule).id} travels without its title`);
    assert.ok(!('evidence' in r), `${what}: ${(r as Rule).id} travels without its evidence`);
  }
  assert.ok(!JSON.stringify(rules).includes('clinic') && !JSON.stringify(rules).includes('bank'), `${what}: nothing of other sites' rules`);
}

test("pageRules: the core's site match, each rule without title and evidence, the rest of it whole", () => {
  assert.deepEqual(pageRules(OWN, URL_), [
    { id: 'mine-news', sites: ['news.example.com'], remove: ['.promo'] },
    { id: 'mine-domain', sites: ['example.com'], labels: ['Related'] },
    { id: 'mine-everywhere', sites: ['*'], lines: ['Share this'] },
  ]);
  assert.deepEqual(
    pageRules(OWN, 'file:///home/me/page.html').map(r => r.id),
    ['mine-everywhere'],
    'a URL without a host gets the "*" rules only',
  );
  assert.deepEqual(OWN[0]!.title, 'Promo on news', 'the stored rules are not changed');
});

test("the first clean and every re-clean send only this site's own rules, without titles or evidence; the switches still show the titles", async () => {
  const fake = withOwnRules();
  await mount(fake, '[data-testid=article]');
  assertPageRules(fake.cleans[0]!.userRules, 'first clean');
  const labels = qa('[data-testid=rule-toggle]').map(el => el.closest('label')!.textContent ?? '');
  for (const title of ['Promo on news', 'Box on example.com', 'Share bars'])
    assert.ok(
      labels.some(l => l.includes(title)),
      `the switch of “${title}” shows its title`,
    );
  assert.ok(!labels.some(l => l.includes('clinic') || l.includes('Bank')), "other sites' rules have no switch here");
  const before = fake.cleans.length;
  (q('[data-testid=rule-toggle][data-rule-id=mine-news]') as HTMLInputElement).click();
  await until(() => fake.cleans.length > before, 're-clean');
  const again = fake.cleans.at(-1)!;
  assert.deepEqual(again.disabled, ['mine-news']);
  assertPageRules(again.userRules, 're-clean');
});

const PROSE = 'The night bus crossed the river again and the driver waved at the baker. '.repeat(8);
/** An extraction with block marks when asked (remove-blocks mode). */
function marked(marks: boolean): Extracted {
  const m = (n: number) => (marks ? ` data-jy-block="${n}"` : '');
  return {
    ...sampleExtracted(),
    html: `<div${m(1)}><p${m(2)}>${PROSE}</p><p${m(3)}>Open the app</p><p${m(4)}>${PROSE}</p></div>`,
    removed: [],
  };
}

test("a derivation in the page gets only this site's own rules, without titles or evidence", async () => {
  const fake = withOwnRules(req => ({ ok: true, extracted: marked(!!req.marks), ms: 1 }));
  await mount(fake, '[data-testid=article]');
  (q('[data-testid=edit-mode]') as HTMLButtonElement).click();
  await until(() => qa('[data-testid=block]').length > 0, 'blocks');
  assertPageRules(fake.cleans.at(-1)!.userRules, 'the marked clean');
  await until(() => (q('[data-testid=rule-scope]') as HTMLSelectElement | null)?.value, 'scope');
  fake.deriveAnswer = req => ({
    ok: true,
    derived: { rule: { ...req.head, remove: ['.app'] }, outcomes: [{ ok: true, kind: 'selector', description: ['.app'] }], verified: true },
  });
  (qa('[data-testid=block]').find(b => b.textContent!.includes('Open the app')) as HTMLElement).click();
  await until(() => !(q('[data-testid=rule-save]') as HTMLButtonElement).disabled, 'save enabled');
  (q('[data-testid=rule-save]') as HTMLButtonElement).click();
  await until(() => fake.derives.length > 0, 'derive');
  assertPageRules(fake.derives[0]!.userRules, 'derive');
});
