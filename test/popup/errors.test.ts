/** Each failure maps to the message a person can act on (issue 3, point 4). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanFailureMessage, injectionMessage, restrictedMessage } from '../../src/popup/errors.ts';
import type { Translate } from '../../src/popup/api.ts';

/** Returns the key and its substitutions, so the mapping is tested without the wording. */
const t = ((key: string, subs: (string | number)[] = []) => [key, ...subs].join('|')) as Translate;

test('restricted kinds name their own reason', () => {
  assert.equal(restrictedMessage('browser', t), 'errorRestricted');
  assert.equal(restrictedMessage('store', t), 'errorStore');
  assert.equal(restrictedMessage('pdf', t), 'errorPdf');
  assert.equal(restrictedMessage('file', t), 'errorFile');
});

test('executeScript failures: closed tab, web store, PDF, missing permission, anything else with its detail', () => {
  const url = 'https://example.com/a.html';
  assert.equal(injectionMessage(new Error('No tab with id: 12.'), url, t), 'errorPageGone');
  assert.equal(injectionMessage(new Error('The extensions gallery cannot be scripted.'), url, t), 'errorStore');
  assert.equal(injectionMessage(new Error('Frame with ID 0 is showing error page'), 'https://x.org/paper.pdf', t), 'errorPdf');
  assert.equal(
    injectionMessage(
      new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.'),
      url,
      t,
    ),
    'errorRestricted',
  );
  assert.equal(injectionMessage(new Error('Something odd'), url, t), 'errorInjection|Something odd');
  assert.equal(injectionMessage('plain string', url, t), 'errorInjection|plain string');
});

test('clean failures from the content script', () => {
  assert.equal(cleanFailureMessage('no-article', '', t), 'errorNoArticle');
  assert.equal(cleanFailureMessage('navigated', 'https://example.com/b', t), 'errorPageGone');
  assert.equal(cleanFailureMessage('pdf', '', t), 'errorPdf');
  assert.equal(cleanFailureMessage('failed', 'TypeError: x', t), 'errorFailed|TypeError: x');
});
