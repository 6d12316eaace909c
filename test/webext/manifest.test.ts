/** The manifest a store would accept: MV3, only activeTab/scripting/storage, no host permissions, an explicit strict CSP, our icons. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as Record<string, any>;

test('MV3 with exactly the permissions the design allows', () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual([...manifest.permissions].sort(), ['activeTab', 'scripting', 'storage']);
  assert.equal(manifest.host_permissions, undefined, 'no host permissions: activeTab on click is enough');
  assert.equal(manifest.optional_permissions, undefined);
  assert.equal(manifest.content_scripts, undefined, 'nothing runs on pages until the person clicks');
  assert.equal(manifest.web_accessible_resources, undefined);
});

/** A CSP's directives: name → its sources. */
const directives = (csp: string): Record<string, string[]> =>
  Object.fromEntries(
    csp
      .split(';')
      .map(d => d.trim().split(/\s+/))
      .filter(d => d[0])
      .map(([name, ...sources]) => [name!, sources]),
  );

test('the extension pages have an explicit CSP: no remote script, no frames, no objects, no <base>, no form posts', () => {
  assert.deepEqual(Object.keys(manifest.content_security_policy), ['extension_pages'], 'no sandbox pages, nothing else');
  assert.deepEqual(directives(manifest.content_security_policy.extension_pages), {
    'default-src': ["'self'"],
    // Only the extension's own files run (no remote code, no eval, no inline script).
    'script-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    // The pages' own stylesheets; the reading settings set CSS variables through the CSSOM, which style-src does not govern.
    'style-src': ["'self'"],
    // The article's images from anywhere (unless "Load images from the web" is off: src/ui/remote-images.ts), and data: images.
    'img-src': ['*', 'data:'],
    // Its audio and video, which load only when the person presses play (preload="none", src/core/dom/sanitize.ts).
    'media-src': ['*'],
    // The .html export fetches the article's images to embed them (src/ui/embed-images.ts).
    'connect-src': ['*'],
  });
});

test('one manifest for Chrome and Firefox', () => {
  assert.deepEqual(manifest.background, { service_worker: 'background.js', scripts: ['background.js'] });
  const gecko = manifest.browser_specific_settings.gecko;
  assert.match(gecko.id, /^[\w.-]+@[\w.-]+$/);
  assert.ok(
    Number.parseFloat(gecko.strict_min_version) >= 140,
    '140: the first Firefox with data_collection_permissions, and the ESR Debian ships',
  );
  assert.equal(manifest.browser_specific_settings.gecko_android?.strict_min_version, '142.0', 'Firefox for Android reads the key from 142');
  assert.deepEqual(gecko.data_collection_permissions, { required: ['none'] });
});

test('popup, shortcut and localized names', () => {
  assert.equal(manifest.action.default_popup, 'popup.html');
  assert.ok(manifest.commands._execute_action.suggested_key.default);
  assert.equal(manifest.default_locale, 'en');
  for (const key of ['name', 'description']) assert.match(manifest[key], /^__MSG_\w+__$/);
});

test('every icon exists as a PNG of its declared size', () => {
  for (const icons of [manifest.icons, manifest.action.default_icon]) {
    assert.deepEqual(Object.keys(icons).sort(), ['128', '16', '32', '48']);
    for (const [size, file] of Object.entries(icons as Record<string, string>)) {
      const png = fs.readFileSync(path.join(ROOT, 'src', file));
      assert.equal(png.subarray(1, 4).toString(), 'PNG');
      // IHDR: width and height are the big-endian words at bytes 16 and 20.
      assert.equal(png.readUInt32BE(16), Number(size));
      assert.equal(png.readUInt32BE(20), Number(size));
    }
  }
});

test('the popup page loads no inline script and no remote code', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src/popup/popup.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  // A module script: the popup's split chunks (turndown, the finishing half) load on first use (build.mjs).
  assert.deepEqual(
    scripts.map(m => m[1]!.trim()),
    ['type="module" src="popup.js"'],
  );
  assert.ok(scripts.every(m => m[2]!.trim() === ''));
  assert.ok(!/\son\w+=/i.test(html), 'no inline event handlers');
});
