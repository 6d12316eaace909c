/** Titles lose the site suffix only on evidence (a headline, a site name, a host, a Chinese site word). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTitle, titleEvidence } from '../../src/core/meta/title';
import { load } from './helpers';

const ev = (o: Partial<ReturnType<typeof titleEvidence>> = {}) => ({ headlines: [], h1s: [], siteNames: [], host: '', ...o });

test('suffixes with evidence are cut', () => {
  assert.equal(cleanTitle('央行降准0.5个百分点_快讯网', ev()), '央行降准0.5个百分点');
  assert.equal(cleanTitle('央行降准0.5个百分点_新浪财经_新浪网', ev({ host: 'finance.sina.com.cn' })), '央行降准0.5个百分点');
  assert.equal(cleanTitle('央行降准 - 网易新闻', ev()), '央行降准');
  assert.equal(cleanTitle('Kelp farms rise | The Ledger', ev({ siteNames: ['The Ledger'] })), 'Kelp farms rise');
  assert.equal(cleanTitle('Kelp farms rise | The Ledger', ev({ host: 'theledger.com' })), 'Kelp farms rise');
  assert.equal(cleanTitle('Kelp farms rise - Part 2 | Example News', ev({ headlines: ['Kelp farms rise - Part 2'] })), 'Kelp farms rise - Part 2');
  assert.equal(cleanTitle('The Verge | Kelp farms rise', ev({ host: 'theverge.com' })), 'Kelp farms rise');
});

test('a dash or bar that belongs to the headline stays', () => {
  assert.equal(cleanTitle('Python - The Good Parts', ev({ h1s: ['Python - The Good Parts'], headlines: ['Python - The Good Parts'] })), 'Python - The Good Parts');
  assert.equal(cleanTitle('Python - The Good Parts', ev()), 'Python - The Good Parts');
  assert.equal(cleanTitle('Kelp farms rise | Opinion', ev()), 'Kelp farms rise | Opinion');
  assert.equal(cleanTitle('A|B test results', ev()), 'A|B test results');
});

test('evidence is read from the page: h1, og:title, og:site_name, host', () => {
  const { doc } = load(`<html><head><title>老街书店 - 港湾日报</title><meta property="og:site_name" content="港湾日报"></head><body><h1>老街书店</h1></body></html>`);
  const e = titleEvidence(doc, 'https://www.harbour.example/a', null);
  assert.deepEqual(e.h1s, ['老街书店']);
  assert.deepEqual(e.siteNames, ['港湾日报']);
  assert.equal(e.host, 'harbour.example');
  assert.equal(cleanTitle(doc.title, e), '老街书店');
});
