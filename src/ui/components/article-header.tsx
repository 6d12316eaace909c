/** The article's title and what is known about it: site, byline, date, reading time, and the credit lines. */
import { useState } from 'preact/hooks';
import type { Article } from '../../core/types.ts';
import type { Translate } from '../api.ts';
import { dateText, readingTimeText } from '../format.ts';
import { creditLines } from '../../core/export/header.ts';
import { ChevronIcon } from './icons.tsx';

/** Props of {@link ArticleHeader}. */
export interface ArticleHeaderProps {
  article: Article;
  t: Translate;
  lang: string;
  /** The popup: the credit lines fold behind a "Credits" toggle at the end of the one meta line, so the article's first lines stay in the first screen. */
  foldCredits?: boolean;
}

/**
 * Title, then one meta line, then the credit lines the cleanup moved out of the body (原标题, 本文来源, 责任编辑,
 * 声明), labelled as the exports label them; unknown fields are left out rather than shown empty.
 */
export function ArticleHeader({ article, t, lang, foldCredits = false }: ArticleHeaderProps) {
  const [open, setOpen] = useState(false);
  const date = dateText(article.publishedTime, lang);
  const credits = creditLines(article);
  const shown = !foldCredits || open;
  return (
    <header class="article-header" lang={article.lang ?? undefined}>
      <h1 data-testid="title">{article.title || t('untitled')}</h1>
      <p class="meta">
        {article.siteName && <span data-testid="site">{article.siteName}</span>}
        {article.byline && <span data-testid="byline">{article.byline}</span>}
        {date && (
          <time dateTime={article.publishedTime ?? undefined} data-testid="date">
            {date}
          </time>
        )}
        <span data-testid="reading-time">{readingTimeText(article.readingTime, t)}</span>
        {foldCredits && credits.length > 0 && (
          <button
            type="button"
            class="credits-toggle"
            data-testid="credits-toggle"
            aria-expanded={open}
            aria-controls="credits"
            lang={lang}
            onClick={() => setOpen(!open)}
          >
            {t('creditsToggle')} <ChevronIcon />
          </button>
        )}
      </p>
      {credits.length > 0 && (
        <p class="meta credits" id="credits" data-testid="credits" hidden={!shown}>
          {credits.map(c => (
            <span data-testid="credit">{c}</span>
          ))}
        </p>
      )}
    </header>
  );
}
