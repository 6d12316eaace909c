/** Shared by the hostile tests: the cases (make-pages.ts), their HTML with a canary, and the output checks. */
import path from 'node:path';
import { jsdom } from '../helpers/dom.ts';
import { CASES, pageHtml } from './make-pages.ts';

/** Where the hostile pages' own image lives (the pages themselves are made from make-pages.ts's CASES). */
export const PAGES = path.join(import.meta.dirname, 'pages');

/** The case ids, sorted. */
export const caseIds = (): string[] => CASES.map(c => c.id).sort();

/** A case's page with {{CANARY}} replaced by the canary endpoint; throws for an unknown case. */
export function casePage(id: string, canary: string): string {
  const c = CASES.find(x => x.id === id);
  if (!c) throw new Error(`no hostile case "${id}"`);
  return pageHtml(c).replaceAll('{{CANARY}}', canary);
}

/** Prose every hostile page carries: the article must survive its payload. */
export const PROSE = ['forty-metre hole in the sea wall', 'keep the ovens warm', 'bread under their arms'];

/** Elements that must never reach the reader: they run code, load things, navigate, submit or restyle. */
const FORBIDDEN_TAGS = new Set([
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'param',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'isindex',
  'svg',
  'math',
  'noscript',
  'template',
  'title',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'foreignobject',
  'use',
  'image',
  'animate',
  'set',
  'track',
]);
/** Attributes that clobber the DOM, restyle, submit, or fetch outside the article's images. */
const FORBIDDEN_ATTRS = new Set([
  'id',
  'name',
  'style',
  'class',
  'srcdoc',
  'action',
  'formaction',
  'ping',
  'background',
  'poster',
  'autofocus',
  'contenteditable',
  'xlink:href',
  'codebase',
  'data',
  'autoplay',
  'http-equiv',
]);
const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'cite', 'longdesc', 'usemap', 'data', 'poster']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/**
 * Everything dangerous in a sanitized tree, one line each ('' list when clean): scripts, handlers,
 * javascript:/data: URLs (except data: images), styles, ids/names (clobbering), foreign namespaces,
 * anything naming the canary, and media that would load on its own.
 */
export function hazards(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const tag = el.localName;
    if (el !== root && FORBIDDEN_TAGS.has(tag)) out.push(`<${tag}> element`);
    if (el.namespaceURI !== HTML_NS) out.push(`<${tag}> in namespace ${el.namespaceURI}`);
    const media = el.closest('video, audio');
    if (media && media.getAttribute('preload') !== 'none') out.push(`<${media.localName}> without preload="none" loads by itself`);
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value;
      if (name.startsWith('on')) out.push(`<${tag} ${name}> handler`);
      if (FORBIDDEN_ATTRS.has(name)) out.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
      // A link to the canary is only a link (nothing fetches it), and so is a media source that waits for play
      // (preload="none": the e2e canary proves it); anything else naming it would be a request.
      if (/canary/i.test(value) && !(tag === 'a' && name === 'href') && !(media && name === 'src'))
        out.push(`<${tag} ${name}> names the canary: ${value.slice(0, 60)}`);
      if (URL_ATTRS.has(name)) {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop these from a URL before reading its scheme
        const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|vbscript):/.test(v)) out.push(`<${tag} ${name}> javascript: URL`);
        if (v.startsWith('data:') && !(tag === 'img' && name === 'src' && /^data:image\/(png|gif|jpeg|webp|svg\+xml)[;,]/.test(v)))
          out.push(`<${tag} ${name}> data: URL`);
      }
    }
  }
  return out;
}

/** An inert jsdom document (no scripts, no loads) for checking output HTML. */
export function inert(html: string, url = 'https://reader.invalid/'): Document {
  return jsdom(html, url).window.document;
}

/** Whether anything was added to Object.prototype (a pollution payload that worked). */
export function prototypePolluted(): string[] {
  const probe = {} as Record<string, unknown>;
  return ['polluted', 'x', '__pwned'].filter(k => k in probe).concat(Object.keys(Object.prototype));
}

/** A tree's canonical form: tags, sorted attributes and text (attribute order is not meaning). */
export function canonical(root: Element): string {
  const walk = (n: Node): string => {
    if (n.nodeType === 3) return n.nodeValue ?? '';
    if (n.nodeType !== 1) return '';
    const el = n as Element;
    const attrs = [...el.attributes]
      .map(a => `${a.name}=${JSON.stringify(a.value)}`)
      .sort()
      .join(' ');
    return `<${el.namespaceURI === HTML_NS ? '' : `${el.namespaceURI}:`}${el.localName}${attrs ? ` ${attrs}` : ''}>${[...el.childNodes].map(walk).join('')}</${el.localName}>`;
  };
  return walk(root);
}
