/** Huge and strange pages, generated (never committed): the Node tests and the Chromium e2e share them. */

const PARAS = [
  'The harbour town woke slowly on Tuesday, its fishing boats returning with the tide while the bakery on the quay pulled its first trays of bread from the oven.',
  'Last winter a storm tore a forty-metre hole in the sea wall, and for weeks it was unclear whether the shops along the quay could reopen before summer.',
  'Volunteers worked through the spring, hauling stone and repainting shutters, and by May every shop on the quay had its doors open again.',
  'The baker says she never considered leaving. The town has given her family everything, and the least she can do is keep the ovens warm.',
  'On Tuesday evening the lighthouse came on at dusk, as it has every night for a century, and the last customers walked home with bread under their arms.',
];
/** A sentence every generated article carries, to find it in the output. */
export const MARKER = 'keep the ovens warm';
const article = (title: string) => `<article><h1>${title}</h1>${PARAS.map(p => `<p>${p}</p>`).join('')}</article>`;

/** About `mb` megabytes and `elements` elements: an article, then a comment section of tiny elements. */
export function hugePage(elements = 100_000, mb = 5): string {
  const per = Math.floor((mb * 1024 * 1024) / (elements / 2)) - 25; // text bytes per <li><span>…</span></li>\n
  const filler = 'Comment text lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. '
    .repeat(8)
    .slice(0, Math.max(per, 1));
  const parts: string[] = [];
  for (let i = 0; i < elements / 2; i++) parts.push(`<li><span>${filler}</span></li>`); // 2 elements each
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Huge page</title></head><body>
<main>${article('A page of five megabytes')}</main><section class="comments"><ul>${parts.join('\n')}</ul></section></body></html>`;
}

/** The markup of one sibling in siblingsPage, by kind. */
const SIBLING = {
  spans: () => '<span>x</span>',
  links: (i: number) => `<a href="/t/${i}">x</a>`,
  lists: () => '<li><ul><li>x</li></ul></li>',
} as const;

/**
 * An article, then one element with `n` short siblings in it (issue 16: a parent of many short children made
 * every bounded walk from each child cost O(n), 14 s in the popup at 10,000). `kind`: `<span>x</span>`, inline
 * links `<a href>x</a>`, or list items that each hold a one-item list.
 */
export function siblingsPage(n = 10_000, kind: keyof typeof SIBLING = 'spans'): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(SIBLING[kind](i));
  const box = kind === 'lists' ? `<ul>${parts.join('')}</ul>` : `<div>${parts.join('')}</div>`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Many siblings</title></head><body>
<main>${article(`${n} siblings`)}</main>${box}</body></html>`;
}

/** `depth` nested elements of one tag around an article (400,000 <div>s overflowed the call stack of a clean). */
export function deepNestingPage(depth = 100_000, tag = 'div'): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep nesting</title></head><body>
${`<${tag}>`.repeat(depth)}${article(`Nested ${depth} deep`)}${`</${tag}>`.repeat(depth)}</body></html>`;
}

/**
 * An article, then `n` wrapped words in one element `depth` levels deep: the shape Blink's parser gives n nested
 * <div>s (past 512 levels each becomes its parent's sibling), without the parse of n levels that takes Chromium
 * 32 s at 100,000 (and crashes its tab at 200,000). Flattening it passed one argument per node (issue 16).
 */
export function wideAtDepthPage(n = 400_000, depth = 200): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Wide at depth</title></head><body>
<main>${article(`${n} nodes ${depth} deep`)}</main>${'<div>'.repeat(depth)}<section>${'<i>x</i>'.repeat(n)}</section>${'</div>'.repeat(depth)}</body></html>`;
}

/** An article inside `depth` nested tables (each level <table><tr><td>). */
export function deepTablesPage(depth = 2000): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep tables</title></head><body>
${'<table><tr><td>'.repeat(depth)}${article('Nested two thousand deep')}${'</td></tr></table>'.repeat(depth)}</body></html>`;
}

/** A frameset page (no body at all): its frames are other documents. */
export const framesetPage = (): string => `<!DOCTYPE html><html><head><title>Frames</title></head>
<frameset cols="20%,80%"><frame src="nav.html"><frame src="main.html"><noframes><body>${article('No frames')}</body></noframes></frameset></html>`;

/** A well-formed XHTML page (served as application/xhtml+xml). */
export const xhtmlPage = (): string => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en"><head><meta charset="UTF-8"/><title>XHTML article</title></head>
<body><main>${article('An article in XHTML').replace(/<p>/g, '<p class="x">')}<img src="/img/photo.png" alt="quay"/><br/></main></body></html>`;

/** An empty body. */
export const emptyBodyPage = (): string => '<!DOCTYPE html><html lang="en"><head><title>Empty</title></head><body></body></html>';

/** No lang anywhere and five scripts mixed in one article. */
export const mixedScriptsPage =
  (): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>多语 Mixed スクリプト</title></head><body><article>
<h1>多语种的一天 · A day in five scripts</h1>
<p>城市的早晨从一杯豆浆开始。老街口的早点铺已经开了三十多年，店主每天凌晨四点起床磨豆，蒸笼里的包子冒着白气。</p>
<p>${PARAS[3]}</p>
<p>東京の朝は静かに始まる。駅前のパン屋は六時に店を開け、焼きたてのパンの香りが通りに広がる。</p>
<p>Утро в портовом городе начинается медленно: рыбаки возвращаются с приливом, а пекарня открывает двери.</p>
<p>يبدأ الصباح في المدينة الساحلية ببطء، حيث يعود الصيادون مع المد ويفتح المخبز أبوابه.</p>
<p>서울의 아침은 커피 한 잔으로 시작된다. 골목의 작은 빵집은 여섯 시에 문을 연다.</p>
</article></body></html>`;

/** Words the Chinese page is made of (written for this generator: nothing is taken from a page or corpus). */
const ZH_WORDS = [
  '城市',
  '早晨',
  '老街',
  '店主',
  '每天',
  '凌晨',
  '起床',
  '磨豆',
  '蒸笼',
  '包子',
  '白气',
  '邻居',
  '排队',
  '孩子',
  '上学',
  '河边',
  '渡口',
  '船工',
  '潮水',
  '码头',
  '面包',
  '烤箱',
  '小镇',
  '冬天',
  '风暴',
  '海堤',
  '商铺',
  '春天',
  '志愿者',
  '石头',
  '百叶窗',
  '灯塔',
  '黄昏',
  '顾客',
  '回家',
  '记者',
  '采访',
  '居民',
  '政府',
  '计划',
  '修复',
  '工程',
  '资金',
  '预算',
  '会议',
  '讨论',
  '方案',
  '学校',
  '医院',
  '图书馆',
  '公园',
  '道路',
  '公交',
  '地铁',
  '车站',
  '市场',
  '菜价',
  '天气',
  '温度',
  '雨水',
  '农田',
  '收成',
  '工厂',
];
const ZH_GLUE = ['的', '在', '和', '也', '都', '又', '把', '被', '从', '向', '对', '让', '给', '还', '就'];

/** A deterministic generator (mulberry32), so the page is the same on every run and machine. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `chars` characters of Chinese prose in sentences (，。：；“” as Chinese writes them), a number now and then. */
function zhProse(next: () => number, chars: number): string {
  let s = '';
  while (s.length < chars) {
    const words = 6 + Math.floor(next() * 10);
    for (let i = 0; i < words; i++) {
      s += ZH_WORDS[Math.floor(next() * ZH_WORDS.length)]! + (next() < 0.5 ? ZH_GLUE[Math.floor(next() * ZH_GLUE.length)]! : '');
      if (i === 3) s += next() < 0.15 ? `${1 + Math.floor(next() * 2024)}年` : '，';
    }
    const end = next();
    s += end < 0.8 ? '。' : end < 0.9 ? '；' : '！';
  }
  return s;
}

/**
 * A Chinese news article of `blocks` blocks and about `chars` characters (≈ 5 MB of UTF-8 at the defaults:
 * issue 17's big page, 9,000 blocks and 1.6 M characters): paragraphs with subheads, figures, quotes, lists
 * and a table, inside the usual clutter: a site menu, a share bar, 相关阅读 / 猜你喜欢 / 热门排行 lists, an
 * ad, comments and a footer. Deterministic (seeded); every word is written here.
 */
export function zhHugePage(blocks = 9000, chars = 1_600_000): string {
  const next = rng(17);
  const per = Math.round(chars / blocks);
  const link = (i: number, t: string) => `<a href="/news/2024/${1000 + i}.html">${t}</a>`;
  const list = (title: string, cls: string, n: number, seed: number) =>
    `<div class="${cls}"><h3>${title}</h3><ul>${Array.from(
      { length: n },
      (_, i) => `<li>${link(seed + i, zhProse(next, 18).slice(0, 18))}</li>`,
    ).join('')}</ul></div>`;
  const body: string[] = [];
  for (let i = 0; i < blocks; i++) {
    const r = next();
    if (i % 60 === 0) body.push(`<h2>${zhProse(next, 12).slice(0, 12)}</h2>`);
    else if (r < 0.03)
      body.push(
        `<figure><img src="/img/2024/${i}.jpg" data-src="/img/2024/${i}-big.jpg" alt="图${i}" width="640" height="360"><figcaption>${zhProse(next, 24)}</figcaption></figure>`,
      );
    else if (r < 0.05) body.push(`<blockquote><p>“${zhProse(next, per)}”</p></blockquote>`);
    else if (r < 0.06) body.push(`<ul>${Array.from({ length: 4 }, () => `<li>${zhProse(next, per / 4)}</li>`).join('')}</ul>`);
    else if (r < 0.062)
      body.push(
        `<table><tr><th>项目</th><th>数量</th></tr>${Array.from({ length: 4 }, (_, k) => `<tr><td>${zhProse(next, 8).slice(0, 8)}</td><td>${k * 37 + i}</td></tr>`).join('')}</table>`,
      );
    else body.push(`<p>${zhProse(next, per)}${r < 0.2 ? `（${link(i, '详见')}）` : ''}</p>`);
  }
  const nav = `<nav class="site-nav"><ul>${['首页', '新闻', '财经', '科技', '体育', '娱乐', '汽车', '房产', '教育', '健康'].map((t, i) => `<li>${link(i, t)}</li>`).join('')}</ul></nav>`;
  const share = '<div class="share-bar"><span>分享到：</span><a href="#wx">微信</a><a href="#wb">微博</a><a href="#qq">QQ空间</a></div>';
  const comments = `<section class="comments"><h3>网友评论</h3><ol>${Array.from({ length: 40 }, (_, i) => `<li><span class="user">网友${i}</span><p>${zhProse(next, 30)}</p></li>`).join('')}</ol></section>`;
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>小镇的海堤修好了_本地新闻_示例新闻网</title>
<meta property="og:title" content="小镇的海堤修好了"></head><body>
<header class="site-header"><a href="/" class="logo">示例新闻网</a>${nav}</header>
<div class="wrap"><main><article class="post"><h1>小镇的海堤修好了</h1><div class="meta"><span>2024-05-12 08:30</span> <span>来源：示例新闻网</span></div>
${share}<div class="post-body">${body.join('\n')}</div><p class="editor">责任编辑：王小明</p>${share}</article>
${list('相关阅读', 'related', 10, 20000)}${list('猜你喜欢', 'recommend', 12, 21000)}${comments}</main>
<aside class="sidebar">${list('热门排行', 'hot-rank', 10, 22000)}<div class="ad"><a href="https://ads.example/c?1"><img src="https://ads.example/b.gif" alt="广告"></a><span>广告</span></div>
${list('大家都在看', 'everyone', 8, 23000)}</aside></div>
<footer class="site-footer"><p>关于我们 | 联系我们 | 广告服务 | 版权声明</p><p>示例新闻网 版权所有</p></footer></body></html>`;
}
