/**
 * The scripts injected into a page (content.js, derive.js) read globals of the window they share with the
 * page's DOM, and in Chromium an element with an id or name is a window property the isolated world sees too
 * (issue 16, item 9). So every global name they read must be one the hostile page clobber-globals names, to
 * prove in both browsers (test/harness/journeys/hostile.ts) that no element can stand in for it; and their own
 * API must not sit under a string name at all (src/page/protocol.ts CONTENT_KEY is a registered symbol).
 * The scripts are bundled here as build.mjs bundles them, and their free identifiers found with
 * TypeScript's binder: a name with no declaration in the bundle is a global.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import ts from 'typescript';
import { SCRIPT_GLOBALS } from '../hostile/make-pages.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The minified IIFE of `entry`, as build.mjs makes the page scripts. */
async function bundle(entry: string): Promise<string> {
  const out = await esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return out.outputFiles[0]!.text;
}

/** Identifiers `code` reads without declaring them (property names, labels and binding keys are not reads). */
function freeNames(code: string): Set<string> {
  const file = '/page-script.js';
  const options: ts.CompilerOptions = { allowJs: true, noLib: true, noResolve: true, types: [] };
  const host = ts.createCompilerHost(options);
  host.getSourceFile = (name, lv) => (name === file ? ts.createSourceFile(name, code, lv, true, ts.ScriptKind.JS) : undefined);
  host.fileExists = name => name === file;
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const free = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      const p = n.parent;
      const named =
        ((ts.isPropertyAccessExpression(p) ||
          ts.isPropertyAssignment(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isGetAccessor(p) ||
          ts.isSetAccessor(p)) &&
          p.name === n) ||
        (ts.isBindingElement(p) && p.propertyName === n) ||
        ts.isLabeledStatement(p) ||
        ts.isBreakOrContinueStatement(p);
      const symbol = ts.isShorthandPropertyAssignment(p) ? checker.getShorthandAssignmentValueSymbol(p) : checker.getSymbolAtLocation(n);
      if (!named && !symbol) free.add(n.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(program.getSourceFile(file)!);
  return free;
}

for (const entry of ['src/page/content.ts', 'src/page/derive.ts', 'src/page/pager.ts']) {
  test(`${entry}: every global it reads is named by the clobber-globals page`, async () => {
    const free = [...freeNames(await bundle(entry))].sort();
    assert.ok(free.includes('document') && free.includes('Object'), `the scan finds globals (${free.join(' ')})`);
    assert.deepEqual(
      free.filter(g => !SCRIPT_GLOBALS.includes(g)),
      [],
      'add these to SCRIPT_GLOBALS (test/hostile/make-pages.ts)',
    );
  });

  test(`${entry}: no string-named global of its own (the API sits under Symbol.for)`, async () => {
    const code = await bundle(entry);
    assert.doesNotMatch(code, /__jingyue/, 'no __jingyue… global');
    assert.match(code, /Symbol\.for\(/, 'the API key is a registered symbol');
  });
}
