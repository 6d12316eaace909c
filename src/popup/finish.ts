/**
 * Steps 4–9 as the popup loads them (settle: the article stage; finish: DOMPurify, text, reading time): one
 * chunk (chunks/popup-finish-*.js), not part of the first paint. The session fetches it while the content
 * script is injected and runs, and warms it up on load (warm-up.ts); the page's answer needs it.
 */
export { settle } from '../core/pipeline/settle.ts';
export { finish } from '../core/pipeline/finish.ts';
export { warmUp } from './warm-up.ts';
