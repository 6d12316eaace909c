/**
 * Converting the article's view: text nodes only (never an attribute, so no URL, alt or title changes), Han
 * text only (every opencc-js dictionary key holds a Han character, so other text would come back unchanged
 * anyway; skipping it saves the work), and reversibly: each node's original text is kept, every conversion
 * starts from it (简体 → 繁體 never converts converted text), and restore() puts back exactly what was there.
 * Skipped: what a reader never sees (script, style, noscript, template: SKIPPED_TAGS), code (`code`, `kbd`,
 * `samp`, `var`: a program's strings are not prose), and elements marked `translate="no"` or with a `lang`
 * that is not Chinese (a Japanese quotation keeps its kanji).
 */
import { isSkipped } from '../../core/text/walk';
import type { TextConverter } from './conversion';

const CODE = new Set(['code', 'kbd', 'samp', 'var']);
const HAN = /\p{Script=Han}/u;

/** Whether an element's text is left as it is (see the file comment). */
function keep(el: Element): boolean {
  if (isSkipped(el) || CODE.has(el.localName)) return true;
  if (el.getAttribute('translate') === 'no') return true;
  const lang = el.getAttribute('lang');
  return lang !== null && lang !== '' && !/^zh\b/i.test(lang);
}

/** The text nodes under root that a conversion may change, in document order, without recursion. */
function convertible(root: Element): Text[] {
  const out: Text[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === 3) {
      if (HAN.test(n.nodeValue ?? '')) out.push(n as Text);
      continue;
    }
    if (n.nodeType !== 1 || (n !== root && keep(n as Element))) continue;
    for (let c = n.lastChild; c; c = c.previousSibling) stack.push(c);
  }
  return out;
}

/** A view of one article element that can be shown converted and restored. */
export interface ScriptView {
  /** Shows the element through `convert` (null: the original); returns how many text nodes changed. */
  apply(convert: TextConverter | null): number;
  /** Puts back the original text of every node this view changed. */
  restore(): void;
}

/** A reversible view over `root` (nodes added later, e.g. by a re-render, are picked up on the next apply). */
export function scriptView(root: Element): ScriptView {
  const originals = new Map<Text, string>();
  const restore = () => {
    for (const [node, text] of originals) if (node.nodeValue !== text) node.nodeValue = text;
  };
  return {
    apply(convert) {
      if (!convert) {
        restore();
        return 0;
      }
      let changed = 0;
      for (const node of convertible(root)) {
        let original = originals.get(node);
        if (original === undefined) {
          original = node.nodeValue ?? '';
          originals.set(node, original);
        }
        const next = convert(original);
        if (node.nodeValue !== next) {
          node.nodeValue = next;
          changed++;
        }
      }
      for (const node of originals.keys()) if (!root.contains(node)) originals.delete(node);
      return changed;
    },
    restore,
  };
}

/** Converts root's text once (a view that is then thrown away: for exports, where nothing is restored). */
export function convertTree(root: Element, convert: TextConverter): ScriptView {
  const view = scriptView(root);
  view.apply(convert);
  return view;
}
