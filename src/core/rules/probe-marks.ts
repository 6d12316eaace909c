/** Reading a pipeline run's block marks back out of its article HTML (what derive.ts compares). */
import { BLOCK_MARK } from '../block-mark';
import type { ProbeResult } from './derive';

/**
 * The marks present in `html` and its text length. Parsed in a <template> of `doc`: template content is
 * inert (no image loads, no scripts) and never attached, so the page is not touched.
 */
export function articleMarks(html: string, doc: Document): ProbeResult {
  const t = doc.createElement('template');
  t.innerHTML = html;
  const marks = new Set<number>();
  for (const el of t.content.querySelectorAll(`[${BLOCK_MARK}]`)) {
    const v = el.getAttribute(BLOCK_MARK)!;
    if (/^\d+$/.test(v)) marks.add(Number(v));
  }
  return { marks, chars: (t.content.textContent ?? '').replace(/[\s\u00a0\u3000]+/g, '').length };
}
