/** File names for the exports: the article's title, CJK kept, what file systems refuse replaced. */

/** Characters Windows, macOS or Linux refuse in a file name, plus control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this class is for
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]/g;
/** Names Windows reserves whatever the extension (CON.txt cannot be created). */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Long enough to recognise a headline, short enough for every file system's 255-byte limit in UTF-8 (CJK: 3 bytes). */
const MAX_CHARS = 60;

/** `title` made safe as a file name with extension `ext` ("txt"); `fallback` when nothing is left. */
export function fileName(title: string, ext: string, fallback = 'article'): string {
  let base = title.replace(ILLEGAL, '_').replace(/\s+/g, ' ').trim();
  // Cut by code points so a character outside the BMP is never split into half a surrogate pair.
  const chars = Array.from(base);
  if (chars.length > MAX_CHARS) base = chars.slice(0, MAX_CHARS).join('').trim();
  // Leading dots hide files; trailing dots and spaces are dropped by Windows.
  base = base.replace(/^[.\s]+|[.\s]+$/g, '');
  if (!base || /^_+$/.test(base)) base = fallback;
  if (RESERVED.test(base)) base = `_${base}`;
  return `${base}.${ext}`;
}
