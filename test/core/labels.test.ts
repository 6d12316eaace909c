/** Heading-label rules: which modules go, which prose and sections stay. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanHtml, contains, page, ZH_PARAS, EN_PARAS, linkList } from '../helpers/core';
import { LabelSet, normalizeLabel } from '../../src/core/removals/labels';

const CLICKBAIT = ['震惊！这种水果千万别再吃了', '十个你不知道的省钱小窍门', '明星同款穿搭火了', '专家提醒：晚上这样睡最伤身'];

test('label normalization strips decorations, icons, spaces and case', () => {
  for (const v of [
    '【大家都在看】',
    '— 大家都在看 —',
    ' 大家 都在看 > ',
    '大家都在看»',
    '★大家都在看',
    '\u3000大家都在看\u00a0',
    '#大家都在看',
  ]) {
    assert.equal(normalizeLabel(v), '大家都在看', v);
  }
  assert.equal(normalizeLabel('You May Also Like ›'), 'youmayalsolike');
  const set = new LabelSet([{ label: '相关推荐', ruleId: 'r' }]);
  assert.equal(set.match('相关推荐 更多>>')?.ruleId, 'r');
  assert.equal(set.match('相关推荐的逻辑'), null);
  assert.equal(set.match('这部剧为什么大家都在看？'), null);
});

test('a module inside the article column is removed and the paragraph after it stays', () => {
  const html = page({ lang: 'zh-CN', paras: ZH_PARAS, inside: linkList('大家都在看', CLICKBAIT), at: 3 });
  const a = cleanHtml(html);
  for (const p of ZH_PARAS) assert.ok(contains(a.text, p), `kept: ${p.slice(0, 12)}`);
  for (const t of [...CLICKBAIT, '大家都在看']) assert.ok(!contains(a.text, t), `removed: ${t}`);
  assert.deepEqual(
    a.removed.map(r => r.ruleId),
    ['feed-popular'],
  );
  assert.match(a.removed[0]!.preview, /^大家都在看/);
  assert.ok(a.removed[0]!.chars > 20);
});

test('a label split across inline elements, with an icon and brackets, is recognised', () => {
  const mod = `<div class="box"><div class="hd"><i class="icon-fire"></i><span>【大家</span><b>都在看】</b></div>
    <ul>${CLICKBAIT.map(t => `<li><a href="/x">${t}</a><span class="date">03-14</span></li>`).join('')}</ul></div>`;
  const a = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: mod }));
  for (const t of CLICKBAIT) assert.ok(!contains(a.text, t), t);
  assert.ok(contains(a.text, ZH_PARAS.at(-1)!));
});

test('a label that is a sibling of its list (no wrapper) takes the list and stops at the next prose', () => {
  const inside = `<h3>相关文章</h3><ul>${CLICKBAIT.map(t => `<li><a href="/y">${t}</a></li>`).join('')}</ul>`;
  const a = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside, at: 4 }));
  for (const t of CLICKBAIT) assert.ok(!contains(a.text, t), t);
  for (const p of ZH_PARAS) assert.ok(contains(a.text, p), p.slice(0, 10));
  assert.equal(a.removed[0]?.ruleId, 'feed-related');
});

test('prose that mentions a label stays; nothing is removed', () => {
  const decoy = '这部剧为什么大家都在看？因为它把普通人的日常拍得真实可信，观众在剧中看到了自己的生活，也看到了身边人的影子。';
  const a = cleanHtml(page({ lang: 'zh-CN', paras: [...ZH_PARAS.slice(0, 3), decoy, ...ZH_PARAS.slice(3)] }));
  assert.ok(contains(a.text, decoy));
  assert.equal(a.removed.length, 0);
});

test('a longer heading that contains a label keeps its section', () => {
  const section = `<h2>热门阅读榜单背后的算法</h2><p>榜单的排序并不神秘。平台会综合点击、停留时长和转发，<a href="/algo">一篇论文</a>详细解释了其中的权重设置，研究者认为这种做法放大了标题党的影响。</p>`;
  const a = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside: section, at: 2 }));
  assert.ok(contains(a.text, '热门阅读榜单背后的算法'));
  assert.ok(contains(a.text, '榜单的排序并不神秘'));
  assert.equal(a.removed.length, 0);
});

test('a label over prose (not links) is not a module', () => {
  const inside =
    '<h3>推荐阅读</h3><p>如果你只打算读一本关于城市的书，我会推荐《看不见的城市》。它用五十五座虚构的城市，写出了每一座真实城市的影子，适合在通勤路上慢慢读。</p>';
  const a = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS, inside, at: 6 }));
  assert.ok(contains(a.text, '看不见的城市'));
  assert.equal(a.removed.length, 0);
});

test('an article that is itself a list of linked items with descriptions is not gutted', () => {
  const books = ['《活着》', '《平凡的世界》', '《围城》', '《边城》']
    .map(
      (b, i) =>
        `<li><a href="/book/${i}">${b}</a>：这本书讲述了一个普通人在时代洪流中的命运起伏。作者用朴素的语言写出了生活的重量，读完让人久久不能平静。</li>`,
    )
    .join('');
  const inside = `<h2>为你推荐</h2><ol>${books}</ol>`;
  const a = cleanHtml(page({ lang: 'zh-CN', paras: ZH_PARAS.slice(0, 2), inside }));
  for (const b of ['《活着》', '《围城》', '《边城》']) assert.ok(contains(a.text, b), b);
  assert.equal(a.removed.length, 0);
});

test('English modules: You may also like, Trending, Most read go; the story stays', () => {
  const mods =
    linkList('You may also like', ['Ten tricks airlines hate', 'Why this city is trending', 'Stars who quit fame'], 'aside') +
    linkList('Most read', ['The one snack doctors avoid', 'Inside the billionaire bunker', 'Quiz: how old is your brain?']);
  const a = cleanHtml(page({ lang: 'en', paras: EN_PARAS, inside: mods, at: 4 }));
  for (const p of EN_PARAS) assert.ok(contains(a.text, p), p.slice(0, 20));
  for (const t of ['Ten tricks airlines hate', 'Inside the billionaire bunker', 'You may also like', 'Most read'])
    assert.ok(!contains(a.text, t), t);
  assert.deepEqual(a.removed.map(r => r.ruleId).sort(), ['feed-for-you', 'feed-popular']);
});

test('switching a rule off keeps its module; --no-rules keeps every module', () => {
  const html = page({
    lang: 'zh-CN',
    paras: ZH_PARAS,
    inside: linkList('大家都在看', CLICKBAIT) + linkList('猜你喜欢', ['猜一猜这是哪座城市', '三分钟看懂新规']),
  });
  const off = cleanHtml(html, { disabled: ['feed-popular'] });
  assert.ok(contains(off.text, CLICKBAIT[0]!));
  assert.ok(!contains(off.text, '猜一猜这是哪座城市'));
  assert.deepEqual(
    off.rules.find(r => r.id === 'feed-popular'),
    { id: 'feed-popular', title: off.rules.find(r => r.id === 'feed-popular')!.title, enabled: false, removed: 0 },
  );
  const plain = cleanHtml(html, { noRules: true });
  assert.equal(plain.removed.length, 0);
  assert.ok(plain.rules.every(r => !r.enabled));
});
