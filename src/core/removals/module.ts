/** Finding the module a recommendation label heads, and only that module. */
import { isMoreText, type LabelHit } from './labels';
import type { LabelMatcher } from './label-words';
import { hasText, SKIP, STOP, textCharsUpTo, textNodes, walk } from '../text/walk';
import { squeezedLength } from '../text/chars';
import * as THRESHOLDS from '../text/thresholds';
import { isClutterShaped, isLinkListShaped, isProse, measure, type Shape } from '../text/shape';
import { textChars } from '../text/walk';

/** A recommendation module: the label's box plus what it heads, as siblings in document order. */
export interface Module {
  hit: LabelHit;
  nodes: Element[];
}

const HEADING = /^h[1-6]$/;
/** Text that normalizeLabel turns into nothing by its whitespace alone (\s is a part of its DECORATION). */
const BLANK = /^\s*$/;
const BOUNDARY: ReadonlySet<string> = new Set(['body', 'html', 'article', 'main']);

/** What a label box's climb reads of one element: its text (null past the limit), and whether it holds a link that is no "more" link. */
interface BoxText {
  text: string | null;
  realLink: boolean;
}

const isLink = (n: Node): boolean => n.nodeType === 1 && (n as Element).localName === 'a' && (n as Element).hasAttribute('href');

/**
 * An element's raw text up to `limit` (as textUpTo reads it) and its links' verdict, in one bounded walk: a
 * link's text is the part of the element's text read between its start and its end.
 */
function boxText(el: Element, limit: number): BoxText {
  let text = '',
    realLink = false;
  const starts: number[] = []; // where each open <a href>'s text starts in `text`
  const read = walk(
    el,
    false,
    n => {
      if (n.nodeType === 3 || n.nodeType === 4) {
        text += n.nodeValue ?? '';
        if (text.length > limit) return STOP;
      } else if (n !== el && isLink(n)) starts.push(text.length); // the links inside el, as el.querySelectorAll finds them
    },
    n => {
      if (n !== el && isLink(n) && !isMoreText(text.slice(starts.pop()))) realLink = true;
    },
  );
  return read ? { text, realLink } : { text: null, realLink: false };
}

/**
 * The text characters of `p` when at most `limit` and none of its links outside `box` is a real link (not
 * "more"), else -1. `box` (inside p, no link around it) is counted as its known `boxChars`, unread: each
 * level of the climb reads only what the level adds.
 */
function grownChars(p: Element, box: Element, boxChars: number, limit: number): number {
  let chars = 0,
    linkText = '',
    realLink = false;
  const starts: number[] = []; // where each open <a href>'s text starts in linkText
  const read = walk(
    p,
    false,
    n => {
      if (n === box) {
        chars += boxChars;
        return chars > limit ? STOP : SKIP;
      }
      if (n.nodeType === 3 || n.nodeType === 4) {
        const v = n.nodeValue ?? '';
        chars += squeezedLength(v);
        if (chars > limit) return STOP;
        if (starts.length) linkText += v;
      } else if (isLink(n)) starts.push(linkText.length);
    },
    n => {
      if (n === box || !isLink(n)) return;
      if (!isMoreText(linkText.slice(starts.pop()))) realLink = true;
      if (!starts.length) linkText = '';
    },
  );
  return read && !realLink ? chars : -1;
}

/**
 * The highest element whose whole text is one label ("大家<b>都在看</b>" gives the outer box). `texts` holds
 * what the climb read of each element during one findModules call (each text node of a parent climbs through
 * it: 10,000 sibling <span>s would read it 10,000 times).
 */
function labelBox(text: Text, labels: LabelMatcher, root: Element, texts: Map<Element, BoxText>): { box: Element; hit: LabelHit } | null {
  let found: { box: Element; hit: LabelHit } | null = null;
  const limit = THRESHOLDS.labelTextLimit(labels.maxLength); // longer text is never a label (LabelSet.match says the same)
  for (let el = text.parentElement; el; el = el.parentElement) {
    let t = texts.get(el);
    if (!t) texts.set(el, (t = boxText(el, limit)));
    if (t.text === null) break;
    let hit = labels.match(t.text);
    // A word label's box holds no link but a "more" link: a short box with links in it is the module itself.
    if (hit?.word && t.realLink) hit = null;
    if (hit) found = { box: el, hit };
    else if (found) break;
    if (el === root) break;
  }
  if (!found || found.box.closest('a[href]') || found.box.localName === 'title') return null;
  // A badge or "more" link beside the label ("From around the web · Sponsored", "热点推荐 更多 >") is part of its box.
  const most = found.hit.word ? THRESHOLDS.moreLinkChars : THRESHOLDS.badgeChars;
  let boxChars = textChars(found.box);
  for (let p = found.box.parentElement; p && p !== root && !BOUNDARY.has(p.localName); p = p.parentElement) {
    // A parent may hold the whole page: read only as far as the test needs; a real link is content of the module, not its box.
    const chars = grownChars(p, found.box, boxChars, boxChars + most);
    if (chars < 0) break;
    found.box = p;
    boxChars = chars;
  }
  return found;
}

/** Whether `child` is the first thing with text in `parent` (spacers, icons and comments skipped). */
function leads(parent: Element, child: Element): boolean {
  for (let c = parent.firstChild; c; c = c.nextSibling) {
    if (c === child) return true;
    if ((c.nodeType === 1 || c.nodeType === 3) && hasText(c)) return false; // hasText: no textContent of a whole sibling
  }
  return false;
}

/** How many label boxes each element holds (itself included), for the elements up to root: "does p hold another box" in one look. */
function boxCounts(boxes: readonly Element[], root: Element): Map<Element, number> {
  const under = new Map<Element, number>();
  for (const b of boxes) {
    for (let a: Element | null = b; a; a = a.parentElement) {
      under.set(a, (under.get(a) ?? 0) + 1);
      if (a === root) break;
    }
  }
  return under;
}

/** Climbs from the label box while the box leads its parent and the rest of the parent is clutter. */
function climb(box: Element, root: Element, under: ReadonlyMap<Element, number>, shaped: (s: Shape) => boolean): Element {
  let m = box;
  for (let p = m.parentElement; p && p !== root && !BOUNDARY.has(p.localName); p = p.parentElement) {
    if (under.get(p)! > 1) break; // the parent holds another module's label: stop at our own (asked first: leads reads p's children)
    if (!leads(p, m)) break;
    const rest = [...p.childNodes].filter(c => c !== m);
    if (!shaped(measure(rest))) break;
    m = p;
  }
  return m;
}

/** The siblings after a label box that belong to its module: link lists and cards, up to prose or a heading. */
function following(box: Element, under: ReadonlyMap<Element, number>, shaped: (s: Shape) => boolean, strict: boolean): Element[] {
  const taken: Element[] = [];
  let pendingEmpty: Element[] = [];
  for (let s = box.nextElementSibling; s; s = s.nextElementSibling) {
    const shape = measure([s]);
    if (shape.chars === 0) {
      pendingEmpty.push(s);
      continue;
    }
    if (HEADING.test(s.localName) || under.has(s)) break;
    if (shape.links === 0 || shape.media || isProse(shape, 'paragraph')) break;
    if (strict && !shaped(shape)) break; // a word label takes link lists only, sibling by sibling (163's 重点推荐 before its source line)
    taken.push(...pendingEmpty, s);
    pendingEmpty = [];
  }
  return shaped(measure(taken)) ? taken : [];
}

/**
 * Finds the modules that recommendation labels head under `root`. A label counts only as the whole
 * text of its own box (so "这部剧为什么大家都在看?" in a paragraph is content), and what it heads must be
 * shaped like links or cards; a module holding more than `maxShare` of root's text is never taken.
 */
export function findModules(root: Element, labels: LabelMatcher, maxShare: number = THRESHOLDS.moduleMaxShare): Module[] {
  if (labels.size === 0) return [];
  // First every label box, so that no module is grown over another module's label.
  const found: { box: Element; hit: LabelHit }[] = [];
  const seen = new Set<Element>();
  const texts = new Map<Element, BoxText>();
  for (const t of textNodes(root)) {
    const v = t.nodeValue ?? '';
    // Most text nodes of a page are the whitespace between its tags, which no label is (it normalizes to
    // nothing): a native test skips them before the matchers read them character by character.
    if (BLANK.test(v) || !labels.couldBePart(v)) continue;
    const f = labelBox(t, labels, root, texts);
    if (!f || seen.has(f.box)) continue;
    seen.add(f.box);
    found.push(f);
  }
  const under = boxCounts(
    found.map(f => f.box),
    root,
  );
  const modules: Module[] = [];
  const taken = new Set<Element>(); // the modules' nodes
  const inTaken = (box: Element) => {
    for (let a: Element | null = box; a; a = a === root ? null : a.parentElement) if (taken.has(a)) return true;
    return false;
  };
  // The root's text, counted only when a module is found and only as far as the share test needs: exact when
  // at most `upTo`, else above it (then no module of `chars` holds more than maxShare of it).
  let total = -1,
    upTo = -1;
  for (const { box, hit } of found) {
    if (inTaken(box)) continue;
    const shaped = hit.word ? isLinkListShaped : isClutterShaped;
    const top = climb(box, root, under, shaped);
    let nodes: Element[] = [top];
    if (top === box) {
      const rest = following(box, under, shaped, !!hit.word);
      nodes = rest.length ? [box, ...rest] : [];
    }
    if (!nodes.length) continue;
    const chars = nodes.reduce((a, n) => a + textChars(n), 0);
    const need = Math.ceil(chars / maxShare) + 1;
    if (total < 0 || (total > upTo && need > upTo)) {
      upTo = need;
      total = textCharsUpTo(root, upTo);
    }
    if (chars > total * maxShare) continue;
    modules.push({ hit, nodes });
    for (const n of nodes) taken.add(n);
  }
  return modules;
}
