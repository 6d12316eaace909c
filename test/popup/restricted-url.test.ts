/** Which tabs the popup refuses before injecting (issue 3: browser pages, web stores, PDF viewer, file://). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUrl } from '../../src/popup/restricted-url.ts';

const CASES: [string, ReturnType<typeof classifyUrl>][] = [
  ['https://news.sina.com.cn/c/2024-01-01/doc.shtml', 'ok'],
  ['http://127.0.0.1:8080/demo/', 'ok'],
  ['chrome://version/', 'browser'],
  ['chrome://newtab/', 'browser'],
  ['edge://settings', 'browser'],
  ['about:blank', 'browser'],
  ['about:reader?url=https://example.com', 'browser'],
  ['view-source:https://example.com/', 'browser'],
  ['chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html', 'browser'],
  ['moz-extension://0c1f1e6a-1111-2222-3333-444455556666/popup.html', 'browser'],
  ['data:text/html,<p>hi', 'browser'],
  ['', 'browser'],
  ['https://chromewebstore.google.com/detail/abc', 'store'],
  ['https://chrome.google.com/webstore/detail/abc', 'store'],
  ['https://chrome.google.com/search?q=x', 'ok'],
  ['https://addons.mozilla.org/en-US/firefox/addon/ublock-origin/', 'store'],
  ['https://microsoftedge.microsoft.com/addons/detail/x', 'store'],
  ['chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html', 'pdf'],
  ['file:///home/me/article.html', 'file'],
];

for (const [url, kind] of CASES) {
  test(`classifyUrl(${JSON.stringify(url)}) is ${kind}`, () => assert.equal(classifyUrl(url), kind));
}
