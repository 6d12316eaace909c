/** Titles lose the site suffix only on evidence (a headline, a site name, a host, a Chinese site word). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, titleEvidence } from '../../src/core/meta/title';
import { load } from '../helpers/core';

const ev = (o: Partial<ReturnType<typeof titleEvidence>> = {}) => ({ headlines: [], h1s: [], siteNames: [], host: '', ...o });

test('suffixes with evidence are cut', () => {
  assert.equal(cleanTitle('央行降准0.5个百分点_快讯网', ev()), '央行降准0.5个百分点');
  assert.equal(cleanTitle('央行降准0.5个百分点_新浪财经_新浪网', ev({ host: 'finance.sina.com.cn' })), '央行降准0.5个百分点');
  assert.equal(cleanTitle('央行降准 - 网易新闻', ev()), '央行降准');
  assert.equal(cleanTitle('Kelp farms rise | The Ledger', ev({ siteNames: ['The Ledger'] })), 'Kelp farms rise');
  assert.equal(cleanTitle('Kelp farms rise | The Ledger', ev({ host: 'theledger.com' })), 'Kelp farms rise');
  assert.equal(
    cleanTitle('Kelp farms rise - Part 2 | Example News', ev({ headlines: ['Kelp farms rise - Part 2'] })),
    'Kelp farms rise - Part 2',
  );
  assert.equal(cleanTitle('The Verge | Kelp farms rise', ev({ host: 'theverge.com' })), 'Kelp farms rise');
});

test('a dash or bar that belongs to the headline stays', () => {
  assert.equal(
    cleanTitle('Python - The Good Parts', ev({ h1s: ['Python - The Good Parts'], headlines: ['Python - The Good Parts'] })),
    'Python - The Good Parts',
  );
  assert.equal(cleanTitle('Python - The Good Parts', ev()), 'Python - The Good Parts');
  assert.equal(cleanTitle('Kelp farms rise | Opinion', ev()), 'Kelp farms rise | Opinion');
  assert.equal(cleanTitle('A|B test results', ev()), 'A|B test results');
});

test('evidence is read from the page: h1, og:title, og:site_name, host', () => {
  const { doc } = load(
    `<html><head><title>老街书店 - 港湾日报</title><meta property="og:site_name" content="港湾日报"></head><body><h1>老街书店</h1></body></html>`,
  );
  const e = titleEvidence(doc, 'https://www.harbour.example/a', null);
  assert.deepEqual(e.h1s, ['老街书店']);
  assert.deepEqual(e.siteNames, ['港湾日报']);
  assert.equal(e.host, 'harbour.example');
  assert.equal(cleanTitle(doc.title, e), '老街书店');
});

test("a logo <h1> equal to the title's suffix is the site, not the headline (Readability corpus v8-blog, mercurial)", () => {
  // The part after the separator is the headline only when the part before it names the site.
  assert.equal(
    cleanTitle('standalone WebAssembly binaries using Emscripten · V8', ev({ h1s: ['V8'], headlines: ['V8'] })),
    'standalone WebAssembly binaries using Emscripten',
  );
  assert.equal(
    cleanTitle(
      'Shared Mutable History — evolve extension for Mercurial',
      ev({ h1s: ['evolve extension for Mercurial'], headlines: ['evolve extension for Mercurial'] }),
    ),
    'Shared Mutable History',
  );
  assert.equal(cleanTitle('网易新闻 - 央行降准', ev({ headlines: ['央行降准'], siteNames: ['网易新闻'] })), '央行降准');
});

test('the CLI reads the title evidence before the page is pruned, as the extension reads the live page', async () => {
  // Readability moves the article's <h1> out of the document it is given: read afterwards (in place, the CLI),
  // the evidence had no h1 and "… - Tech" stayed on the title, while the popup cut it.
  const { clean } = await import('../../src/core/pipeline/index');
  const paras = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i} of the story says what happened in the valley, and why it matters to readers.</p>`,
  ).join('');
  const html = `<html><head><title>Why the valley flooded - Tech</title></head><body><article><h1>Why the valley flooded</h1>${paras}</article></body></html>`;
  const url = 'https://news.example.com/a/1';
  assert.equal(clean(load(html, url).doc, { url }, { inPlace: true }).title, 'Why the valley flooded', 'in place (the CLI)');
  assert.equal(clean(load(html, url).doc, { url }).title, 'Why the valley flooded', 'on a copy (the extension)');
});

test('the h1 and the <title> agree: they win over a name Readability read from a script; an og:title keeps its say', () => {
  // zh-cwce d5bced5e: wikipedia's JSON-LD name is in another script (金鍾國) than its h1 and <title> (金锺国).
  const wiki = ev({ h1s: ['金锺国'], headlines: ['金锺国'], docTitle: '金锺国 - 维基百科，自由的百科全书' });
  assert.equal(cleanTitle('金鍾國', wiki), '金锺国');
  // Readability corpus dropbox-blog: Readability's title is the og:title, which the reference keeps.
  const og = ev({
    h1s: ['How we designed Dropbox ATF: an async task framework'],
    headlines: ['How we designed Dropbox ATF: an async task framework', 'How we designed Dropbox’s ATF - an async task framework'],
    docTitle: 'How we designed Dropbox ATF: an async task framework',
  });
  assert.equal(
    cleanTitle('How we designed Dropbox’s ATF - an async task framework', og),
    'How we designed Dropbox’s ATF - an async task framework',
  );
});
