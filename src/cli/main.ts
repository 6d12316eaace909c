/** The `jingyue` CLI: the same core as the extension, on jsdom (see README "Which DOM in Node"). */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { clean, NoArticleError } from '../core/pipeline/index';
import { formatRuleError, parseRules, selectorCheck, type Rule } from '../core/rules/index';
import { isRegistrableSite } from '../core/rules/psl';
import { toHtmlDocument, toMarkdown, toText } from '../core/export/index';
import { parseCleanArgs, UsageError, USAGE } from './args';
import { decodeHtml } from './charset';
import { isNotHtml } from './not-html';
import { capParseDepth, ParseDepthError } from './parse-depth';
import { lazyInlineStyles } from './jsdom-lazy-style';

/** What the CLI writes to: stdout and stderr, or a caller's streams (tests, the snapshot tool). */
export interface Io {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

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

/** An error's code or message, for one line ("ENOENT", "EISDIR"). */
const reason = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** Reads a file or stdin ("-"). */
const readInput = (file: string): Buffer => (file === '-' ? fs.readFileSync(0) : fs.readFileSync(file));

/** Writes all of `text` and waits for it: a write that fails (a full disk, /dev/full) rejects with its error. */
function writeAll(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    stream.on('error', onError); // kept after a failed write: the stream emits the same error once more, after the callback
    stream.write(text, (e?: Error | null) => { if (e) reject(e); else { stream.removeListener('error', onError); resolve(); } });
  });
}

/** Runs the CLI; returns the exit code (0 ok, 1 no article, 2 bad input, or an error of the CLI's own, said in one line). */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    // Anything unexpected: one line a person can report, never a stack (the exit code says it is not their page's fault).
    const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    io.err.write(`jingyue: internal error (${what.split('\n')[0]}); please report it with the page\n`);
    return 2;
  }
}

/** The CLI's work; what it cannot do is a line on stderr and an exit code. */
async function run(argv: string[], io: Io): Promise<number> {
  const fail = (code: number, msg: string) => { io.err.write(`jingyue: ${msg}\n`); return code; };
  let args;
  try { args = parseCleanArgs(argv); } catch (e) {
    if (e instanceof UsageError) return fail(2, `${e.message}\n${USAGE}`);
    throw e;
  }
  if (args.url !== null) {
    let u: URL | null = null;
    try { u = new URL(args.url); } catch { /* said below */ }
    // The URL becomes the export's source link and the base of every relative link: a web page or a file, nothing that runs.
    if (!u || !['http:', 'https:', 'file:'].includes(u.protocol)) return fail(2, `--url "${args.url}" is not an absolute http(s) or file URL`);
  }
  let bytes: Buffer;
  try { bytes = readInput(args.input); } catch (e) { return fail(2, `cannot read ${args.input}: ${reason(e)}`); }
  if (isNotHtml(bytes)) return fail(2, `${args.input} is not an HTML document (binary data: compressed, an image, or another format)`);
  const url = args.url ?? (args.input === '-' ? 'about:blank' : pathToFileURL(path.resolve(args.input)).href);

  const { text: html } = decodeHtml(bytes);
  let source: string;
  try { source = capParseDepth(html); } catch (e) {
    if (e instanceof ParseDepthError) return fail(1, `${e.message} (${args.input})`);
    throw e;
  }
  const dom = await loadDom(source, url);
  const doc = dom.document;

  // Rule files: every error is printed with the file, rule id and field; any error is bad input (exit 2).
  const userRules: Rule[] = [];
  const check = selectorCheck(doc);
  for (const file of args.rules) {
    let src: string;
    // Decoded as the rules page decodes a file (Blob.text()): UTF-8, a BOM dropped.
    try { src = new TextDecoder('utf-8').decode(fs.readFileSync(file)); } catch (e) { return fail(2, `cannot read rule file ${file}: ${reason(e)}`); }
    const parsed = parseRules(src, file, check, isRegistrableSite);
    if (parsed.errors.length) return fail(2, `invalid rule file:\n${parsed.errors.map(formatRuleError).join('\n')}`);
    userRules.push(...parsed.rules);
  }

  let article;
  try {
    article = clean(doc, { url, userRules, disabled: args.disable, noRules: args.noRules }, { window: dom.purifyWindow as never, inPlace: true,
      // The never-worse check's unpruned run needs the page as parsed, which in-place cleaning no longer has.
      reparse: () => new JSDOM(source, { url: /^https?:/.test(url) ? url : undefined, virtualConsole: new VirtualConsole() }).window.document });
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
  dom.close();
  try { await writeAll(io.out, out); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e; // not the system refusing a write: a fault of the CLI's own
    if (code === 'EPIPE') return 0; // the reader stopped reading (`| head`): what it read is what it asked for
    return fail(2, `cannot write the output: ${code}`);
  }
  return 0;
}
