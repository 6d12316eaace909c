/** Decoding a page's bytes: BOM, then <meta charset>, GBK/GB2312 read as GB18030, else UTF-8 with a GB18030 fallback. */

const ALIASES: Record<string, string> = { gb2312: 'gb18030', gbk: 'gb18030', 'x-gbk': 'gb18030', gb_2312: 'gb18030', 'big5-hkscs': 'big5', 'x-big5': 'big5' };

/** The charset a page declares in its first bytes (<meta charset> or http-equiv Content-Type), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return m ? m[1]!.toLowerCase() : null;
}

/** Decodes HTML bytes to a string and says which charset was used. */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const declared = declaredCharset(bytes);
  const cs = declared ? (ALIASES[declared] ?? declared) : 'utf-8';
  try {
    return { text: new TextDecoder(cs, { fatal: true }).decode(bytes), charset: cs };
  } catch {
    // Undeclared or wrongly declared: Chinese pages without a charset are usually GBK.
    try { return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' }; } catch { /* fall through */ }
    return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}
