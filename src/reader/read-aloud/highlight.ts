/**
 * Showing the sentence being read: the CSS Custom Highlight API where the browser has it (Chromium 105+,
 * Firefox 140+: a highlight over a Range, the article's DOM untouched, so the script view and the exports see
 * nothing of it), else an attribute on the sentence's block. The stylesheet styles `::highlight(jingyue-reading)`
 * and `[data-reading]`.
 */
import { sentenceRange, type Sentence } from './sentences';

/** The name of the highlight in CSS.highlights. */
export const HIGHLIGHT_NAME = 'jingyue-reading';
/** The attribute the fallback puts on the block being read. */
export const READING_ATTR = 'data-reading';

/** What the highlighter uses of the window: CSS.highlights and Highlight, when they exist. */
export interface HighlightWindow {
  CSS?: { highlights?: { set(name: string, h: unknown): unknown; delete(name: string): unknown } };
  Highlight?: new (...ranges: Range[]) => unknown;
}

/** Shows one sentence at a time (null clears). */
export interface SentenceHighlighter {
  show(s: Sentence | null): void;
}

/** A highlighter for the window's document; `scroll` keeps the sentence's block in view (the UI passes its own). */
export function sentenceHighlighter(win: HighlightWindow, scroll?: (block: Element) => void): SentenceHighlighter {
  const registry = win.CSS?.highlights;
  const Highlight = win.Highlight;
  let marked: Element | null = null;
  return {
    show(s) {
      if (registry && Highlight) {
        if (s) registry.set(HIGHLIGHT_NAME, new Highlight(sentenceRange(s)));
        else registry.delete(HIGHLIGHT_NAME);
      } else {
        if (marked && marked !== s?.block) marked.removeAttribute(READING_ATTR);
        marked = s?.block ?? null;
        marked?.setAttribute(READING_ATTR, '');
      }
      if (s) scroll?.(s.block);
    },
  };
}

/** Scrolls `el` into view only when it is outside the viewport (no jump while it is visible). */
export function keepInView(el: Element, viewportHeight: number): void {
  const r = el.getBoundingClientRect();
  if (r.top < 0 || r.bottom > viewportHeight) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
}
