/**
 * The whitespace nodes turndown would drop, dropped in one linear pass before it runs.
 *
 * turndown (7.2, `collapseWhitespace`) walks the tree it converts and removes each text node that collapses
 * to nothing (and each comment) with `removeChild`, one at a time. jsdom finds a child's index by counting
 * its preceding siblings and forgets every index of a parent on each removal, so removing the whitespace
 * between the 9,000 paragraphs of one article box cost 10 s of the CLI's 20 s on the big Chinese page
 * (test/hostile/pages-gen.ts `zhHugePage`, `node --cpu-prof`). This pass replays turndown's walk, with its
 * text edits kept aside (the tree's text is left as it is: turndown makes them itself), collects the nodes its
 * walk removes, and takes them out by rebuilding each affected parent's child list front to back (each
 * move is of a first child: no counting). turndown then walks the same tree minus exactly those nodes and
 * removes nothing in its walk, so its output is unchanged (test/core/collapse-whitespace.test.ts compares
 * both on generated trees). Only the walk's removals are taken: the last text node, which turndown may drop
 * after its walk, still steers the walk and is left to turndown.
 */

// turndown 7.2's element lists (lib/turndown.cjs.js: blockElements, voidElements); `preformattedCode` is off.
const BLOCK: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'AUDIO',
  'BLOCKQUOTE',
  'BODY',
  'CANVAS',
  'CENTER',
  'DD',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'FRAMESET',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'HTML',
  'ISINDEX',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'NOFRAMES',
  'NOSCRIPT',
  'OL',
  'OUTPUT',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);
const VOID: ReadonlySet<string> = new Set([
  'AREA',
  'BASE',
  'BR',
  'COL',
  'COMMAND',
  'EMBED',
  'HR',
  'IMG',
  'INPUT',
  'KEYGEN',
  'LINK',
  'META',
  'PARAM',
  'SOURCE',
  'TRACK',
  'WBR',
]);

/** The nodes turndown's whitespace walk over `root` removes, in document order (the tree is not changed). */
export function collapsedAway(root: Element): Node[] {
  const gone: Node[] = [];
  if (!root.firstChild || root.nodeName === 'PRE') return gone;
  const dropped = new Set<Node>();
  const edited = new Map<Node, string>(); // text as turndown's walk leaves it, kept aside
  const dataOf = (n: Node) => edited.get(n) ?? (n as CharacterData).data;
  const firstChild = (n: Node) => {
    let c = n.firstChild;
    while (c && dropped.has(c)) c = c.nextSibling;
    return c;
  };
  const after = (n: Node) => n.nextSibling ?? n.parentNode!;
  // turndown's next(prev, current): down into a node, else on to its sibling, else up to its parent.
  const next = (prev: Node | null, cur: Node): Node =>
    (prev && prev.parentNode === cur) || cur.nodeName === 'PRE' ? after(cur) : (firstChild(cur) ?? after(cur));
  const drop = (n: Node): Node => {
    dropped.add(n);
    gone.push(n);
    return after(n);
  };

  let prevText: Node | null = null;
  let keepLeadingWs = false;
  let prev: Node | null = null;
  let node = next(prev, root);
  while (node !== root) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      let text = dataOf(node).replace(/[ \r\n\t]+/g, ' ');
      if ((!prevText || / $/.test(dataOf(prevText))) && !keepLeadingWs && text[0] === ' ') text = text.substr(1);
      if (!text) {
        node = drop(node);
        continue;
      }
      edited.set(node, text);
      prevText = node;
    } else if (node.nodeType === 1) {
      const name = node.nodeName;
      if (BLOCK.has(name) || name === 'BR') {
        if (prevText) edited.set(prevText, dataOf(prevText).replace(/ $/, ''));
        prevText = null;
        keepLeadingWs = false;
      } else if (VOID.has(name) || name === 'PRE') {
        prevText = null;
        keepLeadingWs = true;
      } else if (prevText) {
        keepLeadingWs = false;
      }
    } else {
      node = drop(node);
      continue;
    }
    const nextNode = next(prev, node);
    prev = node;
    node = nextNode;
  }
  return gone;
}

/**
 * Removes what turndown's whitespace walk over `root` would remove. A parent losing a few children loses them
 * one by one (each removal counts at most its parent's children: linear in all); a parent losing more has its
 * child list rebuilt once, front to back.
 */
export function removeCollapsedWhitespace(root: Element): void {
  const byParent = new Map<Node, Node[]>();
  for (const n of collapsedAway(root)) {
    const p = n.parentNode!;
    const list = byParent.get(p);
    if (list) list.push(n);
    else byParent.set(p, [n]);
  }
  const doc = root.ownerDocument;
  for (const [parent, gone] of byParent) {
    if (gone.length <= FEW) {
      for (const n of gone) parent.removeChild(n);
      continue;
    }
    const dropped = new Set(gone);
    const keep = doc.createDocumentFragment();
    for (let c = parent.firstChild; c; c = parent.firstChild) {
      if (dropped.has(c)) parent.removeChild(c);
      else keep.appendChild(c);
    }
    parent.appendChild(keep);
  }
}

/** Up to this many removals from one parent are made one by one. */
const FEW = 8;
