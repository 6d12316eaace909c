/**
 * The removable blocks of the shown article (remove-blocks mode): paragraphs, headings, lists, figures,
 * tables, and the runs that belong together (a card row; a heading and the links it heads). Each block is
 * marked `data-testid="block"` and made focusable; a run is wrapped in one element so it is picked whole.
 * Works on the popup's own inert copy of the sanitized article: the page is not involved.
 */
import { BLOCK_MARK } from '../core/dom/block-mark.ts';
import { fold, squeeze } from '../core/text/chars.ts';

/** One removable block. */
export interface Block {
  /** Its id in the view (data-block): its own marks joined, so it stays the same across re-cleans of the page. */
  key: string;
  /** Marks (source indexes) of the block's own elements. */
  top: number[];
  /** Every mark the block's removal takes: its elements, their descendants, and wrappers left empty. */
  marks: number[];
  /** Its text, whitespace folded (the pending list shows it). */
  text: string;
  /** A heading and what it heads, or a card row: several things removed as one. */
  run: boolean;
  /** A picture (a figure, an image): named by its caption (or its alt text) in the pending list. */
  figure?: { caption: string };
}

const BLOCK_TAGS = new Set(['p', 'ul', 'ol', 'dl', 'figure', 'table', 'blockquote', 'pre', 'img', 'picture', 'video', 'audio']);
const HEADING = /^h[1-6]$/;
const CONTAINERS = new Set(['div', 'section', 'article', 'aside', 'header', 'footer', 'main', 'nav', 'details', 'center']);
const MEDIA = 'img,picture,video,audio,table,figure';
/** A card row's link text share: most of its text is links (the bundled label rules' shape test uses the same idea). */
const CARD_LINK_SHARE = 0.6;
/** A card in a row holds a title and a teaser at most; more text is prose. */
const CARD_MAX_CHARS = 120;

const chars = (el: Element): number => squeeze(el.textContent ?? '').length;
const hasContent = (el: Element): boolean => chars(el) > 0 || el.matches(MEDIA) || !!el.querySelector(MEDIA);
const linkChars = (el: Element): number => [...el.querySelectorAll('a')].reduce((n, a) => n + chars(a), 0);
const markOf = (el: Element): number | null => {
  const v = el.getAttribute(BLOCK_MARK);
  return v !== null && /^\d+$/.test(v) ? Number(v) : null;
};

/** Whether an element is a list of links (what a heading over a module heads). */
function linkList(el: Element): boolean {
  const n = chars(el);
  return n > 0 && linkChars(el) / n >= CARD_LINK_SHARE;
}

/** Whether a container is a row of cards: two or more children, each a short link card. */
function cardRow(el: Element): boolean {
  const kids = [...el.children].filter(hasContent);
  return (
    kids.length >= 2 &&
    kids.every(k => !!k.querySelector('a[href]') || k.matches('a[href]')) &&
    kids.every(k => chars(k) <= CARD_MAX_CHARS) &&
    linkList(el)
  );
}

const hasBlockChild = (el: Element): boolean =>
  [...el.children].some(c => BLOCK_TAGS.has(c.localName) || HEADING.test(c.localName) || CONTAINERS.has(c.localName));

/** The blocks under root, in order, as groups of sibling elements. */
function groups(root: Element): Element[][] {
  const out: Element[][] = [];
  const walk = (parent: Element) => {
    const kids = [...parent.children].filter(hasContent);
    for (let i = 0; i < kids.length; i++) {
      const c = kids[i]!;
      if (HEADING.test(c.localName)) {
        const run = [c];
        while (i + 1 < kids.length && !HEADING.test(kids[i + 1]!.localName) && linkList(kids[i + 1]!)) run.push(kids[++i]!);
        out.push(run);
      } else if (CONTAINERS.has(c.localName) && hasBlockChild(c) && !cardRow(c)) walk(c);
      else out.push([c]);
    }
  };
  walk(root);
  return out;
}

/** Marks of the elements' subtrees, plus the wrappers above them that hold nothing else (they go too). */
function marksOf(group: Element[], root: Element): number[] {
  const set = new Set<number>();
  const add = (e: Element) => {
    const m = markOf(e);
    if (m !== null) set.add(m);
  };
  for (const g of group) {
    add(g);
    g.querySelectorAll(`[${BLOCK_MARK}]`).forEach(add);
  }
  let p = group[0]!.parentElement;
  while (p && p !== root && [...p.children].every(c => group.includes(c) || !hasContent(c))) {
    add(p);
    p.querySelectorAll(`[${BLOCK_MARK}]`).forEach(add);
    p = p.parentElement;
  }
  return [...set].sort((a, b) => a - b);
}

/** A block that is a picture (a figure holding an image, or an image alone), with its caption or alt text. */
function figureOf(el: Element): { caption: string } | null {
  const img = el.matches('img,picture') ? el : el.localName === 'figure' ? el.querySelector('img,picture') : null;
  if (!img) return null;
  const caption =
    fold(el.querySelector('figcaption')?.textContent ?? '') ||
    fold((img.matches('img') ? img : img.querySelector('img'))?.getAttribute('alt') ?? '');
  return { caption };
}

/**
 * Finds the blocks of the article under `root` and annotates them in place: each block (a run wrapped in a
 * div) gets data-testid="block", data-block=<key> and tabindex=0. Blocks without a source mark
 * (text Readability made up) are left alone: no rule could find them on the page.
 */
export function annotateBlocks(root: Element): Block[] {
  const blocks: Block[] = [];
  for (const group of groups(root)) {
    const top = group.map(markOf);
    if (top.some(m => m === null)) continue;
    const key = top.join('-');
    const block: Block = {
      key,
      top: top as number[],
      marks: marksOf(group, root),
      run: group.length > 1 || cardRow(group[0]!),
      text: fold(group.map(g => g.textContent ?? '').join(' ')),
    };
    const picture = group.length === 1 ? figureOf(group[0]!) : null;
    if (picture) block.figure = picture;
    let el = group[0]!;
    if (group.length > 1) {
      el = root.ownerDocument.createElement('div');
      el.className = 'block-run';
      group[0]!.before(el);
      el.append(...group);
    }
    el.setAttribute('data-testid', 'block');
    el.setAttribute('data-block', key);
    el.setAttribute('tabindex', '0');
    blocks.push(block);
  }
  return blocks;
}

/** Parses HTML into an inert document: the popup's DOMParser (jsdom's in tests). */
export type ParseHtml = (html: string) => Document;

/** The body of an inert parse of `html` (a DOMParser document: nothing loads or runs; the html is sanitized already). */
const inert = (html: string, parse: ParseHtml): HTMLElement => parse(`<!doctype html><body>${html}`).body;

/** The article HTML in remove-blocks mode: blocks annotated, and its blocks. */
export function blocksView(html: string, parse: ParseHtml): { html: string; blocks: Block[] } {
  const box = inert(html, parse);
  const blocks = annotateBlocks(box);
  return { html: box.innerHTML, blocks };
}

/** The annotated HTML without the pending blocks (removed from the view at once; undo renders them again). */
export function withoutPending(html: string, pending: ReadonlySet<string>, parse: ParseHtml): string {
  if (!pending.size) return html;
  const box = inert(html, parse);
  for (const el of box.querySelectorAll('[data-block]')) if (pending.has(el.getAttribute('data-block')!)) el.remove();
  return box.innerHTML;
}
