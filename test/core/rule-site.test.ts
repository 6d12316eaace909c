/** Which site a person's new rule is for: the registrable domain by the Public Suffix List, or an IP address itself. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultRuleSite, isRegistrableSite } from '../../src/core/rules/psl';
import { hostInSite, parseRules, rulesForUrl } from '../../src/core/rules/index';
import { newRuleId, addUserRules } from '../../src/settings/own-rules';
import { defaultSettings } from '../../src/settings/index';

test('the default site is the registrable domain; an IP address stands for itself', () => {
  assert.equal(defaultRuleSite('news.sina.com.cn'), 'sina.com.cn');
  assert.equal(defaultRuleSite('money.163.com'), '163.com');
  assert.equal(defaultRuleSite('someone.github.io'), 'someone.github.io');
  assert.equal(defaultRuleSite('127.0.0.1'), '127.0.0.1');
  assert.equal(defaultRuleSite('localhost'), 'localhost');
});

test('an IPv4 site is valid and matches only that address', () => {
  assert.equal(isRegistrableSite('127.0.0.1'), true);
  assert.equal(isRegistrableSite('999.0.0.1'), false);
  assert.equal(hostInSite('127.0.0.1', '127.0.0.1'), true);
  assert.equal(hostInSite('1.127.0.0.1', '127.0.0.1'), false);
  const { rules, errors } = parseRules(
    { version: 1, rules: [{ id: 'mine-127-0-0-1-1', title: 'x', sites: ['127.0.0.1'], remove: ['.a'] }] },
    'f',
    undefined,
    isRegistrableSite,
  );
  assert.deepEqual(errors, []);
  assert.equal(rulesForUrl(rules, 'http://127.0.0.1:8080/a.html').length, 1);
  assert.equal(rulesForUrl(rules, 'http://127.0.0.2:8080/a.html').length, 0);
});

test('a new own rule gets a free id and is appended; the other rules are kept', () => {
  const s = defaultSettings();
  s.userRules = [{ id: 'mine-sina-com-cn-1', title: 'a', sites: ['sina.com.cn'], remove: ['.x'] }];
  assert.equal(newRuleId(s, 'sina.com.cn'), 'mine-sina-com-cn-2');
  const next = addUserRules(s, [{ id: 'mine-sina-com-cn-2', title: 'b', sites: ['sina.com.cn'], texts: ['一行字'] }]).settings;
  assert.deepEqual(
    next.userRules.map(r => r.id),
    ['mine-sina-com-cn-1', 'mine-sina-com-cn-2'],
  );
  assert.equal(s.userRules.length, 1, 'the input is not changed');
});
