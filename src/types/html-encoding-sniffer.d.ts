/** Types for html-encoding-sniffer 4 (jsdom's own sniffer), which ships none. */
declare module 'html-encoding-sniffer' {
  /**
   * The HTML standard's encoding sniffing: a BOM, the transport layer's label, the <meta> prescan of the first
   * 1,024 bytes, else `defaultEncoding` (windows-1252 when not given; null passes through). Returns an
   * Encoding standard name ("UTF-8", "GBK", "windows-1252").
   */
  export default function sniffHtmlEncoding(
    bytes: Uint8Array,
    opts?: { transportLayerEncodingLabel?: string; defaultEncoding?: string | null },
  ): string | null;
}
