/** A standalone HTML export: the sanitized article in a minimal page whose CSP lets nothing run. */
import { creditLines, formatReadingTime, formatDate } from './header';
import type { Article } from '../types';
import { unavailableImagesNote, type ExportOptions } from './options';

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `body{font:18px/1.75 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:42em;margin:2em auto;padding:0 1em;color:#1d1d1f;background:#fff}
@media (prefers-color-scheme:dark){body{color:#e6e6e6;background:#161616}a{color:#8ab4f8}}
img{max-width:100%;height:auto}header p{color:#666;font-size:.9em;margin:.2em 0}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em}.note{color:#666;font-size:.85em}`;

/** One line under the article when images stayed remote (their <img>s keep their addresses; no list of URLs). */
function unavailableNote(urls: string[], lang: string | null): string {
  return urls.length ? `<p class="note">${escapeHtml(unavailableImagesNote(lang, urls.length))}</p>\n` : '';
}

/**
 * The HTML export. Its CSP forbids scripts and every load except images (http, https and the data: URLs
 * embedded images become), so even a sanitizer miss cannot run. `opts` moves or drops the header and notes
 * images that stayed remote; without options the output is what it always was.
 */
export function toHtmlDocument(article: Article, opts: ExportOptions = {}): string {
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const meta = [article.siteName, article.byline, formatDate(article.publishedTime)]
    .filter(Boolean)
    .map(s => escapeHtml(s!))
    .join(' · ');
  const where = opts.header ?? 'top';
  const head = (tag: string) => `<${tag}>
<h1>${escapeHtml(article.title)}</h1>
<p><a href="${escapeHtml(article.url)}" rel="noopener noreferrer">${escapeHtml(article.url)}</a></p>
${meta ? `<p>${meta}</p>\n` : ''}${creditLines(article)
  .map(c => `<p>${escapeHtml(c)}</p>\n`)
  .join('')}<p>${escapeHtml(formatReadingTime(article.readingTime, article.lang))}</p>
</${tag}>
`;
  return `<!DOCTYPE html>
<html${lang}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src http: https: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<style>${CSS}${where === 'end' ? 'footer p{color:#666;font-size:.9em;margin:.2em 0}footer{border-top:1px solid #ccc;margin-top:2em}' : ''}</style>
</head>
<body>
${where === 'top' ? head('header') : ''}<article>
${article.html}
</article>
${unavailableNote(opts.unavailableImages ?? [], article.lang)}${where === 'end' ? head('footer') : ''}</body>
</html>
`;
}
