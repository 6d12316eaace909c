/** Sanitizing with DOMPurify before anything renders or exports the article. */
import { BLOCK_MARK } from './block-mark';
import DOMPurify, { type Config, type DOMPurify as Purifier, type WindowLike } from 'dompurify';

/**
 * HTML profile only (no SVG/MathML), no styles (CSS url() beacons and @import), no ids or names (DOM
 * clobbering), no forms, frames or embeds, no media autoplay. Links open in a new tab without opener or referrer.
 */
export const PURIFY_CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: [
    'style',
    'link',
    'meta',
    'base',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'option',
    'iframe',
    'frame',
    'frameset',
    'object',
    'embed',
    'svg',
    'math',
    'noscript',
    'template',
    'dialog',
    'track',
  ], // a default <track> loads its captions even with preload="none" (test/hostile/pages/media)
  FORBID_ATTR: ['style', 'id', 'name', 'class', 'srcdoc', 'formaction', 'action', 'ping', 'background', 'poster', 'autoplay'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
};

/**
 * A DOMPurify bound to the given window (the page's, an extension page's, or jsdom's), with our hooks: one per
 * sanitize call, so no window and no hook outlives its call.
 */
function purifier(win: WindowLike): Purifier {
  const p = DOMPurify(win);
  p.addHook('afterSanitizeAttributes', node => {
    const el = node as Element;
    if (el.localName === 'a' && el.hasAttribute('href')) {
      el.setAttribute('target', '_blank');
      el.setAttribute('rel', 'noopener noreferrer');
    }
    // Media fetch nothing until the person presses play (test/hostile/pages/media: autoplay sources hit a canary).
    if (el.localName === 'video' || el.localName === 'audio') el.setAttribute('preload', 'none');
    if (el.localName === 'img') {
      el.setAttribute('loading', 'lazy');
      el.setAttribute('referrerpolicy', 'no-referrer'); // many Chinese image CDNs refuse foreign referrers but allow none
    }
  });
  return p;
}

/**
 * Sanitizes a node's HTML (the node is not changed) and returns the safe tree (the body of DOMPurify's own
 * inert document) plus its serialization. The node is serialized and re-parsed, never cleaned in place:
 * a tree Readability rearranged is not one a parser made, and only a parsed tree is what renders later.
 */
export function sanitize(node: Element, win: WindowLike): { html: string; body: HTMLElement } {
  return sanitizeHtml(node.innerHTML, win);
}

/**
 * Sanitizes an HTML string (the page half's article) and returns the safe tree plus its serialization.
 * `keepMarks` lets BLOCK_MARK through for the remove-blocks view only; exports never get it.
 */
export function sanitizeHtml(html: string, win: WindowLike, keepMarks = false): { html: string; body: HTMLElement } {
  const p = purifier(win);
  if (!p.isSupported) throw new Error('DOMPurify cannot run in this environment');
  const config = keepMarks ? { ...PURIFY_CONFIG, ADD_ATTR: [BLOCK_MARK], RETURN_DOM: true } : { ...PURIFY_CONFIG, RETURN_DOM: true };
  const body = p.sanitize(html, config) as unknown as HTMLElement;
  return { html: body.innerHTML, body };
}
