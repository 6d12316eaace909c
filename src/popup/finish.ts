/**
 * The article stage and the finishing half (DOMPurify, text, reading time) as the popup loads them: one chunk
 * (chunks/popup-finish-*.js), not part of the first paint. The session fetches it while the content script is
 * injected and runs, and warms it up on load (warm-up.ts); the page's answer needs it.
 */
export { inertParser, prepareArticle } from '../core/pipeline/settle.ts';
export { finishSettled } from '../core/pipeline/finish.ts';
export { warmUp } from './warm-up.ts';
