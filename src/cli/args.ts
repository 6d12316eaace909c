/** The CLI's arguments, exactly as DESIGN.md fixes them. */
import { parseArgs } from 'node:util';
import { PAGER } from '../core/pager/index';

/** Parsed `jingyue clean` arguments. */
export interface CleanArgs {
  input: string;
  url: string | null;
  format: 'text' | 'markdown' | 'html' | 'json';
  rules: string[];
  disable: string[];
  noRules: boolean;
  /** Pages to merge by following the article's own pager, the first included (1: the input alone). */
  pages: number;
}

export const USAGE = `usage: jingyue clean <file|-|http(s)-URL> [--url URL] [--format text|markdown|html|json]
                     [--rules FILE]... [--disable RULE_ID]... [--no-rules] [--pages N]
exit: 0 ok, 1 no article found, 2 bad input`;

/** A usage problem: exit 2 with the message and the usage. */
export class UsageError extends Error {}

/** Parses argv (without node and the script); throws UsageError on anything off. */
export function parseCleanArgs(argv: string[]): CleanArgs {
  if (argv[0] !== 'clean') throw new UsageError(argv[0] ? `unknown command "${argv[0]}"` : 'no command given');
  let parsed;
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      strict: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string', default: 'text' },
        rules: { type: 'string', multiple: true, default: [] },
        disable: { type: 'string', multiple: true, default: [] },
        'no-rules': { type: 'boolean', default: false },
        pages: { type: 'string', default: '1' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1)
    throw new UsageError(positionals.length ? 'give exactly one input file (or - for stdin)' : 'no input file given (use - for stdin)');
  const format = values.format as string;
  if (!['text', 'markdown', 'html', 'json'].includes(format))
    throw new UsageError(`--format must be text, markdown, html or json (got "${format}")`);
  const pages = parsePages(values.pages as string);
  return {
    input: positionals[0]!,
    url: values.url ?? null,
    format: format as CleanArgs['format'],
    rules: values.rules as string[],
    disable: values.disable as string[],
    noRules: values['no-rules'] as boolean,
    pages,
  };
}

/** The most pages `--pages` may ask for: the merge's own limit. */
export const MAX_PAGES = PAGER.maxPages;

/** `--pages N`: a whole number from 1 to MAX_PAGES. */
function parsePages(raw: string): number {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGES)
    throw new UsageError(`--pages must be a whole number from 1 to ${MAX_PAGES} (got "${raw}")`);
  return n;
}

/** Whether the input names a web page to fetch rather than a file. */
export function isWebInput(input: string): boolean {
  return /^https?:\/\//i.test(input);
}
