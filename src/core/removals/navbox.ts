/**
 * A wiki's navigation boxes at the article's end: tables whose rows are a `<th>` group label over a cell of links
 * ("Running Man | 刘在锡 · 池锡辰 · 金钟国 …", the authority-control row), nothing after them but more of them (zh-cwce
 * d5bced5e: five such tables, ~1,500 characters; issue 20). By position and shape: the article's last tables, each
 * with a labelled row and mostly links (THRESHOLDS.navboxLinkShare); the data tables above them (a discography, an
 * award list: less than half links) are the article's, and so is any table with text after it.
 */
import { linkShare, measure } from '../text/shape';
import * as THRESHOLDS from '../text/thresholds';
import { squeezedLength } from '../text/chars';
import { visibleText } from '../text/walk';

/** Whether a table is navbox-shaped: a row of a `<th>` label and a cell, and mostly links. */
function isNavbox(t: Element): boolean {
  if (!t.querySelector('tr > th + td')) return false;
  const s = measure([t]);
  return s.links > 0 && linkShare(s) >= THRESHOLDS.navboxLinkShare;
}

/** Characters a reader sees in a node: a wiki's TemplateStyles `<style>` sits between its navboxes. */
const shown = (n: Node): number => squeezedLength(visibleText(n));

/** Characters of shown text after el to root's end (document order). */
function charsAfter(el: Element, root: Element): number {
  let n = 0;
  for (let e: Element | null = el; e && e !== root; e = e.parentElement) for (let x = e.nextSibling; x; x = x.nextSibling) n += shown(x);
  return n;
}

/** The navbox tables at root's end (outermost tables, document order), or []. */
export function findNavboxes(root: Element): Element[] {
  const tables = [...root.querySelectorAll('table')].filter(
    t => !t.parentElement?.closest('table') || !root.contains(t.parentElement.closest('table')),
  );
  const out: Element[] = [];
  let below = 0; // text of the navboxes taken, all of what follows the next one up
  for (let i = tables.length - 1; i >= 0; i--) {
    const t = tables[i]!;
    if (!isNavbox(t) || charsAfter(t, root) !== below) break;
    below += shown(t);
    out.unshift(t);
  }
  // The whole article is no navbox (a list page made of such tables).
  return below > shown(root) * THRESHOLDS.moduleMaxShare ? [] : out;
}
