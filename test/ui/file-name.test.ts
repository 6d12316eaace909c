/** Export file names: the title, CJK kept, what file systems refuse replaced, length bounded. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileName } from '../../src/ui/file-name.ts';

test('a Chinese title is kept as it is', () => {
  assert.equal(fileName('老城区的夜班公交，凌晨两点仍有人在等车', 'md'), '老城区的夜班公交，凌晨两点仍有人在等车.md');
});

test('characters illegal in file names and control characters become _', () => {
  assert.equal(fileName('A/B\\C:D*E?F"G<H>I|J', 'txt'), 'A_B_C_D_E_F_G_H_I_J.txt');
  assert.equal(fileName('tab\there\u0000nul\u007f', 'txt'), 'tab_here_nul_.txt');
  assert.equal(fileName('问答:为什么?“大家都在看”', 'html'), '问答_为什么_“大家都在看”.html');
});

test('whitespace is collapsed and dots or spaces at the ends are dropped', () => {
  assert.equal(fileName('  ..Hidden   title..  ', 'txt'), 'Hidden title.txt');
});

test('long titles are cut by characters without splitting a surrogate pair', () => {
  const name = fileName('长'.repeat(59) + '😀' + '尾'.repeat(40), 'md');
  assert.equal(name, '长'.repeat(59) + '😀.md');
  assert.ok(Buffer.byteLength(name) < 255);
});

test('an empty or all-illegal title falls back; Windows device names are escaped', () => {
  assert.equal(fileName('', 'txt'), 'article.txt');
  assert.equal(fileName('///', 'txt', '无标题文章'), '无标题文章.txt');
  assert.equal(fileName('CON', 'txt'), '_CON.txt');
});
