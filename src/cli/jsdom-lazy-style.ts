/**
 * jsdom builds a CSSStyleDeclaration (about fifteen defineProperty calls) for every HTML and SVG element it
 * creates, parse and clone alike, although the pipeline reads `style` on almost none of them. On the 5 MB
 * page of 100,000 elements that constructor was the largest single self-time in the CLI's profile (1.3 s
 * of 15 s, `node --cpu-prof`, plus the garbage it leaves). Here it is built on first use instead, through
 * the same constructor and callback jsdom uses, so `el.style` and the style attribute behave as before.
 * jsdom is pinned (package.json); if its internals ever change shape this does nothing.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

let done = false;

/** Makes jsdom create each element's inline-style object on first use; idempotent. */
export function lazyInlineStyles(): void {
  if (done) return;
  done = true;
  try {
    const require = createRequire(import.meta.url);
    require('jsdom'); // jsdom's implementation modules must load in its own order
    const nodes = path.join(path.dirname(require.resolve('jsdom/package.json')), 'lib/jsdom/living/nodes');
    for (const file of ['HTMLElement-impl.js', 'SVGElement-impl.js']) {
      const proto = (require(path.join(nodes, file)) as { implementation?: { prototype: Record<string, unknown> } }).implementation
        ?.prototype;
      const init = proto?._initElementCSSInlineStyle as ((this: Record<string, unknown>) => void) | undefined;
      if (!proto || typeof init !== 'function' || Object.getOwnPropertyDescriptor(proto, '_style')) continue;
      proto._initElementCSSInlineStyle = function (this: Record<string, unknown>) {
        this._settingCssText = false;
      };
      Object.defineProperty(proto, '_style', {
        configurable: true,
        get(this: Record<string, unknown>) {
          const setting = this._settingCssText;
          init.call(this); // assigns this._style: the setter below makes it the element's own property
          this._settingCssText = setting;
          return this._style;
        },
        set(this: Record<string, unknown>, value: unknown) {
          Object.defineProperty(this, '_style', { value, writable: true, configurable: true, enumerable: true });
        },
      });
    }
  } catch {
    /* another jsdom layout: keep its eager styles */
  }
}
