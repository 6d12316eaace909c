/**
 * storage.sync quota check, measured as Chrome does (key length + JSON of the value, in UTF-8 bytes), so the
 * platform layer can fall back to storage.local before a set() fails with QUOTA_BYTES_PER_ITEM.
 */

/** storage.sync QUOTA_BYTES_PER_ITEM, the same number in Chrome and Firefox. */
export const SYNC_QUOTA_BYTES_PER_ITEM = 8192;
/** storage.sync QUOTA_BYTES, the same number in Chrome and Firefox. */
export const SYNC_QUOTA_BYTES = 102400;

/** Whether a storage form fits storage.sync; `tooLarge` names the items over the per-item limit. */
export interface QuotaCheck {
  ok: boolean;
  /** Total bytes as storage.sync counts them. */
  bytes: number;
  /** Keys whose item alone exceeds SYNC_QUOTA_BYTES_PER_ITEM. */
  tooLarge: string[];
}

/** UTF-8 byte length: a CJK character is 3 bytes, so Chinese rule labels use the quota three times as fast. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The bytes one storage item costs: key plus the JSON of its value. */
export function itemBytes(key: string, value: unknown): number {
  return utf8Bytes(key) + utf8Bytes(JSON.stringify(value) ?? "");
}

/** Checks a toStored() result against both storage.sync limits. */
export function fitsSyncQuota(stored: Record<string, unknown>): QuotaCheck {
  let bytes = 0;
  const tooLarge: string[] = [];
  for (const [key, value] of Object.entries(stored)) {
    const n = itemBytes(key, value);
    bytes += n;
    if (n > SYNC_QUOTA_BYTES_PER_ITEM) tooLarge.push(key);
  }
  return { ok: tooLarge.length === 0 && bytes <= SYNC_QUOTA_BYTES, bytes, tooLarge };
}
