/**
 * Caps the nesting the CLI's parser builds, as Chromium's does. jsdom inserts every node at a cost that
 * grows with its depth, so tables nested 2,000 deep took jsdom 20–25 s to parse alone (profiled: SymbolTree
 * ancestor walks in _insert, test/hostile/huge.test.ts's page), while Chromium stops nesting at 512 levels
 * (Blink's kMaximumHTMLParserDOMTreeDepth: deeper elements become their parent's siblings) and reads it in
 * under half a second. Pages that nest that deep are first parsed by parse5 (jsdom's own parser, without
 * jsdom's DOM: 0.1 s on that page) with Blink's rule, and jsdom gets the capped tree's HTML. Every other
 * page is handed to jsdom untouched, so the CLI's output on real pages cannot change.
 */
import { defaultTreeAdapter, parse, serialize, type DefaultTreeAdapterMap, type TreeAdapter } from 'parse5';

/** Blink's parser depth cap (third_party/blink/renderer/core/html/parser/html_construction_site.cc). */
export const PARSER_MAX_DEPTH = 512;

/** Elements that never have children. */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
  'basefont',
  'bgsound',
  'frame',
]);
/** Elements whose content is text up to their end tag. */
const RAW = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'iframe', 'plaintext', 'noscript']);
/** Elements an open one of the same name closes when it is the innermost ("<p>a<p>b", "<li>x<li>y", "<td>a<td>b"). */
const SIBLING_CLOSES = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);

/**
 * A quick upper guess of how deep `html` nests, from its tags alone (no tree), up to `upTo`: past it the scan
 * stops and answers `upTo + 1`, so it keeps at most that many open tags and costs O(length · upTo) at worst
 * (a stray end tag looks through the open ones). It only decides whether the exact check below is worth a
 * parse, so a guess too high costs one parse5 pass and never changes output.
 */
export function guessDepth(html: string, upTo: number = PARSER_MAX_DEPTH): number {
  const tag = /<(\/?)([a-zA-Z][^\s/>]*)|<!--/g;
  const open: string[] = [];
  let max = 0,
    m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (m[0] === '<!--') {
      const end = html.indexOf('-->', tag.lastIndex);
      if (end < 0) break;
      tag.lastIndex = end + 3;
      continue;
    }
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const i = open.lastIndexOf(name);
      if (i >= 0) open.length = i;
      continue;
    }
    if (VOID.has(name)) continue;
    if (RAW.has(name)) {
      const end = new RegExp(`</${name}`, 'ig');
      end.lastIndex = tag.lastIndex;
      if (!end.exec(html)) break;
      tag.lastIndex = end.lastIndex - name.length - 2;
      continue;
    }
    if (SIBLING_CLOSES.has(name) && open[open.length - 1] === name) open.pop();
    if ((name === 'tr' || name === 'td' || name === 'th') && open[open.length - 1] === 'table') open.push('tbody'); // the parser adds it
    if ((name === 'td' || name === 'th') && open[open.length - 1] === 'tbody') open.push('tr');
    open.push(name);
    if (open.length > max) max = open.length;
    if (max > upTo) return max;
  }
  return max;
}

/**
 * How much nesting the capped parse takes, in element-levels: the sum over the elements parse5 inserts of how
 * deep they nest before the cap (its stack of open elements). parse5's tree builder looks through that stack
 * for most start tags (is a <p> open in scope?), so its work grows with this sum: 8,000 nested <div>s (32 M)
 * took it 1.1 s, 16,000 (128 M) 6.9 s, 32,000 19 s, and 100,000 did not end in three minutes. Tables nested
 * 2,000 deep (8,000 levels of markup: test/hostile/huge.test.ts) sum to 32 M and are read; a real page nests
 * at most 38 deep (src/core/text/thresholds.ts maxDepth), under 8 M for 200,000 elements.
 */
export const MAX_NESTING_WORK = 48_000_000;

/** A page the CLI does not parse: its markup nests so deep that the capped parse would pass MAX_NESTING_WORK. */
export class ParseDepthError extends Error {}

/** What the CLI says of such a page (as the core says of a tree too deep to clone). */
const TOO_DEEP = 'This page is nested too deeply to read (thousands of levels).';

type Node = DefaultTreeAdapterMap['node'];
type Parent = DefaultTreeAdapterMap['parentNode'];

/**
 * `html` as the CLI should parse it: unchanged, or, when it nests past PARSER_MAX_DEPTH, re-serialized from a
 * tree capped as Blink caps it. Throws ParseDepthError past MAX_NESTING_WORK.
 */
export function capParseDepth(html: string): string {
  if (guessDepth(html) <= PARSER_MAX_DEPTH) return html;
  const depth = new WeakMap<Node, number>(); // where a node sits in the capped tree
  const nesting = new WeakMap<Node, number>(); // how deep it would sit without the cap (parse5's stack of open elements)
  const depthOf = (n: Node): number => depth.get(n) ?? 0;
  let capped = 0,
    work = 0;
  // Blink's rule: an element whose parent is already at the cap is attached to the parent's parent instead.
  const place = (parent: Parent, node: Node): Parent => {
    const level = (nesting.get(parent) ?? 0) + 1;
    nesting.set(node, level);
    if ((work += level) > MAX_NESTING_WORK) throw new ParseDepthError(TOO_DEEP);
    const up = 'parentNode' in parent ? parent.parentNode : null;
    if (depthOf(parent) < PARSER_MAX_DEPTH || !up) return parent;
    capped++;
    return up;
  };
  const adapter: TreeAdapter<DefaultTreeAdapterMap> = {
    ...defaultTreeAdapter,
    appendChild(parent, node) {
      const p = place(parent, node);
      depth.set(node, depthOf(p) + 1);
      defaultTreeAdapter.appendChild(p, node);
    },
    insertBefore(parent, node, ref) {
      const p = place(parent, node);
      depth.set(node, depthOf(p) + 1);
      if (p === parent) defaultTreeAdapter.insertBefore(p, node, ref);
      else defaultTreeAdapter.appendChild(p, node);
    },
  };
  // jsdom parses with scripting disabled (no runScripts): <noscript> holds markup, as here.
  const doc = parse(html, { treeAdapter: adapter, scriptingEnabled: false });
  return capped ? serialize(doc) : html;
}
