/** The `jingyue` CLI: the same core as the extension, on jsdom (see README "Which DOM in Node"). */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';
import { finish, NoArticleError, type Settled } from '../core/pipeline/index';
// clean's first half (settle ∘ extract): the CLI lets the page's DOM go before it finishes (docs/performance.md)
import { settleInProcess } from '../core/pipeline/clean';
import { formatRuleError, parseRules, selectorCheck, type Rule } from '../core/rules/index';
import { isRegistrableSite } from '../core/rules/psl';
import { markdownOf, toHtmlDocument, toMarkdown, toText } from '../core/export/index';
import { isWebInput, parseCleanArgs, UsageError, USAGE } from './args';
import { describeMerge, followAndMerge, readFirstPage, readWebInput, type FirstPage, type PagesReport } from './pages';
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
 * `window` is one with a DOMParser, for the article stage's inert parses.
 */
async function loadDom(html: string, url: string): Promise<{ document: Document; window: unknown; close(): void }> {
  if (process.env.JINGYUE_DOM === 'linkedom') {
    const { parseHTML } = await import('linkedom');
    const bare = new JSDOM('');
    return { document: parseHTML(html).document as unknown as Document, window: bare.window, close: () => bare.window.close() };
  }
  lazyInlineStyles();
  const dom = new JSDOM(html, { url: /^https?:/.test(url) ? url : undefined, virtualConsole: new VirtualConsole() });
  return { document: dom.window.document, window: dom.window, close: () => dom.window.close() };
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
    stream.write(text, (e?: Error | null) => {
      if (e) reject(e);
      else {
        stream.removeListener('error', onError);
        resolve();
      }
    });
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
  const fail = (code: number, msg: string) => {
    io.err.write(`jingyue: ${msg}\n`);
    return code;
  };
  let args;
  try {
    args = parseCleanArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(2, `${e.message}\n${USAGE}`);
    throw e;
  }
  if (args.url !== null) {
    let u: URL | null = null;
    try {
      u = new URL(args.url);
    } catch {
      /* said below */
    }
    // The URL becomes the export's source link and the base of every relative link: a web page or a file, nothing that runs.
    if (!u || !['http:', 'https:', 'file:'].includes(u.protocol))
      return fail(2, `--url "${args.url}" is not an absolute http(s) or file URL`);
  }
  const web = isWebInput(args.input) ? await readWebInput(args.input) : null;
  if (web && !web.ok) return fail(2, web.message);
  let bytes: Buffer;
  try {
    bytes = web ? web.bytes : readInput(args.input);
  } catch (e) {
    return fail(2, `cannot read ${args.input}: ${reason(e)}`);
  }
  if (isNotHtml(bytes)) return fail(2, `${args.input} is not an HTML document (binary data: compressed, an image, or another format)`);
  const url = args.url ?? (web ? web.finalUrl : args.input === '-' ? 'about:blank' : pathToFileURL(path.resolve(args.input)).href);

  // A fetched page was decoded as a browser decodes it, the Content-Type's charset included (fetch-page.ts).
  const html = web ? web.text : decodeHtml(bytes).text;
  let source: string;
  try {
    source = capParseDepth(html);
  } catch (e) {
    if (e instanceof ParseDepthError) return fail(1, `${e.message} (${args.input})`);
    throw e;
  }
  let settled;
  // --pages: the first page's pager and template and the rules, read before the in-place clean prunes the page.
  let first: { page: FirstPage; userRules: Rule[] } | null = null;
  try {
    settled = await readPage(
      source,
      url,
      args,
      fail,
      args.pages > 1
        ? (doc, userRules) => {
            first = { page: readFirstPage(doc, url), userRules };
          }
        : undefined,
    );
  } catch (e) {
    if (e instanceof NoArticleError) return fail(1, `${e.message} (${args.input})`);
    throw e;
  }
  if (typeof settled === 'number') return settled;

  // The page's DOM is closed and nothing here holds it: the sanitizer gets a bare window of its own, and one turn
  // of the event loop runs jsdom's queued DOMContentLoaded job, the last holder of the page's tree (a heap
  // snapshot's retainer path). So the page is collected before the article's tree is built: on the 5 MB
  // Chinese page the two were both alive at the peak (docs/performance.md).
  await new Promise(resolve => setImmediate(resolve));
  const purify = new JSDOM('');
  let article;
  // The sanitized tree itself, for the Markdown: parsing its serialization again would cost a second tree of the article.
  let tree: HTMLElement | null = null;
  try {
    article = finish(settled, purify.window as never, {
      sanitized: body => {
        tree = body;
      },
    });
  } catch (e) {
    if (e instanceof NoArticleError) return fail(1, `${e.message} (${args.input})`);
    throw e;
  }
  let pages: PagesReport | null = null;
  const followed = first as { page: FirstPage; userRules: Rule[] } | null;
  if (followed) {
    ({ article, report: pages } = await followAndMerge(
      article,
      followed.page,
      args.pages,
      { url, userRules: followed.userRules, disabled: args.disable, noRules: args.noRules },
      loadDom,
      purify.window.document,
    ));
    if (pages.stop !== 'no-pager') tree = null; // the sanitized tree is page 1's as it was before the merge
    io.err.write(`jingyue: ${describeMerge(pages)}\n`);
  }
  const markdown = (a: typeof article) => (tree ? markdownOf(a, tree) : toMarkdown(a, purify.window.document));
  const out =
    args.format === 'text'
      ? toText(article)
      : args.format === 'markdown'
        ? markdown(article)
        : args.format === 'html'
          ? toHtmlDocument(article)
          : JSON.stringify(
              {
                title: article.title,
                byline: article.byline,
                siteName: article.siteName,
                lang: article.lang,
                publishedTime: article.publishedTime,
                url: article.url,
                excerpt: article.excerpt,
                readingTime: article.readingTime,
                source: article.source,
                originalTitle: article.originalTitle,
                editor: article.editor,
                disclaimer: article.disclaimer,
                text: article.text,
                markdown: markdown(article),
                html: article.html,
                removed: article.removed,
                ...(pages ? { pages } : {}),
              },
              null,
              2,
            ) + '\n';
  purify.window.close();
  try {
    await writeAll(io.out, out);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e; // not the system refusing a write: a fault of the CLI's own
    if (code === 'EPIPE') return 0; // the reader stopped reading (`| head`): what it read is what it asked for
    return fail(2, `cannot write the output: ${code}`);
  }
  return 0;
}

/**
 * Parses the page, reads the rule files against it and runs the page half and the article stage in place;
 * an exit code when the rule files are bad. The page's DOM is closed before this returns.
 */
async function readPage(
  source: string,
  url: string,
  args: ReturnType<typeof parseCleanArgs>,
  fail: (code: number, msg: string) => number,
  onParsed?: (doc: Document, userRules: Rule[]) => void,
): Promise<Settled | number> {
  const dom = await loadDom(source, url);
  try {
    const doc = dom.document;
    // Rule files: every error is printed with the file, rule id and field; any error is bad input (exit 2).
    const userRules: Rule[] = [];
    const check = selectorCheck(doc);
    for (const file of args.rules) {
      let src: string;
      // Decoded as the rules page decodes a file (Blob.text()): UTF-8, a BOM dropped.
      try {
        src = new TextDecoder('utf-8').decode(fs.readFileSync(file));
      } catch (e) {
        return fail(2, `cannot read rule file ${file}: ${reason(e)}`);
      }
      const parsed = parseRules(src, file, check, isRegistrableSite);
      if (parsed.errors.length) return fail(2, `invalid rule file:\n${parsed.errors.map(formatRuleError).join('\n')}`);
      userRules.push(...parsed.rules);
    }
    onParsed?.(doc, userRules);
    return settleInProcess(
      doc,
      { url, userRules, disabled: args.disable, noRules: args.noRules },
      {
        window: dom.window as never,
        inPlace: true,
        // The never-worse check's unpruned run needs the page as parsed, which in-place cleaning no longer has.
        reparse: () =>
          new JSDOM(source, { url: /^https?:/.test(url) ? url : undefined, virtualConsole: new VirtualConsole() }).window.document,
      },
    );
  } finally {
    dom.close();
  }
}
