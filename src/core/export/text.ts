/** Plain-text export: a blank line between paragraphs, headings on their own lines, list items marked. */
import { LINE_BLOCK_TAGS } from '../dom/block-tags';
import { headerLines } from './header';
import { isSkipped } from '../text/walk';
import type { Article } from '../types';
import { placeHeader, type ExportOptions } from './options';

/**
 * The blocks of the text export: the line blocks (dom/block-tags.ts) but table cells, which share their row's line,
 * and <address>, plus rules and disclosure widgets.
 */
const BLOCK: ReadonlySet<string> = new Set(
  [...LINE_BLOCK_TAGS, 'hr', 'details', 'summary'].filter(t => t !== 'td' && t !== 'th' && t !== 'address'),
);

/** The text of an article body: blocks separated by blank lines, inline whitespace folded. */
export function bodyText(root: Element): string {
  const blocks: string[] = [];
  let line = '';
  const flush = () => {
    const t = line
      .replace(/[ \t\u00a0]+/g, ' ')
      .replace(/ *\n */g, '\n')
      .trim();
    if (t) blocks.push(t);
    line = '';
  };
  const walk = (n: Node, listIndex: { i: number } | null): void => {
    if (n.nodeType === 3) {
      line += (n.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.localName;
    if (isSkipped(el)) return;
    if (tag === 'br') {
      line += '\n';
      return;
    }
    if (tag === 'pre') {
      flush();
      const t = (el.textContent ?? '').replace(/\s+$/, '');
      if (t.trim()) blocks.push(t);
      return;
    }
    if (tag === 'td' || tag === 'th') {
      if (el.previousElementSibling) line += '\t';
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    if (tag === 'li') line += listIndex ? `${++listIndex.i}. ` : '- ';
    const childIndex = tag === 'ol' ? { i: 0 } : tag === 'ul' ? null : listIndex;
    for (let c = el.firstChild; c; c = c.nextSibling) walk(c, childIndex);
    if (block) flush();
  };
  walk(root, null);
  flush();
  return blocks.join('\n\n');
}

/** The whole text export: header, then the body (or the header at the end, or none: `opts`). */
export function toText(article: Article, opts: ExportOptions = {}): string {
  const h = headerLines(article);
  const head = [h.title, h.source, ...(h.meta.length ? [h.meta.join(' · ')] : []), ...h.credits, h.reading].join('\n');
  return placeHeader(head, article.text, opts);
}
