/** Test helpers: a jsdom document for a page, and the core run over it as the CLI runs it. */
import { clean, type CleanEnv, type CleanRequest } from '../../src/core/pipeline/index';
import type { Article } from '../../src/core/types';
import { load, TEST_URL } from './dom.ts';

export { load } from './dom.ts';
export { contains, norm } from './text.ts';

/** Cleans an HTML string with the bundled rules (plus options). */
export function cleanHtml(html: string, opts: Partial<CleanRequest> & CleanEnv = {}): Article {
  const { window, inPlace, live, reparse, ...request } = opts;
  const url = request.url ?? TEST_URL;
  const { doc } = load(html, url);
  return clean(doc, { ...request, url }, { window, inPlace, live, reparse });
}

/** A page with an article of `paras` paragraphs and extra HTML placed inside the article after paragraph `at`. */
export function page(opts: { lang?: string; title?: string; paras: string[]; inside?: string; at?: number; after?: string }): string {
  const ps = opts.paras.map(p => `<p>${p}</p>`);
  if (opts.inside) ps.splice(opts.at ?? ps.length, 0, opts.inside);
  return `<!DOCTYPE html><html${opts.lang ? ` lang="${opts.lang}"` : ''}><head><meta charset="utf-8"><title>${opts.title ?? 'Test article'}</title></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/tech">Tech</a></nav></header>
<main><article><h1>${opts.title ?? 'Test article'}</h1>${ps.join('\n')}</article>${opts.after ?? ''}</main>
<footer><p>About · Contact · Privacy</p></footer></body></html>`;
}

/** Paragraphs of Chinese prose long enough for Readability to score them as content. */
export const ZH_PARAS = [
  '城市的早晨从一杯豆浆开始。老街口的早点铺已经开了三十多年，店主每天凌晨四点起床磨豆，蒸笼里的包子冒着白气，排队的人从门口一直排到巷子拐角。',
  '这家店的生意之所以长盛不衰，并不只是因为味道。附近的居民说，店主记得每一位老顾客的口味，谁不要葱，谁要多放辣，他从来不会弄错。',
  '去年冬天，街道改造的消息传来，很多人担心老店会因此搬走。店主却说，只要街坊们还愿意来，他就会一直守在这里，哪怕要换一个更小的门面。',
  '改造完成以后，老街的路面变宽了，路灯也换成了新的。早点铺重新开张的那天，门口排起了比以往更长的队伍，不少年轻人专门从城市的另一头赶来。',
  '有人问店主有什么秘诀，他笑着说没有秘诀，就是每天认真做好一件事。说完，他又转身去看锅里的豆浆，生怕火候过了。',
  '傍晚时分，店铺早早关门。店主说，明天还要早起，老街的早晨，总要有人来叫醒。',
];

/** English paragraphs long enough for Readability. */
export const EN_PARAS = [
  'The harbour town woke slowly on Tuesday, its fishing boats returning with the tide while the bakery on the quay pulled its first trays of bread from the oven.',
  'For three generations the same family has run the bakery, and residents say the smell of fresh loaves is as much a part of the town as the lighthouse on the point.',
  'Last winter a storm damaged the sea wall, and for weeks it was unclear whether the shops along the quay could reopen before the summer visitors arrived.',
  'Volunteers worked through the spring, hauling stone and repainting shutters, and by May every shop on the quay had its doors open again.',
  'The baker says she never considered leaving. The town has given her family everything, she said, and the least she can do is keep the ovens warm.',
  'On Tuesday evening the lighthouse came on at dusk, as it has every night for a century, and the last customers walked home with bread under their arms.',
];

/** A recommendation module: a label over a list of linked titles. */
export function linkList(label: string, titles: string[], wrap = 'div'): string {
  return `<${wrap} class="rec"><h3>${label}</h3><ul>${titles.map((t, i) => `<li><a href="/r/${i}.html">${t}</a></li>`).join('')}</ul></${wrap}>`;
}
