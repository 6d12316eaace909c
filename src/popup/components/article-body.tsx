/** The clean article itself, rendered from the (re-)sanitized HTML. */
import { useMemo } from 'preact/hooks';
import { prepareHtml } from '../prepare-html.ts';

/** Props of {@link ArticleBody}. */
export interface ArticleBodyProps {
  html: string;
  lang: string | null;
  label: string;
}

/** The article region; links open in new tabs (see prepare-html.ts). */
export function ArticleBody({ html, lang, label }: ArticleBodyProps) {
  const safe = useMemo(() => prepareHtml(html), [html]);
  return (
    <article
      class="article"
      data-testid="article"
      aria-label={label}
      lang={lang ?? undefined}
      // Safe: sanitized by DOMPurify in this document (prepare-html.ts), and the MV3 CSP forbids inline script.
      dangerouslySetInnerHTML={{ __html: safe }}
    />
  );
}
