/**
 * One language at a time (issue 18): the popup and the rules page rendered in jsdom in each locale, every
 * panel opened, and every control's label read (buttons, links, labels, summaries, options, legends,
 * aria-labels and tooltips). No label may mix Chinese and English: in zh_CN no Latin word beside Chinese
 * (file extensions, web addresses and "Markdown" aside), in en no Chinese at all. Bundled rule names come
 * from _locales, never the rule file's two-language title.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h, render } from 'preact';
import { popupDom } from '../helpers/popup-dom.ts';
import { App } from '../../src/popup/components/app.tsx';
import { RulesPage } from '../../src/options/components/rules-page.tsx';
import { fakeApi, sampleExtracted } from '../helpers/fake-popup-api.ts';
import { fakeOptionsApi } from '../helpers/fake-options-api.ts';
import { bundledRules } from '../../src/core/rules/index.ts';
import { BUNDLED_RULE_TEXT } from '../../src/ui/rule-titles.ts';
import type { Extracted } from '../../src/core/types.ts';
import { mixedLanguage as mixed } from '../helpers/locale.ts';

const popup = popupDom(['HTMLInputElement', 'KeyboardEvent', 'InputEvent']);
const { q } = popup;
const qa = (sel: string) => [...popup.dom.window.document.querySelectorAll(sel)];
const until = async (f: () => unknown, what: string) => {
  for (let i = 0; i < 300; i++) {
    if (f()) return;
    await new Promise(r => setTimeout(r, 5));
  }
  throw new Error(`${what} never happened: ${popup.dom.window.document.body.innerHTML.slice(0, 1500)}`);
};

/** Every control label in the document. */
function labels(): string[] {
  const out: string[] = [];
  const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  for (const e of qa('button, a, label, summary, option, legend, [role=menuitem]')) out.push(e.getAttribute('aria-label') ?? text(e));
  for (const e of qa('[aria-label], [title], [placeholder]'))
    for (const a of ['aria-label', 'title', 'placeholder']) if (e.getAttribute(a)) out.push(e.getAttribute(a)!);
  return out.filter(Boolean);
}

/** A Chinese article for the Chinese popup (the page's words are the page's; the labels around them are ours). */
const zhArticle = (): Extracted => ({
  ...sampleExtracted(),
  title: '夜班公交',
  byline: '周晓岚',
  siteName: '每日看点',
  declaredLang: 'zh-CN',
  html:
    `<p>凌晨一点四十分，西门站的站牌下站着七个人。</p><p>${'夜班公交穿过老城区的街道，司机说这条线路已经开了十二年。'.repeat(30)}</p>` +
    '<p>本文来源：夜报</p><p>责任编辑：李安</p>',
  titleEvidence: { headlines: ['夜班公交'], h1s: ['夜班公交'], siteNames: ['每日看点'] },
});

for (const locale of ['zh_CN', 'en'] as const) {
  test(`${locale}: no control label of the popup mixes Chinese and English, every panel open`, async () => {
    const fake = fakeApi(
      { id: 7, url: 'https://news.example.com/a/1' },
      () => ({ ok: true, extracted: locale === 'en' ? sampleExtracted() : zhArticle(), ms: 1 }),
      { locale },
    );
    const root = popup.dom.window.document.getElementById('root')!;
    render(null, root);
    render(h(App, { api: fake.api }), root);
    await until(() => q('[data-testid=article]'), 'the article');
    (q('[data-testid=cleanup-line]') as HTMLButtonElement).click();
    (q('[data-testid=export-menu]') as HTMLButtonElement).click();
    (q('[data-testid=settings-toggle]') as HTMLButtonElement).click();
    await until(() => q('[data-testid=reader-settings]'), 'the reading settings');
    const found = labels();
    assert.ok(found.length > 30, `${found.length} labels read`);
    assert.deepEqual(found.map(l => mixed(l, locale)).filter(Boolean), []);
    // Remove-blocks mode: its bar.
    (q('[data-testid=edit-mode]') as HTMLButtonElement).click();
    await until(() => q('[data-testid=rule-save]'), 'the remove-blocks bar');
    assert.deepEqual(
      labels()
        .map(l => mixed(l, locale))
        .filter(Boolean),
      [],
    );
  });

  test(`${locale}: no control label of the rules page mixes Chinese and English, every disclosure open`, async () => {
    const own = {
      id: 'mine-example-com-1',
      title: locale === 'en' ? 'My rule 1 · example.com' : '我的规则 1 · example.com',
      sites: ['example.com'],
      remove: ['.promo'],
      labels: [locale === 'en' ? 'Editor picks' : '编辑精选'],
    };
    const fake = fakeOptionsApi({ schemaVersion: 1, userRules: [own] }, { locale });
    fake.history = {
      history: [
        {
          id: 'h1',
          url: 'https://news.example.com/a/1',
          title: locale === 'en' ? 'Night bus' : '夜班公交',
          siteName: null,
          at: 1,
          bytes: 100,
        },
      ],
    };
    const root = popup.dom.window.document.getElementById('root')!;
    render(null, root);
    render(h(RulesPage, { api: fake.api }), root);
    await until(() => q('[data-testid=rule-row]') && q('[data-testid=history-entry]'), 'the rows and the history');
    for (const d of qa('details')) (d as HTMLDetailsElement).open = true;
    (q('[data-rule-id=mine-example-com-1] [data-testid=rule-edit]') as HTMLButtonElement).click();
    await until(() => q('[data-testid=rule-editor]'), 'the editor');
    const found = labels();
    assert.ok(found.length > 20, `${found.length} labels read`);
    assert.deepEqual(found.map(l => mixed(l, locale)).filter(Boolean), []);
    // The bundled rules show their names from _locales, never the file's "中文 · English" title.
    const titles = qa('[data-testid=rule-title]').map(e => e.textContent!);
    for (const r of bundledRules().rules) assert.ok(!titles.includes(r.title), `${r.id} is not shown as “${r.title}”`);
    // Rule ids and selectors only behind "Advanced".
    for (const code of qa('[data-testid=rule-id], code.selector'))
      assert.ok(code.closest('details.advanced'), `${code.textContent} is behind Advanced`);
  });
}

test('every bundled rule has a name and a description in _locales', () => {
  for (const r of bundledRules().rules) assert.ok(BUNDLED_RULE_TEXT[r.id], `${r.id} has message keys`);
  assert.deepEqual(
    Object.keys(BUNDLED_RULE_TEXT).sort(),
    bundledRules()
      .rules.map(r => r.id)
      .sort(),
  );
});

test('the mixing check itself: it catches what issue 18 found, and lets addresses and extensions be', () => {
  assert.equal(mixed('热门与排行推荐 · Trending and most-read lists', 'zh_CN'), '热门与排行推荐 · Trending and most-read lists');
  assert.ok(mixed('热门与排行推荐 · Trending and most-read lists', 'en'));
  assert.equal(mixed('文本 (.txt)', 'zh_CN'), null);
  assert.equal(mixed('我的规则 1 · news.example.com', 'zh_CN'), null);
  assert.equal(mixed('Markdown (.md)', 'zh_CN'), null);
  assert.ok(mixed('要移除的 CSS 选择器', 'zh_CN'));
});
