/** Finding the module a recommendation label heads, and only that module. */
import { isMoreText, type LabelHit } from './labels';
import type { LabelMatcher } from './label-words';
import { hasText, T, textCharsUpTo, textNodes, textUpTo } from '../measures';
import { isClutterShaped, isLinkListShaped, isProse, measure, textChars, type Shape } from './shape';

/** A recommendation module: the label's box plus what it heads, as siblings in document order. */
export interface Module {
  hit: LabelHit;
  nodes: Element[];
}

const HEADING = /^h[1-6]$/;
/** Text that normalizeLabel turns into nothing by its whitespace alone (\s is a part of its DECORATION). */
const BLANK = /^\s*$/;
const BOUNDARY = new Set(['body', 'html', 'article', 'main']);

/** The highest element whose whole text is one label ("大家<b>都在看</b>" gives the outer box). */
function labelBox(text: Text, labels: LabelMatcher, root: Element): { box: Element; hit: LabelHit } | null {
  let found: { box: Element; hit: LabelHit } | null = null;
  const limit = T.labelTextLimit(labels.maxLength); // longer text is never a label (LabelSet.match says the same)
  for (let el = text.parentElement; el; el = el.parentElement) {
    const t = textUpTo(el, limit);
    if (t === null) break;
    let hit = labels.match(t);
    // A word label's box holds no link but a "more" link: a short box with links in it is the module itself.
    if (hit?.word && [...el.querySelectorAll('a[href]')].some(a => !isMoreText(a.textContent ?? ''))) hit = null;
    if (hit) found = { box: el, hit };
    else if (found) break;
    if (el === root) break;
  }
  if (!found || found.box.closest('a[href]') || found.box.localName === 'title') return null;
  // A badge or "more" link beside the label ("From around the web · Sponsored", "热点推荐 更多 >") is part of its box.
  const most = found.hit.word ? T.moreLinkChars : T.badgeChars;
  let boxChars = textChars(found.box);
  for (let p = found.box.parentElement; p && p !== root && !BOUNDARY.has(p.localName); p = p.parentElement) {
    const chars = textCharsUpTo(p, boxChars + most); // a parent may hold the whole page: count only as far as the test needs
    if (chars - boxChars > most) break;
    const links = [...p.querySelectorAll('a[href]')].filter(a => !found!.box.contains(a));
    if (links.some(a => !isMoreText(a.textContent ?? ''))) break; // a real link is content of the module, not its box
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

/** Climbs from the label box while the box leads its parent and the rest of the parent is clutter. */
function climb(box: Element, root: Element, boxes: readonly Element[], shaped: (s: Shape) => boolean): Element {
  let m = box;
  for (let p = m.parentElement; p && p !== root && !BOUNDARY.has(p.localName); p = p.parentElement) {
    if (!leads(p, m)) break;
    if (boxes.some(b => b !== box && p.contains(b))) break; // the parent holds another module: stop at our own
    const rest = [...p.childNodes].filter(c => c !== m);
    if (!shaped(measure(rest))) break;
    m = p;
  }
  return m;
}

/** The siblings after a label box that belong to its module: link lists and cards, up to prose or a heading. */
function following(box: Element, boxes: readonly Element[], shaped: (s: Shape) => boolean, strict: boolean): Element[] {
  const taken: Element[] = [];
  let pendingEmpty: Element[] = [];
  for (let s = box.nextElementSibling; s; s = s.nextElementSibling) {
    const shape = measure([s]);
    if (shape.chars === 0) { pendingEmpty.push(s); continue; }
    if (HEADING.test(s.localName) || boxes.some(b => s.contains(b))) break;
    if (shape.links === 0 || shape.media || isProse(shape)) break;
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
export function findModules(root: Element, labels: LabelMatcher, maxShare: number = T.moduleMaxShare): Module[] {
  if (labels.size === 0) return [];
  // First every label box, so that no module is grown over another module's label.
  const found: { box: Element; hit: LabelHit }[] = [];
  const seen = new Set<Element>();
  for (const t of textNodes(root)) {
    const v = t.nodeValue ?? '';
    // Most text nodes of a page are the whitespace between its tags, which no label is (it normalizes to
    // nothing): a native test skips them before the matchers read them character by character.
    if (BLANK.test(v) || !labels.couldBePart(v)) continue;
    const f = labelBox(t, labels, root);
    if (!f || seen.has(f.box)) continue;
    seen.add(f.box);
    found.push(f);
  }
  const boxes = found.map(f => f.box);
  const modules: Module[] = [];
  // The root's text, counted only when a module is found and only as far as the share test needs: exact when
  // at most `upTo`, else above it (then no module of `chars` holds more than maxShare of it).
  let total = -1, upTo = -1;
  for (const { box, hit } of found) {
    if (modules.some(m => m.nodes.some(n => n.contains(box)))) continue;
    const shaped = hit.word ? isLinkListShaped : isClutterShaped;
    const top = climb(box, root, boxes, shaped);
    let nodes: Element[] = [top];
    if (top === box) {
      const rest = following(box, boxes, shaped, !!hit.word);
      nodes = rest.length ? [box, ...rest] : [];
    }
    if (!nodes.length) continue;
    const chars = nodes.reduce((a, n) => a + textChars(n), 0);
    const need = Math.ceil(chars / maxShare) + 1;
    if (total < 0 || (total > upTo && need > upTo)) { upTo = need; total = textCharsUpTo(root, upTo); }
    if (chars > total * maxShare) continue;
    modules.push({ hit, nodes });
  }
  return modules;
}
