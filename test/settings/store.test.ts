import { test } from "node:test";
import assert from "node:assert/strict";
import { defaultSettings, fromStored, toStored, SCHEMA_VERSION } from "../../src/settings/index.ts";

test("toStored keeps only what differs from DEFAULTS, plus schemaVersion", () => {
  const s = defaultSettings();
  s.ui.showRemoved = false;
  s.sites["news.sina.com.cn"] = { rules: { "recommend-labels": false } };
  const stored = toStored(s);
  assert.deepEqual(stored, {
    schemaVersion: SCHEMA_VERSION,
    sites: { "news.sina.com.cn": { rules: { "recommend-labels": false } } },
    ui: { showRemoved: false },
  });
  assert.equal("userRules" in stored, false);
});

test("toStored prunes empty site entries and empty rule maps", () => {
  const s = defaultSettings();
  s.sites["a.com"] = {};
  s.sites["b.com"] = { rules: {} };
  s.sites["c.com"] = { enabled: true, rules: {} };
  assert.deepEqual(toStored(s), { schemaVersion: SCHEMA_VERSION, sites: { "c.com": { enabled: true } } });
});

test("non-default settings survive a storage round-trip", () => {
  const s = defaultSettings();
  s.sites["*"] = { rules: { "global-rule": false } };
  s.sites["example.com"] = { enabled: false };
  s.userRules = [{ id: "mine", title: "Mine", sites: ["*"], labels: ["相关推荐"] }];
  const { settings, errors } = fromStored(JSON.parse(JSON.stringify(toStored(s))));
  assert.deepEqual(errors, []);
  assert.deepEqual(settings, s);
});
