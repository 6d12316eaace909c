/** What a person may change about an export (issue 11): where the header goes, and images that stayed remote. */
import { primaryLang } from '../primary-lang';

/** Options shared by the text, Markdown and HTML exports; none given means the export as it always was. */
export interface ExportOptions {
  /** The title/source/meta/reading-time header: at the top (default), at the end, or left out. Never branded. */
  header?: 'top' | 'end' | 'none';
  /** Images the HTML export could not embed (fetching them was not allowed): they stay remote, one line says so. */
  unavailableImages?: string[];
}

/** Joins header and body in the order the options ask for. */
export function placeHeader(head: string, body: string, opts: ExportOptions = {}): string {
  const where = opts.header ?? 'top';
  if (where === 'none') return `${body}\n`;
  return where === 'end' ? `${body}\n\n${head}\n` : `${head}\n\n${body}\n`;
}

/** The one line under an HTML export whose `count` images stayed remote <img>s, in the article's language. */
export function unavailableImagesNote(lang: string | null, count: number): string {
  return primaryLang(lang) === 'zh'
    ? `有 ${count} 张图片未嵌入本文件（扩展无权读取它们所在的网站），打开文件时从原网站加载。`
    : `${count === 1 ? '1 image is' : `${count} images are`} not embedded in this file (the extension may not read the sites they are on): they load from the original site.`;
}
