/** Export: copy the clean text, or download .txt / .md / .html named after the title (core's exports, unchanged). */
import { toHtmlDocument } from '../../core/export/html.ts';
import { toText } from '../../core/export/text.ts';
import type { Article } from '../../core/types.ts';
import type { PopupApi } from '../api.ts';
import { detailOf } from '../errors.ts';
import { fileName } from '../file-name.ts';

/** Props of {@link ExportBar}. */
export interface ExportBarProps {
  article: Article;
  api: PopupApi;
  notify(status: string, error?: string | null): void;
}

/** The four export buttons; each says what happened through the popup's live status. */
export function ExportBar({ article, api, notify }: ExportBarProps) {
  const { t } = api;
  const title = article.title || t('untitled');
  const save = (ext: string, content: string, mime: string) => {
    const name = fileName(title, ext);
    api.download(name, content, mime);
    notify(t('saved', [name]));
  };
  // turndown is loaded on the first Markdown export, not before the popup's first paint.
  const saveMarkdown = async () => {
    try {
      const { toMarkdown } = await import('../../core/export/markdown.ts');
      save('md', toMarkdown(article, document), 'text/markdown');
    } catch (e) {
      notify('', t('errorFailed', [detailOf(e)]));
    }
  };
  const copy = async () => {
    try {
      await api.copyText(toText(article));
      notify(t('copied'));
    } catch (e) {
      notify('', t('errorCopy', [detailOf(e)]));
    }
  };
  return (
    <section class="export" aria-label={t('exportHeading')}>
      <button type="button" data-testid="export-copy" onClick={copy}>{t('exportCopy')}</button>
      <button type="button" data-testid="export-txt" onClick={() => save('txt', toText(article), 'text/plain')}>
        {t('exportTxt')}
      </button>
      <button type="button" data-testid="export-md" onClick={saveMarkdown}>
        {t('exportMd')}
      </button>
      <button type="button" data-testid="export-html" onClick={() => save('html', toHtmlDocument(article), 'text/html')}>
        {t('exportHtml')}
      </button>
    </section>
  );
}
