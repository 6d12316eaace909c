/** Markdown export through turndown (+ GFM tables), from the sanitized article. */
import TurndownService from 'turndown';
import { tables, strikethrough } from 'turndown-plugin-gfm';
import { parseArticle } from './dom';
import { removeCollapsedWhitespace } from './collapse-whitespace';
import { headerLines } from './header';
import type { Article } from '../types';
import { placeHeader, type ExportOptions } from './options';

/** A turndown service with the export's options, built per export (one call; nothing is kept between exports). */
function turndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    bulletListMarker: '-',
    emDelimiter: '*',
    hr: '---',
  });
  service.use([tables, strikethrough]);
  // turndown escapes Markdown syntax but not "<": text reading "<img onerror=…>" would become raw HTML
  // in viewers that render inline HTML (test/hostile/markup.test.ts).
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string) => escapeMarkdown(text).replace(/</g, '\\<');
  service.remove(['script', 'style']);
  return service;
}

/** Escapes the characters that would turn a title or byline into Markdown syntax. */
const escapeInline = (s: string): string => s.replace(/([\\`*_[\]<>#|])/g, '\\$1');

/**
 * Unwraps the tables that hold no row (their caption or text stays): turndown-plugin-gfm reads
 * `table.rows[0].parentNode` of every table and throws on one without rows, which pruning leaves (a table
 * whose rows were removed; a zh-cwce page's article held one of whitespace) and sanitized HTML may hold.
 */
function unwrapRowlessTables(root: Element): void {
  for (const t of [...root.getElementsByTagName('table')]) {
    const rows = (t as HTMLTableElement).rows;
    if (rows ? rows.length > 0 : t.querySelector('tr')) continue;
    const frag = t.ownerDocument.createDocumentFragment();
    while (t.firstChild) frag.appendChild(t.firstChild);
    t.replaceWith(frag);
  }
}

/** The Markdown export: "# title", a quoted source/meta/reading-time block, then the body (`opts` moves or drops the header). `doc` parses the HTML. */
export function toMarkdown(article: Article, doc: Document, opts: ExportOptions = {}): string {
  return markdownOf(article, parseArticle(article.html, doc), opts);
}

/**
 * The Markdown export from a tree that holds the article's body: the parse of its html, or the sanitized tree
 * itself (finish.ts `sanitized`), which the CLI hands over to skip a second parse of the whole article. The
 * tree is changed (rowless tables unwrapped, dropped whitespace removed): pass one nothing else reads after.
 */
export function markdownOf(article: Article, root: Element, opts: ExportOptions = {}): string {
  const h = headerLines(article);
  const head = [
    `# ${escapeInline(h.title)}`,
    '',
    `> ${escapeInline(h.source)}  `,
    ...(h.meta.length ? [`> ${escapeInline(h.meta.join(' · '))}  `] : []),
    ...h.credits.map(c => `> ${escapeInline(c)}  `),
    `> ${h.reading}`,
  ].join('\n');
  // A parse never leaves two text nodes side by side; the sanitizer does (an element it drops leaves its text
  // beside its neighbours' text), and turndown folds whitespace one text node at a time (readability corpus
  // guardian-1: one more space before each figure). One text node per run of text, as the parse would have it.
  root.normalize();
  unwrapRowlessTables(root);
  removeCollapsedWhitespace(root); // turndown's own removals are quadratic on jsdom (./collapse-whitespace.ts)
  const body = turndown().turndown(root as HTMLElement);
  return placeHeader(head, body.trim(), opts);
}
