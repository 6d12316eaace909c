/**
 * Related links written as paragraphs: two or more consecutive blocks that are each one same-site headline link,
 * at most a short tag before it ("【民生】", "▶", "Read more:"), inside or right after the article (issue 20:
 * "consecutive one-link paragraphs, often 【栏目】 + headline"). By shape and position: a one-link sentence
 * ("详见<a>区住建局公告</a>。") is no such block; links to another site (the article's own documents) and a list
 * introduced by the paragraph before it ("相关文件可以在以下地址查阅：") stay; list items are left to the label rules.
 */
import { squeezedLength } from '../text/chars';
import { measureUntilSentence } from '../text/shape';
import { textCharsUpTo } from '../text/walk';
import * as THRESHOLDS from '../text/thresholds';
import { sameSite } from './edge-lists';

/** Text beside the one link: a tag such as 【民生】, ▶ or "Read more:" is at most this long (margin ×1.3 over "Read more:"). */
const TAG_CHARS = 12;
/** At least this many such blocks in a row: one alone is a "see also" the article may mean. */
const RUN_BLOCKS = 2;
const BLOCKS: ReadonlySet<string> = new Set(['p', 'div']);

/** Whether a block is one headline link and at most a short tag, no sentence outside the link. */
function isLinkLine(el: Element): boolean {
  if (!BLOCKS.has(el.localName)) return false;
  if (textCharsUpTo(el, THRESHOLDS.headlineMax + TAG_CHARS) > THRESHOLDS.headlineMax + TAG_CHARS) return false; // a paragraph: refused before its links are queried
  const links = el.querySelectorAll('a[href]');
  if (links.length !== 1) return false;
  const href = links[0]!.getAttribute('href') ?? '';
  if (href.startsWith('#') || /^javascript:/i.test(href)) return false;
  const s = measureUntilSentence(el);
  if (s.sentences > 0 || s.media) return false;
  const n = squeezedLength(links[0]!.textContent ?? '');
  return n >= THRESHOLDS.headlineMin && n <= THRESHOLDS.headlineMax && s.chars - s.linkChars <= TAG_CHARS;
}

/** Whether a block introduces what follows (ends in a colon): its list is the article's. */
const introduces = (el: Element | null): boolean => !!el && /[:：]\s*$/.test(el.textContent ?? '');

/** The runs of one-link headline blocks under root, each as sibling nodes. */
export function findLinkRuns(root: Element, pageUrl: string): Element[][] {
  const runs: Element[][] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const parent = stack.pop()!;
    let run: Element[] = [];
    let before: Element | null = null;
    const close = () => {
      if (run.length >= RUN_BLOCKS && !introduces(before) && sameSite(run, pageUrl)) runs.push(run);
      run = [];
    };
    for (let c = parent.firstElementChild; c; c = c.nextElementSibling) {
      if (isLinkLine(c)) {
        if (!run.length) before = c.previousElementSibling;
        run.push(c);
        continue;
      }
      close();
      if (c.firstElementChild && !/^(?:a|h[1-6]|table|ul|ol|figure)$/.test(c.localName)) stack.push(c);
    }
    close();
  }
  return runs;
}
