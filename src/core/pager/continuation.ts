/**
 * Whether a following page continues the first one (issue 19: "stop … at a page whose article is not a
 * continuation (title or template differs)"): the titles agree once the page marks are cut ("（2）", "第2页",
 * "- Page 2"), and the template agrees (the same article container path, or the same site name) where both
 * pages show one. Pure.
 */
import { squeeze, squeezedLength } from '../text/chars';

/** What the check compares of a page: its article's title and site, and its template (templateSignal). */
export interface PageFacts {
  title: string;
  siteName?: string | null;
  template?: string | null;
}

const NUM = '(?:\\d{1,3}|[一二三四五六七八九十]{1,3})';
/**
 * Page marks in a squeezed, lower-cased title: "(2)", "（第2页）", "[2/3]", "第2页", "第2页/共3页", "page2",
 * "page2of3", "p.2". Not "part 2" and not "（上）/（下）": those name parts of a series, each its own article.
 */
const MARKS = [
  new RegExp(`[(（\\[【]第?${NUM}[页頁]?(?:[/／]\\d{1,3})?[)）\\]】]`, 'g'),
  new RegExp(`第${NUM}[页頁](?:[/／,，]?共\\d{1,3}[页頁])?`, 'g'),
  /[(（[【]?(?:page|pg\.?|p\.)\d{1,3}(?:(?:of|\/)\d{1,3})?[)）\]】]?/g,
];
/** Separators left behind at either end ("标题 - ", "Title | "). */
const EDGE_SEPARATORS = /^[-–—|_:：·,，]+|[-–—|_:：·,，]+$/g;

/** A title without its page marks, squeezed and lower-cased, for comparing pages of one article. */
export function titleKey(title: string): string {
  let t = squeeze(title).toLowerCase();
  for (const re of MARKS) t = t.replace(re, '');
  return t.replace(EDGE_SEPARATORS, '');
}

/** Why a page is not a continuation, or null when it is one. */
export type NotContinued = 'title' | 'template' | null;

/** Whether `page` continues `first`: equal title keys, and no template signal present on both that differs. */
export function notContinued(first: PageFacts, page: PageFacts): NotContinued {
  const a = titleKey(first.title),
    b = titleKey(page.title);
  if (!a || a !== b) return 'title';
  const signals: [string | null | undefined, string | null | undefined][] = [
    [first.template, page.template],
    [first.siteName && squeeze(first.siteName).toLowerCase(), page.siteName && squeeze(page.siteName).toLowerCase()],
  ];
  const shown = signals.filter(([x, y]) => x && y);
  if (shown.length && !shown.some(([x, y]) => x === y)) return 'template';
  return null;
}

/** An element's place in its page's template: tag, id and classes of it and its ancestors, digits masked. */
function pathOf(el: Element): string {
  const parts: string[] = [];
  for (let x: Element | null = el; x && x.localName !== 'html'; x = x.parentElement) {
    const cls = (x.getAttribute('class') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .sort()
      .map(c => `.${c}`)
      .join('');
    parts.push(`${x.localName}${x.id ? `#${x.id}` : ''}${cls}`.replace(/\d+/g, '#'));
  }
  return parts.reverse().join('>');
}

/**
 * The template signal of a page: the path of the element that holds the most paragraph text (the article's
 * column), ids and classes with their digits masked (`#content_2` and `#content_3` are one column). Null
 * when the page has no paragraphs.
 */
export function templateSignal(doc: Document): string | null {
  const byParent = new Map<Element, number>();
  for (const p of doc.body?.querySelectorAll('p') ?? []) {
    const parent = p.parentElement;
    if (parent) byParent.set(parent, (byParent.get(parent) ?? 0) + squeezedLength(p.textContent ?? ''));
  }
  let best: Element | null = null,
    most = 0;
  for (const [el, n] of byParent)
    if (n > most) {
      best = el;
      most = n;
    }
  return best ? pathOf(best) : null;
}
