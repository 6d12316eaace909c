/** What a removal reports of the blocks it took: their text as a reader saw it, cut to a readable length. */
import { fold } from '../text/chars';
import { visibleText } from '../text/walk';

/** A preview's length in characters: about one line of the popup's list of removed blocks. */
const PREVIEW_CHARS = 80;

/** A removal's preview: its text, whitespace folded, cut to a readable length, and its size (whitespace excluded). */
export function preview(nodes: Node[]): { preview: string; chars: number } {
  const text = fold(nodes.map(visibleText).join(' '));
  const chars = text.replace(/ /g, '').length;
  return { preview: text.length > PREVIEW_CHARS ? text.slice(0, PREVIEW_CHARS - 1) + '…' : text, chars };
}
