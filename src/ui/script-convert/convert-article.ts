/**
 * The exports follow the view (issue 19): an Article in the chosen script, its HTML converted through
 * convertTree (text nodes only) and its text fields through the same converter; the URL, the removals and
 * the rules are the page's and stay as they are.
 */
import { parseArticle } from '../../core/export/dom';
import { bodyText } from '../../core/export/text';
import type { Article } from '../../core/types';
import type { TextConverter } from './conversion';
import { convertTree } from './convert-tree';

const opt = (s: string | null, convert: TextConverter): string | null => (s === null ? null : convert(s));

/** The article as the view shows it in another script; `lang` is the converted text's tag (targetLang). `doc` only parses. */
export function convertArticle(article: Article, convert: TextConverter, lang: string | null, doc: Document): Article {
  const body = parseArticle(article.html, doc);
  convertTree(body, convert);
  return {
    ...article,
    title: convert(article.title),
    byline: opt(article.byline, convert),
    siteName: opt(article.siteName, convert),
    excerpt: opt(article.excerpt, convert),
    source: opt(article.source, convert),
    originalTitle: opt(article.originalTitle, convert),
    editor: opt(article.editor, convert),
    disclaimer: opt(article.disclaimer, convert),
    lang,
    html: body.innerHTML,
    text: bodyText(body),
  };
}
