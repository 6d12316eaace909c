/** Export: copy the clean text, or download .txt / .md / .html named after the title (core's exports, unchanged). */
import { toHtmlDocument } from '../../core/export/html.ts';
import { toText } from '../../core/export/text.ts';
import type { Article } from '../../core/types.ts';
import type { PopupApi } from '../api.ts';
import { detailOf } from '../errors.ts';
import { fileName } from '../file-name.ts';
import type { ExportOptions } from '../../core/export/options.ts';
import { imagePlaceholder, withoutRemoteImages } from '../remote-images.ts';

/** Props of {@link ExportBar}. */
export interface ExportBarProps {
  article: Article;
  /** Only what exporting needs, so the reader tab can pass the same browser-backed api. */
  api: Pick<PopupApi, 't' | 'download' | 'copyText'>;
  notify(status: string, error?: string | null): void;
  /** Where the exports put their header (settings.reader.exportHeader); top when absent. */
  header?: ExportOptions['header'];
  /** "Load images from the web" (settings.reader.remoteImages): when false the exports hold no remote image and nothing is fetched for them. */
  remoteImages?: boolean;
}

/** The four export buttons; each says what happened through the popup's live status. */
export function ExportBar({ article, api, notify, header = 'top', remoteImages = true }: ExportBarProps) {
  const { t } = api;
  const opts: ExportOptions = { header };
  // The article as the files carry it: without its remote images when the person does not load them.
  const exported = (): Article => (remoteImages ? article : { ...article, html: withoutRemoteImages(article.html, window, imagePlaceholder(t)) });
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
      save('md', toMarkdown(exported(), document, opts), 'text/markdown');
    } catch (e) {
      notify('', t('errorFailed', [detailOf(e)]));
    }
  };
  // Images are embedded as data: URLs where the extension may fetch them; the rest are listed in the file.
  // With remote images off nothing is fetched: the file holds their placeholders.
  const saveHtml = async () => {
    try {
      if (!remoteImages) return save('html', toHtmlDocument(exported(), opts), 'text/html');
      notify(t('embeddingImages'));
      // Loaded on the first .html export, like turndown: not part of the popup's first paint.
      const { embedImages } = await import('../embed-images.ts');
      const { html, unavailable } = await embedImages(article.html);
      save('html', toHtmlDocument({ ...article, html }, { ...opts, unavailableImages: unavailable }), 'text/html');
    } catch (e) {
      notify('', t('errorFailed', [detailOf(e)]));
    }
  };
  const copy = async () => {
    try {
      await api.copyText(toText(article, opts));
      notify(t('copied'));
    } catch (e) {
      notify('', t('errorCopy', [detailOf(e)]));
    }
  };
  return (
    <section class="export" aria-label={t('exportHeading')}>
      <button type="button" data-testid="export-copy" onClick={copy}>{t('exportCopy')}</button>
      <button type="button" data-testid="export-txt" onClick={() => save('txt', toText(article, opts), 'text/plain')}>
        {t('exportTxt')}
      </button>
      <button type="button" data-testid="export-md" onClick={saveMarkdown}>
        {t('exportMd')}
      </button>
      <button type="button" data-testid="export-html" onClick={saveHtml}>
        {t('exportHtml')}
      </button>
    </section>
  );
}
