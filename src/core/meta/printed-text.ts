/**
 * The page half's share of the printed facts (meta/printed.ts parses them in the article stage): the text under
 * the headline, the date meta tags, and a WeChat article's account name (#js_name; its time, #publish_time, is
 * in the line under the headline). Only reads, no parsing:
 * content.js carries this file (its 60 KB budget), the popup the rest.
 */
import type { PrintedText } from '../types';
import { fold } from '../text/chars';
import { isSkipped } from '../text/walk';

/** How far after the headline the date line may start, in characters of text: the line is under it (zh-cwce's start within 60; ×3 margin). */
const NEAR_CHARS = 200;
/** Text nodes looked at after the headline at most: a bound on the walk, not a measure (zh-cwce's date lines are within 20). */
const NEAR_NODES = 400;

/** What the page prints near its headline and about its account, as text (empty where it prints nothing). */
export function printedText(doc: Document): PrintedText {
  const title = fold(doc.title);
  // The headline: the first <h1> whose text is part of the <title> (a logo <h1> holding only an image is not;
  // zh-cwce b26fbb82), else the first <h1> with text, else an <h2>/<h3> or a "tit"-classed box (div.tit2: zh-cwce
  // 36efbc69, f51248cc) whose text is part of the <title> (fixture zh-hant-credit-lines-layout-table). The date
  // line sits under it.
  const heads = [...doc.querySelectorAll('h1,h2,h3,[class*=tit]')].slice(0, 20).filter(e => fold(e.textContent!).length > 1); // an element's textContent is never null
  // Part of the <title>, and more than a third of it: a logo box ("江城晚报" in "渡口的最后一班船 | 江城晚报") is no headline.
  const inTitle = (e: Element) => {
    const t = fold(e.textContent!);
    return title.includes(t) && t.length * 3 > title.length;
  };
  const h1 = (e: Element) => e.localName === 'h1';
  const h = heads.find(e => h1(e) && inTitle(e)) ?? heads.find(h1) ?? heads.find(inTitle);
  // The text nodes after the headline's subtree in document order, one a line (the article stage stops at prose).
  let near = '';
  if (h) {
    const tw = doc.createTreeWalker(doc.documentElement, 4 /* NodeFilter.SHOW_TEXT: no browser global in the core */);
    tw.currentNode = h;
    for (let n = tw.nextNode(), i = 0; n && i < NEAR_NODES && near.length <= NEAR_CHARS; n = tw.nextNode(), i++) {
      // A text node under the root element always has a parent element and a value.
      if (!h.contains(n) && !isSkipped(n.parentElement!)) near += '\n' + fold(n.nodeValue!).slice(0, NEAR_CHARS);
    }
  }
  // Date meta tags as "key content" lines: which keys count is the article stage's to say.
  let metas = '';
  for (const m of doc.getElementsByTagName('meta')) {
    const key = m.getAttribute('name') ?? m.getAttribute('property') ?? m.getAttribute('itemprop') ?? '';
    if (/dat|tim/i.test(key) && metas.length < 4000) metas += `\n${key} ${m.getAttribute('content')}`;
  }
  return { near, metas, account: fold(doc.getElementById('js_name')?.textContent ?? '') };
}
