/**
 * Candidate CSS descriptions of one element of the live page, most durable first: a stable id, a stable
 * class (the rarest on the page first), two classes, a stable attribute, then one stable ancestor with the
 * element's tag (at most one step: no nth-child chains), and last the bare tag (which derive.ts refuses,
 * but whose refusal is the reason a person reads). Read-only: nothing on the page is changed.
 */
import { isPlainIdent, isStableToken } from './stable-token';

/** Attributes that name what a block is (not how it looks): kept in descriptions when their value is stable. */
const NAMING_ATTRS = /^(?:data-(?!jy-)[a-z][\w-]*|role|itemprop|itemtype|aria-label|name)$/;
/** Attribute values longer than this are content, not a name. */
const MAX_ATTR_VALUE = 40;
/** How far up an anchoring ancestor is looked for: the element's wrapper or its wrapper's wrapper. */
const ANCHOR_LEVELS = 3;

/** The element's stable classes, rarest on the page first (a rare class names this kind of block). */
function stableClasses(el: Element, doc: ParentNode): string[] {
  const classes = [...el.classList].filter(c => isStableToken(c) && isPlainIdent(c));
  const count = new Map(classes.map(c => [c, doc.querySelectorAll(`.${c}`).length]));
  return [...new Set(classes)].sort((a, b) => count.get(a)! - count.get(b)!);
}

/** An attribute value safe inside a double-quoted selector string. */
const quotable = (v: string): boolean => v.length > 0 && v.length <= MAX_ATTR_VALUE && !/["\\\n]/.test(v);

/** The element's own descriptions without an ancestor. */
function ownDescriptions(el: Element, doc: ParentNode): string[] {
  const out: string[] = [];
  const tag = el.localName;
  const id = el.getAttribute('id');
  if (id && isStableToken(id) && isPlainIdent(id)) out.push(`#${id}`);
  const classes = stableClasses(el, doc);
  for (const c of classes) out.push(`.${c}`);
  if (classes.length >= 2) out.push(`.${classes[0]}.${classes[1]}`);
  for (const a of [...el.attributes]) {
    if (!NAMING_ATTRS.test(a.name)) continue;
    const v = a.value.trim();
    if (a.name === 'aria-label' ? quotable(v) : quotable(v) && isStableToken(v)) out.push(`${tag}[${a.name}="${v}"]`);
  }
  return out;
}

/** One short, stable name of an ancestor ("#main", ".article-body"), or null. */
function anchorName(el: Element, doc: ParentNode): string | null {
  const id = el.getAttribute('id');
  if (id && isStableToken(id) && isPlainIdent(id)) return `#${id}`;
  const [c] = stableClasses(el, doc);
  return c ? `.${c}` : null;
}

/** Candidate selectors for `el`, most durable first; duplicates removed. */
export function selectorCandidates(el: Element): string[] {
  const doc = el.ownerDocument ?? (el.getRootNode() as ParentNode);
  const own = ownDescriptions(el, doc);
  const out = [...own];
  const tag = el.localName;
  const self = own.find(s => s.startsWith('.')) ?? tag;
  let p = el.parentElement;
  for (let level = 1; p && level <= ANCHOR_LEVELS && p.localName !== 'body' && p.localName !== 'html'; level++, p = p.parentElement) {
    const anchor = anchorName(p, doc);
    if (!anchor) continue;
    out.push(level === 1 ? `${anchor} > ${self}` : `${anchor} ${self}`);
    if (self !== tag) out.push(level === 1 ? `${anchor} > ${tag}` : `${anchor} ${tag}`);
    break; // the nearest named ancestor only: a farther one names a larger part of the page
  }
  out.push(tag);
  return [...new Set(out)];
}

/** Whether a selector names only a tag ("p", "div"): it would take every such block of the article. */
export function isBareTag(selector: string): boolean {
  return /^[a-z][a-z0-9-]*$/i.test(selector.trim());
}
