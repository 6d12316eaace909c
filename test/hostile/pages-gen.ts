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
const article = (title: string) => `<article><h1>${title}</h1>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article>`;

/** About `mb` megabytes and `elements` elements: an article, then a comment section of tiny elements. */
export function hugePage(elements = 100_000, mb = 5): string {
  const per = Math.floor((mb * 1024 * 1024) / (elements / 2)) - 25; // text bytes per <li><span>…</span></li>\n
  const filler = 'Comment text lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor. '.repeat(8).slice(0, Math.max(per, 1));
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
export const mixedScriptsPage = (): string => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>多语 Mixed スクリプト</title></head><body><article>
<h1>多语种的一天 · A day in five scripts</h1>
<p>城市的早晨从一杯豆浆开始。老街口的早点铺已经开了三十多年，店主每天凌晨四点起床磨豆，蒸笼里的包子冒着白气。</p>
<p>${PARAS[3]}</p>
<p>東京の朝は静かに始まる。駅前のパン屋は六時に店を開け、焼きたてのパンの香りが通りに広がる。</p>
<p>Утро в портовом городе начинается медленно: рыбаки возвращаются с приливом, а пекарня открывает двери.</p>
<p>يبدأ الصباح في المدينة الساحلية ببطء، حيث يعود الصيادون مع المد ويفتح المخبز أبوابه.</p>
<p>서울의 아침은 커피 한 잔으로 시작된다. 골목의 작은 빵집은 여섯 시에 문을 연다.</p>
</article></body></html>`;
