/** The article's title and what is known about it: site, byline, date, reading time. */
import type { Article } from '../../core/types.ts';
import type { Translate } from '../api.ts';
import { dateText, readingTimeText } from '../format.ts';
import { creditLines } from '../../core/export/header.ts';

/** Props of {@link ArticleHeader}. */
export interface ArticleHeaderProps {
  article: Article;
  t: Translate;
  lang: string;
}

/**
 * Title, then a meta line, then the credit lines the cleanup moved out of the body (原标题, 本文来源, 责任编辑,
 * 声明), labelled as the exports label them; unknown fields are left out rather than shown empty.
 */
export function ArticleHeader({ article, t, lang }: ArticleHeaderProps) {
  const date = dateText(article.publishedTime, lang);
  const credits = creditLines(article);
  return (
    <header class="article-header" lang={article.lang ?? undefined}>
      <h1 data-testid="title">{article.title || t('untitled')}</h1>
      <p class="meta">
        {article.siteName && <span data-testid="site">{article.siteName}</span>}
        {article.byline && <span data-testid="byline">{article.byline}</span>}
        {date && <time dateTime={article.publishedTime ?? undefined} data-testid="date">{date}</time>}
        <span data-testid="reading-time">{readingTimeText(article.readingTime, t)}</span>
      </p>
      {credits.length > 0 && (
        <p class="meta credits" data-testid="credits">
          {credits.map(c => <span data-testid="credit">{c}</span>)}
        </p>
      )}
    </header>
  );
}
