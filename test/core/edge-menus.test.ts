/**
 * The edge walk of removals/menus.ts reaches a menu through the wrappers old templates put around the article's
 * column: inline layers (`<font><b><span>`, zh-cwce d7605742's foot pager) and the tbody the parser adds to every
 * table (4fa9dfe4's breadcrumb in a table in a table) are no levels of THRESHOLDS.edgeDepth; block wrappers still are.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findEdgeMenus } from '../../src/core/removals/menus';
import { load } from '../helpers/core';

const PROSE = '<p>这是文章的正文段落，长度足够，句子完整，讲述一件发生在老城里的事情，读者会一直读到最后。</p>'.repeat(3);
const PAGER = '<center><b><a href="/index.htm">返目录</a>　<a href="/p11.htm">下一页</a></b></center>';

/** The article root of a page body. */
const rootOf = (body: string): Element => load(`<body><div id="root">${body}</div></body>`).doc.getElementById('root')!;

test('a foot pager under five inline wrappers and four blocks is reached', () => {
  const root = rootOf(`<div><div><div><span><span><span><b><span>${PROSE}${PAGER}</span></b></span></span></span></div></div></div>`);
  const found = findEdgeMenus(root);
  assert.deepEqual(
    found.map(m => [m.edge, m.links]),
    [['bottom', 2]],
  );
});

test('a breadcrumb row in a table in a table is reached (the parser’s tbody is no level)', () => {
  const crumb = '<a href="/">首页</a>&gt;&gt;<a href="/c/535.htm">人物聚焦</a>&gt;&gt;<a href="/c/546.htm">2026人物</a>';
  const root = rootOf(
    `<div><div><table><tr><td><img src="/b.jpg"></td></tr><tr><td><table><tr><td>&nbsp;</td><td>${crumb}</td></tr>` +
      `<tr><td><table><tr><td>在急诊室值夜班的第十年</td></tr><tr><td><div>${PROSE}</div></td></tr></table></td></tr></table></td></tr></table></div></div>`,
  );
  const found = findEdgeMenus(root);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.edge, 'top');
  assert.equal(found[0]!.nodes[0]!.textContent!.replace(/\s+/g, ''), '首页>>人物聚焦>>2026人物');
});

test('block wrappers still count: a pager nine block levels down is left alone', () => {
  const open = '<div>'.repeat(9);
  const close = '</div>'.repeat(9);
  assert.deepEqual(findEdgeMenus(rootOf(`${open}${PROSE}${PAGER}${close}`)), []);
});
