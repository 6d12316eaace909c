/** The `jingyue` CLI: the same core as the extension, on jsdom (see README "Which DOM in Node"). */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanDocument, NoArticleError } from './core/clean';
import { formatRuleError, parseRules, selectorCheck, type Rule } from './core/rules/index';
import { isRegistrableSite } from './core/rules/psl';
import { toHtmlDocument, toMarkdown, toText } from './core/export/index';
import { parseCleanArgs, UsageError, USAGE } from './cli/args';
import { decodeHtml } from './cli/charset';
import { capParseDepth } from './cli/parse-depth';
import { lazyInlineStyles } from './cli/jsdom-lazy-style';

/**
 * The DOM the CLI runs on. jsdom by default: on the cx163 and Readability corpora it scores at least as
 * well as linkedom (README, "Which DOM in Node"). JINGYUE_DOM=linkedom is kept for that measurement only.
 */
async function loadDom(html: string, url: string): Promise<{ document: Document; purifyWindow: unknown; close(): void }> {
  if (process.env.JINGYUE_DOM === 'linkedom') {
    const { parseHTML } = await import('linkedom');
    // DOMPurify does not support linkedom's window; it sanitizes a string, so a bare jsdom window serves.
    const purify = new JSDOM('');
    return { document: parseHTML(html).document as unknown as Document, purifyWindow: purify.window, close: () => purify.window.close() };
  }
  lazyInlineStyles();
  const dom = new JSDOM(html, { url: /^https?:/.test(url) ? url : undefined, virtualConsole: new VirtualConsole() });
  return { document: dom.window.document, purifyWindow: dom.window, close: () => dom.window.close() };
}

/** Runs the CLI; returns the exit code (0 ok, 1 no article, 2 bad input). */
export async function main(argv: string[], io = { out: process.stdout, err: process.stderr }): Promise<number> {
  const fail = (code: number, msg: string) => { io.err.write(`jingyue: ${msg}\n`); return code; };
  let args;
  try { args = parseCleanArgs(argv); } catch (e) {
    if (e instanceof UsageError) return fail(2, `${e.message}\n${USAGE}`);
    throw e;
  }
  let bytes: Buffer;
  try { bytes = args.input === '-' ? fs.readFileSync(0) : fs.readFileSync(args.input); } catch (e) {
    return fail(2, `cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const url = args.url ?? (args.input === '-' ? 'about:blank' : pathToFileURL(path.resolve(args.input)).href);
  if (args.url) { try { new URL(args.url); } catch { return fail(2, `--url "${args.url}" is not an absolute URL`); } }

  const { text: html } = decodeHtml(bytes);
  const dom = await loadDom(capParseDepth(html), url);
  const doc = dom.document;

  // Rule files: every error is printed with the file, rule id and field; any error is bad input (exit 2).
  const userRules: Rule[] = [];
  const check = selectorCheck(doc);
  for (const file of args.rules) {
    let src: string;
    try { src = fs.readFileSync(file, 'utf8'); } catch (e) { return fail(2, `cannot read rule file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`); }
    const parsed = parseRules(src, file, check, isRegistrableSite);
    if (parsed.errors.length) return fail(2, `invalid rule file:\n${parsed.errors.map(formatRuleError).join('\n')}`);
    userRules.push(...parsed.rules);
  }

  let article;
  try {
    article = cleanDocument(doc, { url, userRules, disabled: args.disable, noRules: args.noRules, window: dom.purifyWindow as never, inPlace: true,
      // The never-worse check's unpruned run needs the page as parsed, which in-place cleaning no longer has.
      reparse: () => new JSDOM(capParseDepth(html), { url: /^https?:/.test(url) ? url : undefined, virtualConsole: new VirtualConsole() }).window.document });
  } catch (e) {
    if (e instanceof NoArticleError) return fail(1, `${e.message} (${args.input})`);
    throw e;
  }
  const out = args.format === 'text' ? toText(article)
    : args.format === 'markdown' ? toMarkdown(article, doc)
    : args.format === 'html' ? toHtmlDocument(article)
    : JSON.stringify({
      title: article.title, byline: article.byline, siteName: article.siteName, lang: article.lang,
      publishedTime: article.publishedTime, url: article.url, excerpt: article.excerpt, readingTime: article.readingTime,
      source: article.source, originalTitle: article.originalTitle, editor: article.editor, disclaimer: article.disclaimer,
      text: article.text, markdown: toMarkdown(article, doc), html: article.html, removed: article.removed,
    }, null, 2) + '\n';
  io.out.write(out);
  dom.close();
  return 0;
}
