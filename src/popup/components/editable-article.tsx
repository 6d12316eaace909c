/**
 * The article in remove-blocks mode: every removable block is focusable (data-testid="block"); a click, or
 * Enter/Delete on a focused block, removes it from the view at once (it joins the pending list).
 */
import type { JSX } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { Translate } from '../api.ts';
import { useShownHtml } from '../../ui/components/article-body.tsx';

/** Props of {@link EditableArticle}. */
export interface EditableArticleProps {
  /** Annotated article HTML (use-edit.ts): sanitized in this popup, blocks marked. */
  html: string;
  lang: string | null;
  label: string;
  onRemove(key: string): void;
  /** "Load images from the web", as in ArticleBody. */
  remoteImages?: boolean;
  t?: Translate;
}

/** The key of the block after `from` (or before it, at the end): where a keyboard user's focus goes next. */
function nextKey(from: Element): string | null {
  const all = [...(from.closest('article')?.querySelectorAll<HTMLElement>('[data-testid=block]') ?? [])];
  const i = all.indexOf(from as HTMLElement);
  return (all[i + 1] ?? all[i - 1])?.getAttribute('data-block') ?? null;
}

/** The editable article region. */
export function EditableArticle({ html, lang, label, onRemove, remoteImages = true, t }: EditableArticleProps) {
  const shown = useShownHtml(html, remoteImages, t);
  const root = useRef<HTMLElement>(null);
  // Set on Enter/Delete; used once the re-render has replaced the article's HTML (the removed block and the
  // focus with it are gone then), so the focus lands on the new element, not on one about to be replaced.
  const focusAfter = useRef<string | null>(null);
  useLayoutEffect(() => {
    const key = focusAfter.current;
    focusAfter.current = null;
    if (!key || !root.current) return;
    for (const el of root.current.querySelectorAll<HTMLElement>('[data-block]')) {
      if (el.getAttribute('data-block') === key) return el.focus();
    }
  }, [shown]);
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
    focusAfter.current = nextKey(b);
    onRemove(b.getAttribute('data-block')!);
  };
  return (
    <article
      ref={root}
      class="article editing"
      data-testid="article"
      aria-label={label}
      aria-describedby="edit-hint"
      lang={lang ?? undefined}
      onClick={onClick}
      onKeyDown={onKeyDown}
      // Safe: the finishing half sanitized it in this popup; blocks.ts only added data-testid, data-block and tabindex.
      dangerouslySetInnerHTML={{ __html: shown }}
    />
  );
}
