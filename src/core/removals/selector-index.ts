/**
 * Many selectors over one tree. jsdom answers each querySelectorAll with a walk of the whole tree (a class
 * selector is a getElementsByClassName over every node): 10,000 own rules of one selector each took the CLI
 * past 300 s on the 5 MB page of test/hostile (`node --cpu-prof`: nearly all of it in that walk). Here the
 * tree's elements are indexed once by id, class and attribute name. A selector that needs a key the tree
 * lacks (in any compound: "#main .promo" needs #main) matches nothing; one whose subject needs a key is asked
 * only of the elements that carry it, with `matches`; any other goes to querySelectorAll. The answer is
 * exactly querySelectorAll's at the time of the call, in document order. Own rules are such selectors
 * (src/core/derive/describe.ts: "#id", ".class", "tag[data-x]", an anchor and a tag).
 */
import { walk } from '../text/walk';

/**
 * From this many selectors on, the index is built: on jsdom it costs three to five queries (the 5 MB page: 0.6–1.7 s
 * against 0.13–0.46 s for one class query), so from 16 it saves several times what it costs.
 */
export const INDEX_FROM = 16;

/** A character of a CSS identifier as written without escapes: ASCII letters, digits, "-", "_", or non-ASCII. */
const isNameChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x5f || c >= 0x80;

/** What one alternative of a selector list needs: a key its subject must carry (or null), and every key some element must carry. */
export interface AlternativeKeys {
  subject: string | null;
  needed: string[];
}

/**
 * The keys of each top-level alternative of `sel`: "#id", ".class" and "[attribute" (lower case: quirks-mode
 * pages and HTML attribute names match without case, so the index answers a superset and `matches` decides),
 * read only outside parentheses and brackets' insides (what :not() holds is no need) and never through an
 * escape. Null when the scan cannot read `sel` (unbalanced, :scope, namespaces, pseudo-elements).
 */
export function selectorKeys(sel: string): AlternativeKeys[] | null {
  if (/:scope|\||::/i.test(sel)) return null; // :scope means another element under matches(); namespaces, pseudo-elements: not read here
  const out: AlternativeKeys[] = [];
  let needed: string[] = [],
    compound: string[] = [];
  let depth = 0;
  const s = sel.trim();
  const end = () => {
    out.push({ subject: compound.find(k => k[0] === '#') ?? compound.find(k => k[0] === '.') ?? compound[0] ?? null, needed });
    needed = [];
    compound = [];
  };
  const name = (from: number): number => {
    let j = from;
    while (j < s.length && isNameChar(s.charCodeAt(j))) j++;
    return j;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      for (i++; i < s.length && s[i] !== c; i++) if (s[i] === '\\') i++;
      continue;
    }
    if (c === ')' || c === ']') {
      depth--;
      continue;
    }
    if (c === '(' || c === '[') {
      if (c === '[' && depth === 0) {
        // an attribute's name: the element must have the attribute
        let j = i + 1;
        while (s[j] === ' ') j++;
        const k = name(j);
        if (k > j && s[k] !== '\\') {
          const key = `[${s.slice(j, k).toLowerCase()}`;
          compound.push(key);
          needed.push(key);
        }
      }
      depth++;
      continue;
    }
    if (depth > 0) continue;
    if (c === ',') {
      end();
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '>' || c === '+' || c === '~') {
      compound = [];
      continue;
    }
    if (c === '.' || c === '#') {
      const j = name(i + 1);
      if (j > i + 1 && s[j] !== '\\') {
        const key = c + s.slice(i + 1, j).toLowerCase();
        compound.push(key);
        needed.push(key);
      } // an escaped name is not read
      i = j - 1;
    }
  }
  if (depth !== 0) return null;
  end();
  return out;
}

/** querySelectorAll over root's descendants, for many selectors; see above. Nothing may be added to the tree meanwhile. */
export function selectorQuery(root: Element): (sel: string) => Element[] {
  let byKey: Map<string, Element[]> | null = null;
  let order: Map<Element, number> | null = null;
  const all: Element[] = [];
  const index = (): Map<string, Element[]> => {
    if (byKey) return byKey;
    const map = (byKey = new Map());
    const add = (k: string, el: Element) => {
      const list = map.get(k);
      if (!list) map.set(k, [el]);
      else if (list[list.length - 1] !== el) list.push(el);
    };
    // The whole tree root belongs to (a combinator may reach above root), by the one walk: indexing jsdom's
    // live getElementsByTagName('*') is quadratic (27 s for 20,000 elements).
    walk(root.getRootNode(), false, n => {
      if (n.nodeType !== 1) return;
      const el = n as Element;
      all.push(el);
      for (const a of el.attributes) {
        add(`[${a.name.toLowerCase()}`, el);
        if (a.name === 'id' && a.value) add(`#${a.value.toLowerCase()}`, el);
        else if (a.name === 'class') for (const c of a.value.split(/[\t\n\f\r ]+/)) if (c) add(`.${c.toLowerCase()}`, el);
      }
    });
    return map;
  };
  return sel => {
    const alts = selectorKeys(sel);
    if (!alts) return [...root.querySelectorAll(sel)];
    const map = index();
    const live = alts.filter(a => a.needed.every(k => map.has(k))); // an alternative that needs a key no element has matches nothing
    if (!live.length) return [];
    if (live.some(a => !a.subject)) return [...root.querySelectorAll(sel)];
    let candidates = map.get(live[0]!.subject!)!;
    if (live.length > 1) {
      order ??= new Map(all.map((el, i) => [el, i]));
      candidates = [...new Set(live.flatMap(a => map.get(a.subject!)!))].sort((a, b) => order!.get(a)! - order!.get(b)!);
    }
    return candidates.filter(el => el !== root && root.contains(el) && el.matches(sel));
  };
}
