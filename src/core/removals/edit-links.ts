/**
 * A wiki's section-edit links: "简介[编辑]", "沿革[編輯]" — a bracketed link at the end of a heading (MediaWiki's
 * mw-editsection; zh-cwce d5bced5e; issue 20). By structure first: inside a
 * heading, brackets around nothing but links whose words are an edit command; the heading keeps its own text. A
 * heading that is a link named 编辑 ("<a>编辑</a>部的故事") has no brackets and stays.
 */
import { squeeze } from '../text/chars';

/**
 * The edit commands a wiki prints in the brackets: MediaWiki's zh, zh-Hant and ja labels. Not the English "edit":
 * the Readability corpus's reference texts keep "History[edit]" (its wikipedia and wikipedia-3 pages fall 0.026 and
 * 0.029 below plain Readability without them), and that corpus is the judge of English pages.
 */
const EDIT_WORD = /^(?:编辑|編輯|编辑源代码|編輯原始碼|源代码|原始碼|編集|ソースを編集)$/u;
/** The bracket box: "[", the links and their "|" separators, "]". */
const BOX = /^\[[^[\]]*\]$/u;

/** Whether every link under el is an edit command (and there is one). */
function onlyEditLinks(el: Element): boolean {
  const links = [...el.querySelectorAll('a[href]')];
  return links.length > 0 && links.every(a => EDIT_WORD.test(squeeze(a.textContent ?? '')));
}

/** The bracketed edit-link boxes in root's headings (each an element, the heading's own text left). */
export function findEditLinks(root: Element): Element[] {
  const out: Element[] = [];
  for (const h of root.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const own = squeeze(h.textContent ?? '');
    for (const a of h.querySelectorAll('a[href]')) {
      if (!EDIT_WORD.test(squeeze(a.textContent ?? ''))) continue;
      // The smallest box around the link that holds its brackets.
      let box: Element | null = a.parentElement;
      while (box && box !== h && !BOX.test(squeeze(box.textContent ?? ''))) box = box.parentElement;
      if (!box || box === h || !onlyEditLinks(box) || out.includes(box)) continue;
      if (own.length - squeeze(box.textContent ?? '').length <= 0) continue; // the heading would be empty
      out.push(box);
    }
  }
  return out;
}
