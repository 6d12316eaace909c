import { test } from "node:test";
import assert from "node:assert/strict";
import { SYNC_QUOTA_BYTES, SYNC_QUOTA_BYTES_PER_ITEM, defaultSettings, fitsSyncQuota, itemBytes, toStored } from "../../src/settings/index.ts";

test("bytes are key length plus the value's JSON, in UTF-8 (a CJK character is 3 bytes)", () => {
  assert.equal(itemBytes("ui", { a: 1 }), 2 + '{"a":1}'.length);
  assert.equal(itemBytes("k", "大家"), 1 + 2 + 6);
  const r = fitsSyncQuota({ schemaVersion: 1, ui: { showRemoved: false } });
  assert.deepEqual(r, { ok: true, bytes: "schemaVersion".length + 1 + "ui".length + '{"showRemoved":false}'.length, tooLarge: [] });
});

test("one item over 8192 bytes fails and is named", () => {
  const s = defaultSettings();
  // 2800 Chinese characters = 8400 bytes: fits in 8192 characters but not in 8192 bytes.
  s.userRules = [{ id: "big", title: "大".repeat(2800), sites: ["*"] }];
  const r = fitsSyncQuota(toStored(s));
  assert.equal(r.ok, false);
  assert.deepEqual(r.tooLarge, ["userRules"]);
  assert.ok(r.bytes > SYNC_QUOTA_BYTES_PER_ITEM);
});

test("many items each under the per-item limit can still exceed the total", () => {
  const stored: Record<string, unknown> = {};
  for (let i = 0; i < 14; i++) stored[`k${i}`] = "x".repeat(8000);
  const r = fitsSyncQuota(stored);
  assert.deepEqual(r.tooLarge, []);
  assert.ok(r.bytes > SYNC_QUOTA_BYTES);
  assert.equal(r.ok, false);
});
