/** The clean article itself, rendered from HTML the popup sanitized when it arrived (use-reader.ts). */

/** Props of {@link ArticleBody}. */
export interface ArticleBodyProps {
  html: string;
  lang: string | null;
  label: string;
}

/** The article region; `html` must come from the finishing half (src/core/finish.ts: sanitized, links open in new tabs). */
export function ArticleBody({ html, lang, label }: ArticleBodyProps) {
  return (
    <article
      class="article"
      data-testid="article"
      aria-label={label}
      lang={lang ?? undefined}
      // Safe: sanitized by DOMPurify in this document on arrival (use-reader.ts → core/finish.ts), and the MV3 CSP forbids inline script.
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
