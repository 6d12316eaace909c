import { test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULTS, loadSettings } from "../../src/settings/index.ts";
import { freeze } from "./helpers.ts";

const good = { "news.sina.com.cn": { rules: { "recommend-labels": false } }, "example.com": { enabled: false } };

/** Asserts that exactly one error mentions `field`. */
function assertOneErrorNaming(errors: string[], field: string): void {
  assert.equal(errors.filter((e) => e.includes(field)).length, 1, `expected one error naming ${field}, got ${JSON.stringify(errors)}`);
}

test("garbage at the top level resets to defaults with one error, and never throws", () => {
  for (const raw of [null, "settings", 42, [1, 2], true]) {
    const { settings, errors } = loadSettings(raw);
    assert.deepEqual(settings, DEFAULTS);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^settings: expected an object/);
  }
});

test("a string where a site's switches belong drops that site only", () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, sites: { ...good, "bad.com": "off" } });
  assert.deepEqual(settings.sites, good);
  assertOneErrorNaming(errors, 'sites["bad.com"]');
  assert.equal(errors.length, 1);
});

test("a number for a switch resets that switch only; the site's other switches survive", () => {
  const raw = { schemaVersion: 1, sites: { ...good, "163.com": { enabled: 0, rules: { "netease-feed": false, "x-rule": 1 } } } };
  const { settings, errors } = loadSettings(raw);
  assert.deepEqual(settings.sites, { ...good, "163.com": { rules: { "netease-feed": false } } });
  assertOneErrorNaming(errors, 'sites["163.com"].enabled');
  assertOneErrorNaming(errors, 'sites["163.com"].rules["x-rule"]');
  assert.match(errors.join("\n"), /got the number 1/);
});

test("sites = null or an array resets sites with an error naming it; other settings survive", () => {
  for (const sites of [null, [good]]) {
    const { settings, errors } = loadSettings({ schemaVersion: 1, sites, ui: { showRemoved: false } });
    assert.deepEqual(settings.sites, {});
    assert.equal(settings.ui.showRemoved, false);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!, /^sites: expected an object/);
  }
});

test("an array where a rule-switch record belongs resets that site's rules, keeping its enabled switch", () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, sites: { ...good, "qq.com": { enabled: false, rules: ["x"] } } });
  assert.deepEqual(settings.sites["qq.com"], { enabled: false });
  assert.deepEqual(settings.sites["news.sina.com.cn"], good["news.sina.com.cn"]);
  assertOneErrorNaming(errors, 'sites["qq.com"].rules');
});

test("unknown keys are dropped with an error naming each", () => {
  const raw = { schemaVersion: 1, theme: "dark", sites: { "a.com": { enabled: false, colour: "red" } }, ui: { showRemoved: false, fontSize: 3 } };
  const { settings, errors } = loadSettings(raw);
  assert.equal("theme" in settings, false);
  assert.deepEqual(settings.sites, { "a.com": { enabled: false } });
  assert.deepEqual(settings.ui, { showRemoved: false });
  assertOneErrorNaming(errors, "theme");
  assertOneErrorNaming(errors, 'sites["a.com"].colour');
  assertOneErrorNaming(errors, "ui.fontSize");
  assert.equal(errors.length, 3);
});

test("bad hostnames are dropped; hostnames are lower-cased", () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, sites: { "News.Sina.com.cn": { enabled: false }, "http://x.com/": { enabled: false }, "": { enabled: false } } });
  assert.deepEqual(settings.sites, { "news.sina.com.cn": { enabled: false } });
  assertOneErrorNaming(errors, 'sites["http://x.com/"]');
  assertOneErrorNaming(errors, 'sites[""]');
});

test("ui of the wrong type is reset field by field", () => {
  const { settings, errors } = loadSettings({ schemaVersion: 1, ui: { showRemoved: "no" } });
  assert.equal(settings.ui.showRemoved, DEFAULTS.ui.showRemoved);
  assert.match(errors[0]!, /^ui\.showRemoved: expected true or false, got the text "no"/);
});

test("one bad user rule is dropped and the others kept", () => {
  const ok = { id: "keep-me", title: "Keep", sites: ["*"], remove: [".ad"] };
  const raw = {
    schemaVersion: 1,
    userRules: [ok, { id: "Bad Id", title: "x", sites: ["*"] }, { id: "no-sites", title: "x", sites: [] }, "junk", { ...ok, title: "dup" }, { id: "extra", title: "E", sites: ["a.com"], eval: "x" }],
  };
  const { settings, errors } = loadSettings(raw);
  assert.deepEqual(settings.userRules, [ok, { id: "extra", title: "E", sites: ["a.com"] }]);
  assertOneErrorNaming(errors, 'userRules[1] ("Bad Id")');
  assertOneErrorNaming(errors, 'userRules[2] ("no-sites")');
  assertOneErrorNaming(errors, "userRules[3]:");
  assertOneErrorNaming(errors, 'userRules[4] ("keep-me")');
  assertOneErrorNaming(errors, 'userRules[5] ("extra").eval');
  assert.equal(errors.length, 5);
});

test("loadSettings does not mutate what storage returned", () => {
  const raw = freeze({ schemaVersion: 1, sites: { ...good, "bad.com": 3, "A.com": { enabled: false } }, ui: { showRemoved: 1 } });
  const before = JSON.stringify(raw);
  loadSettings(raw);
  assert.equal(JSON.stringify(raw), before);
});

test("a schemaVersion that is not a whole number is reported and the rest still read", () => {
  const { settings, errors } = loadSettings({ schemaVersion: "1", sites: good });
  assert.deepEqual(settings.sites, good);
  assertOneErrorNaming(errors, "schemaVersion");
});
