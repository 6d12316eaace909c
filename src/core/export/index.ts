/** The three exports, all from the same cleaned article. */
export { toText, bodyText } from './text';
export { markdownOf, toMarkdown } from './markdown';
export { toHtmlDocument, escapeHtml } from './html';
export { formatReadingTime } from './header';
