/**
 * The four exports as actions: copy the clean text, or download .txt / .md / .html named after the title (the
 * core's exports, unchanged). Their code (the text and HTML exports, turndown, the image embedding) loads on
 * first use or when the page is idle after the article (preloadExports), not before the first paint.
 */
import type { Article } from '../core/types.ts';
import type { ExportOptions } from '../core/export/options.ts';
import type { ExtensionPageApi } from './api.ts';
import { detailOf } from './errors.ts';
import { fileName } from './file-name.ts';
import { imagePlaceholder, withoutRemoteImages } from './remote-images.ts';

/** What the exports need: the article and how the page says what happened. */
export interface ExportContext {
  article: Article;
  /** Only what exporting needs: the popup and the reader tab pass their own api. */
  api: Pick<ExtensionPageApi, 't' | 'download' | 'copyText'>;
  notify(status: string, error?: string | null): void;
  /** Where the exports put their header (settings.reader.exportHeader); top when absent. */
  header?: ExportOptions['header'];
  /** "Load images from the web" (settings.reader.remoteImages): when false the exports hold no remote image and nothing is fetched for them. */
  remoteImages?: boolean;
}

/** Each export, by the test id of its control. */
export interface ExportActions {
  copy(): Promise<void>;
  txt(): Promise<void>;
  md(): Promise<void>;
  html(): Promise<void>;
}

const textExport = () => import('../core/export/text.ts');
const htmlExport = () => import('../core/export/html.ts');
const markdownExport = () => import('../core/export/markdown.ts');

/** Loads the export code while nothing else runs, so the first click on an export waits for nothing. */
export function preloadExports(): void {
  const load = () => void Promise.all([textExport(), htmlExport()]).catch(() => {});
  const idle = (globalThis as { requestIdleCallback?: (f: () => void) => void }).requestIdleCallback;
  if (idle) idle(load);
  else setTimeout(load, 0);
}

/** The export actions for `ctx`; each says what happened through ctx.notify (the page's live status). */
export function exportActions(ctx: ExportContext): ExportActions {
  const { article, api, notify, header = 'top', remoteImages = true } = ctx;
  const { t } = api;
  const opts: ExportOptions = { header };
  // The article as the files carry it: without its remote images when the person does not load them.
  const exported = (): Article =>
    remoteImages ? article : { ...article, html: withoutRemoteImages(article.html, window, imagePlaceholder(t)) };
  const save = (ext: string, content: string, mime: string) => {
    const name = fileName(article.title || t('untitled'), ext);
    api.download(name, content, mime);
    // Where it went, by name: the browser's downloads folder holds it now.
    notify(t('saved', [name]));
  };
  const guarded = (run: () => Promise<void>) => async () => {
    try {
      await run();
    } catch (e) {
      notify('', t('errorFailed', [detailOf(e)]));
    }
  };
  return {
    async copy() {
      try {
        const { toText } = await textExport();
        await api.copyText(toText(article, opts));
        notify(t('copied'));
      } catch (e) {
        notify('', t('errorCopy', [detailOf(e)]));
      }
    },
    txt: guarded(async () => {
      const { toText } = await textExport();
      save('txt', toText(article, opts), 'text/plain');
    }),
    md: guarded(async () => {
      const { toMarkdown } = await markdownExport();
      save('md', toMarkdown(exported(), document, opts), 'text/markdown');
    }),
    // Images are embedded as data: URLs where the extension may fetch them; the rest stay remote <img>s.
    // With remote images off nothing is fetched: the file holds their placeholders.
    html: guarded(async () => {
      const { toHtmlDocument } = await htmlExport();
      if (!remoteImages) return save('html', toHtmlDocument(exported(), opts), 'text/html');
      notify(t('embeddingImages'));
      const { embedImages } = await import('./embed-images.ts');
      const { html, unavailable } = await embedImages(article.html);
      save('html', toHtmlDocument({ ...article, html }, { ...opts, unavailableImages: unavailable }), 'text/html');
    }),
  };
}
