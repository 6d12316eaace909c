/**
 * Whether input bytes are no HTML document at all (a compressed file, an image, random bytes), so the CLI
 * refuses them rather than reading a page out of garbage. After the MIME Sniffing standard: its signatures
 * of images, audio/video, fonts, archives and PDF at the start, and its binary data bytes in the first 1,445
 * bytes, counted only as NUL or as more than one byte in twenty: two zh-cwce pages hold 0x02 control bytes
 * (17 in one head) and are pages, while compressed or random data has a binary data byte in about one of
 * ten. A UTF-16 BOM says text (UTF-16 holds NULs).
 */

/** The MIME Sniffing standard's "resource header": the bytes its rules read. */
const HEADER_BYTES = 1445;

/** Signatures (from the MIME Sniffing standard's tables) that no HTML file starts with; -1: any byte. */
const SIGNATURES: readonly (readonly number[])[] = [
  [0x1f, 0x8b, 0x08], // gzip
  [0x50, 0x4b, 0x03, 0x04], // zip
  [0x52, 0x61, 0x72, 0x20, 0x1a, 0x07, 0x00], // rar
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // png
  [0x47, 0x49, 0x46, 0x38, 0x37, 0x61],
  [0x47, 0x49, 0x46, 0x38, 0x39, 0x61], // gif: GIF87a, GIF89a
  [0xff, 0xd8, 0xff], // jpeg
  [0x52, 0x49, 0x46, 0x46, -1, -1, -1, -1, 0x57, 0x45, 0x42, 0x50], // webp: RIFF, a length, WEBP
  [0x00, 0x00, 0x01, 0x00], // ico
  [0x25, 0x50, 0x44, 0x46, 0x2d], // pdf
  [0x4f, 0x67, 0x67, 0x53, 0x00], // ogg
  [0x1a, 0x45, 0xdf, 0xa3], // webm
  [0x77, 0x4f, 0x46, 0x46],
  [0x77, 0x4f, 0x46, 0x32], // woff, woff2
];

/** A binary data byte (MIME Sniffing standard): a control character no text uses. */
const isBinaryByte = (c: number): boolean => c <= 0x08 || c === 0x0b || (c >= 0x0e && c <= 0x1a) || (c >= 0x1c && c <= 0x1f);

/** Whether `bytes` are not an HTML document (see above). */
export function isNotHtml(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (SIGNATURES.some(sig => sig.every((b, i) => b < 0 || bytes[i] === b))) return true;
  const n = Math.min(bytes.length, HEADER_BYTES);
  let binary = 0;
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0) return true;
    if (isBinaryByte(bytes[i]!)) binary++;
  }
  return binary * 20 > n;
}
