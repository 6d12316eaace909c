/** Reading a pipeline run's block marks back out of its article (what derive.ts compares). */
import { BLOCK_MARK } from '../dom/block-mark';
import { squeezedLength } from '../text/chars';
import type { ProbeResult } from './derive';

/** Parses HTML into an inert document (the caller's DOMParser: the page's, or jsdom's in tests). */
export type ParseHtml = (html: string) => Document;

/**
 * The marks present in the article `html` and its text length. Parsed with `parse` (a DOMParser document is
 * inert: no image loads, no scripts, never attached), so the page is not touched and nothing assigns innerHTML.
 */
export function articleMarks(html: string, parse: ParseHtml): ProbeResult {
  const body = parse(`<!doctype html><body>${html}`).body;
  const marks = new Set<number>();
  for (const el of body.querySelectorAll(`[${BLOCK_MARK}]`)) {
    const v = el.getAttribute(BLOCK_MARK)!;
    if (/^\d+$/.test(v)) marks.add(Number(v));
  }
  return { marks, chars: squeezedLength(body.textContent ?? '') };
}
