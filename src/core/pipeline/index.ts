/**
 * The pipeline's public API: one request, three steps, and their composition.
 *   extract(doc, request)              steps 1–3, in the page: clone, pre-prune, Readability (extract.ts)
 *   settle(extracted, request, env)    steps 4–6, the article stage, with the one re-ask for a plain run (settle.ts)
 *   finish(settled, window)            steps 7–9: sanitize once, text, no-article, reading time (finish.ts)
 *   clean(doc, request)                finish ∘ settle ∘ extract, for the CLI and the tests (clean.ts)
 * The extension's scripts import the step files themselves (content.js only extract.ts, the popup's chunk
 * settle.ts and finish.ts), so that no bundle carries a step it does not run.
 */
export { extract, type ExtractEnv } from './extract';
export { settle, type PlainRun, type SettleEnv } from './settle';
export { finish, type FinishOptions } from './finish';
export { clean, type CleanEnv } from './clean';
export type { CleanRequest } from './request';
export type { Article, Extracted, Settled } from '../types';
export { NoArticleError } from '../errors';
