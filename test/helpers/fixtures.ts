/** The project's fixture pages (test/fixtures/<slug>/source.html + expected.json), read one way for every suite. */
import fs from 'node:fs';
import path from 'node:path';

/** test/fixtures */
export const FIXTURES_DIR = path.resolve(import.meta.dirname, '../fixtures');

/** A fixture's expected.json (the hand-written expectations and the core's snapshot). */
export interface Expected {
  url: string;
  description?: string;
  mustContain: string[];
  mustNotContain: string[];
  mustContainHtml?: string[];
  expectRemoved: string[];
  error?: 'no-article';
  /** Article fields to compare exactly (title, source, originalTitle, editor, disclaimer, byline). */
  expectFields?: Record<string, string | null>;
  snapshot?: unknown;
}

/** Every fixture slug that has a source.html, sorted (found by listing the folder, as Readability's test-pages harness does). */
export function fixtureSlugs(): string[] {
  if (!fs.existsSync(FIXTURES_DIR)) return [];
  return fs
    .readdirSync(FIXTURES_DIR)
    .filter(d => fs.existsSync(path.join(FIXTURES_DIR, d, 'source.html')))
    .sort();
}

/** The path of a fixture's expected.json. */
export const expectedFile = (slug: string): string => path.join(FIXTURES_DIR, slug, 'expected.json');

/** A fixture's expectations. */
export const readExpected = (slug: string): Expected => JSON.parse(fs.readFileSync(expectedFile(slug), 'utf8')) as Expected;

/** A fixture's page source. */
export const readSource = (slug: string): string => fs.readFileSync(path.join(FIXTURES_DIR, slug, 'source.html'), 'utf8');
