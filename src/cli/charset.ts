/**
 * Decoding a page's bytes as a browser does: the HTML standard's encoding sniffing (a BOM, then the
 * <meta charset> prescan of the first 1,024 bytes, where "utf-16" means UTF-8) by jsdom's own
 * html-encoding-sniffer, and a declared charset decoded with replacement characters, so one bad byte stays
 * one U+FFFD. Two departures, both for files rather than live pages: a <meta charset> later in the <head>
 * still counts (a browser's parser changes the encoding when it meets one; 22 pages of the shared corpora
 * declare theirs past byte 1,024), and bytes that are valid UTF-8 where the declared charset finds errors are UTF-8 (a page
 * saved again as UTF-8 with its old <meta charset="gb2312">: Readability's test page qq). Without a
 * declaration, bytes that are not UTF-8 are read as GB18030, what Chinese pages without a charset mostly are.
 */
import sniffHtmlEncoding from 'html-encoding-sniffer';

/** The bytes the standard's prescan reads. */
const PRESCAN_BYTES = 1024;
/** How far a <head> is searched for a later <meta charset>: the latest one in the shared corpora is at byte 8,713 (Readability's cnet page). */
const HEAD_BYTES = 64 * 1024;

/** The charset a page declares: the standard's prescan, then a <meta> further in its <head>; null when none. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const first = sniffHtmlEncoding(bytes, { defaultEncoding: null });
  if (first) return first;
  // The prescan's own algorithm again from each <meta> it did not reach, up to the <body> (at most HEAD_BYTES).
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, HEAD_BYTES)).toString('latin1').toLowerCase();
  const body = head.indexOf('<body');
  const end = body < 0 ? head.length : body;
  for (let at = head.indexOf('<meta', PRESCAN_BYTES - 6); at >= 0 && at < end; at = head.indexOf('<meta', at + 1)) {
    const found = sniffHtmlEncoding(bytes.subarray(at, end), { defaultEncoding: null });
    if (found) return found;
  }
  return null;
}

/** TextDecoder's name for an encoding: GBK is decoded by the GB18030 decoder (the Encoding standard's own rule). */
const decoderName = (encoding: string): string => (encoding.toLowerCase() === 'gbk' ? 'gb18030' : encoding);

/** Whether `bytes` decode as `encoding` without a single error. */
function decodesCleanly(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(decoderName(encoding), { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes HTML bytes to a string and says which charset was used. */
export function decodeHtml(bytes: Uint8Array): { text: string; charset: string } {
  const bom =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
      ? 'utf-8'
      : bytes[0] === 0xff && bytes[1] === 0xfe
        ? 'utf-16le'
        : bytes[0] === 0xfe && bytes[1] === 0xff
          ? 'utf-16be'
          : null;
  if (bom) return { text: new TextDecoder(bom).decode(bytes), charset: bom }; // TextDecoder drops the BOM itself
  let declared = declaredCharset(bytes);
  // A label TextDecoder refuses ("replacement", which the Encoding standard gives iso-2022-kr and the like) declares nothing readable.
  try {
    if (declared) new TextDecoder(decoderName(declared));
  } catch {
    declared = null;
  }
  if (declared) {
    const text = decodesCleanly(bytes, declared);
    if (text !== null) return { text, charset: declared.toLowerCase() };
    const utf8 = declared.toLowerCase() === 'utf-8' ? null : decodesCleanly(bytes, 'utf-8');
    if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
    return { text: new TextDecoder(decoderName(declared)).decode(bytes), charset: declared.toLowerCase() };
  }
  const utf8 = decodesCleanly(bytes, 'utf-8');
  if (utf8 !== null) return { text: utf8, charset: 'utf-8' };
  return { text: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
}
