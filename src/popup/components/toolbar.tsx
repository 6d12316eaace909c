/**
 * The popup's one slim bar: copy, the download menu (.txt / .md / .html), the reader tab, the reading
 * settings and remove blocks, as icon buttons whose labels are their tooltips and accessible names; the live
 * status sits at its end. It stays at the top while the article scrolls, so the tools are at hand at its end too.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Article } from '../../core/types.ts';
import type { Translate } from '../api.ts';
import { exportActions, type ExportContext } from '../../ui/exports.ts';
import { formatLabels } from '../../ui/components/export-bar.tsx';
import { ChevronIcon, CopyIcon, CutIcon, DoneIcon, DownloadIcon, ReaderIcon, TypeIcon } from '../../ui/components/icons.tsx';

/** An article this long (characters of text) reads better in a tab: the reader button offers it in words (issue 18). */
export const LONG_ARTICLE_CHARS = 3000;

/** Props of {@link Toolbar}. */
export interface ToolbarProps extends Omit<ExportContext, 'article'> {
  /** The article the tools act on; null while loading or after an error (the bar then holds the status alone). */
  article: Article | null;
  t: Translate;
  /** Remove-blocks mode: the tools step aside for the mode's hint and its Done button. */
  editing: boolean;
  /** The live status (loading, copied, saved …). */
  status: ComponentChildren;
  settingsOpen: boolean;
  onSettings(): void;
  onReader(): void;
  onEdit(): void;
  /** The script control (字形), when the article is Chinese. */
  script?: ComponentChildren;
}

/** One icon button: the label is its accessible name and its tooltip. */
function Tool({
  label,
  testId,
  onClick,
  children,
  ...rest
}: {
  label: string;
  testId: string;
  onClick(): void;
  children: ComponentChildren;
  [aria: string]: unknown;
}) {
  return (
    <button type="button" class="tool" data-testid={testId} aria-label={label} title={label} onClick={onClick} {...rest}>
      {children}
    </button>
  );
}

/** The download menu: a button that opens three formats; Esc or a click elsewhere closes it. */
function DownloadMenu({ ctx, t }: { ctx: ExportContext; t: Translate }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: Event) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', away);
    document.addEventListener('keydown', esc);
    box.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
    return () => {
      document.removeEventListener('pointerdown', away);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  const act = exportActions(ctx);
  const labels = formatLabels(t);
  const item = (id: 'txt' | 'md' | 'html') => (
    <button
      type="button"
      role="menuitem"
      data-testid={`export-${id}`}
      onClick={() => {
        setOpen(false);
        void act[id]();
      }}
    >
      {labels[id]}
    </button>
  );
  // Up and down move within the menu, as in any menu.
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const items = [...(box.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLElement);
    items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    e.preventDefault();
  };
  return (
    <div class="menu-box" ref={box}>
      <button
        type="button"
        ref={button}
        class="tool"
        data-testid="export-menu"
        aria-label={t('toolExport')}
        title={t('toolExport')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="export-menu"
        onClick={() => setOpen(!open)}
      >
        <DownloadIcon />
        <ChevronIcon />
      </button>
      {/* In the DOM while closed (hidden): each format keeps its test id and is one click away. */}
      <div class="menu" role="menu" id="export-menu" aria-label={t('toolExport')} hidden={!open} onKeyDown={onKeyDown}>
        {item('txt')}
        {item('md')}
        {item('html')}
      </div>
    </div>
  );
}

/** The bar over the article. */
export function Toolbar({ article, t, status, editing, settingsOpen, onSettings, onReader, onEdit, script, ...ctx }: ToolbarProps) {
  const live = (
    <p class="status" role="status" aria-live="polite">
      {status}
    </p>
  );
  if (!article) return <div class="toolbar">{live}</div>;
  if (editing) {
    return (
      <div class="toolbar editing">
        <p class="edit-title" id="edit-hint">
          {t('editBarHint')}
        </p>
        {live}
        <button type="button" class="tool tool-wide primary" data-testid="edit-mode" aria-pressed={true} onClick={onEdit}>
          <DoneIcon />
          <span class="tool-text">{t('editModeDone')}</span>
        </button>
      </div>
    );
  }
  const long = article.text.length > LONG_ARTICLE_CHARS;
  const exportCtx: ExportContext = { ...ctx, article };
  const act = exportActions(exportCtx);
  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbarLabel')}>
      <Tool label={t('toolCopy')} testId="export-copy" onClick={() => void act.copy()}>
        <CopyIcon />
      </Tool>
      <DownloadMenu ctx={exportCtx} t={t} />
      {long ? (
        // A long article: the reader tab is offered first, in words.
        <button
          type="button"
          class="tool tool-wide offer"
          data-testid="open-reader"
          title={t('toolReaderLongHint')}
          aria-label={t('toolReader')}
          data-offer="long"
          onClick={onReader}
        >
          <ReaderIcon />
          <span class="tool-text">{t('toolReaderLong')}</span>
        </button>
      ) : (
        <Tool label={t('toolReader')} testId="open-reader" onClick={onReader}>
          <ReaderIcon />
        </Tool>
      )}
      <Tool
        label={t('toolSettings')}
        testId="settings-toggle"
        onClick={onSettings}
        aria-expanded={settingsOpen}
        aria-controls="settings-panel"
      >
        <TypeIcon />
      </Tool>
      {script}
      <Tool label={t('toolRemove')} testId="edit-mode" onClick={onEdit} aria-pressed={false}>
        <CutIcon />
      </Tool>
      {live}
    </div>
  );
}
