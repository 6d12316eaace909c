/**
 * The article in remove-blocks mode: every removable block is focusable (data-testid="block"); a click, or
 * Enter/Delete on a focused block, removes it from the view at once (it joins the pending list).
 */
import type { JSX } from 'preact';

/** Props of {@link EditableArticle}. */
export interface EditableArticleProps {
  /** Annotated article HTML (use-edit.ts): sanitized in this popup, blocks marked. */
  html: string;
  lang: string | null;
  label: string;
  onRemove(key: string): void;
}

/** Moves focus to the next block (or the previous one at the end), so a keyboard user can keep going. */
function focusNext(from: Element) {
  const all = [...(from.closest('article')?.querySelectorAll<HTMLElement>('[data-testid=block]') ?? [])];
  const i = all.indexOf(from as HTMLElement);
  const next = all[i + 1] ?? all[i - 1];
  // After the re-render the removed block is gone; its neighbours stay the same elements (same data-block).
  const key = next?.getAttribute('data-block');
  if (key) setTimeout(() => from.ownerDocument.querySelector<HTMLElement>(`[data-block="${key}"]`)?.focus(), 0);
}

/** The editable article region. */
export function EditableArticle({ html, lang, label, onRemove }: EditableArticleProps) {
  const blockOf = (e: Event) => (e.target as Element | null)?.closest?.('[data-testid=block]') ?? null;
  const onClick = (e: JSX.TargetedMouseEvent<HTMLElement>) => {
    const b = blockOf(e);
    e.preventDefault(); // links do not navigate while blocks are being picked
    if (b) onRemove(b.getAttribute('data-block')!);
  };
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (e.key !== 'Enter' && e.key !== 'Delete' && e.key !== 'Backspace') return;
    const b = blockOf(e);
    if (!b || b !== e.target) return;
    e.preventDefault();
    focusNext(b);
    onRemove(b.getAttribute('data-block')!);
  };
  return (
    <article class="article editing" data-testid="article" aria-label={label} aria-describedby="edit-hint"
      lang={lang ?? undefined} onClick={onClick} onKeyDown={onKeyDown}
      // Safe: the finishing half sanitized it in this popup; blocks.ts only added data-testid, data-block and tabindex.
      dangerouslySetInnerHTML={{ __html: html }} />
  );
}
