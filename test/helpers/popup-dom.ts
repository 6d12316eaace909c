/**
 * The popup rendered in jsdom: one window per test file, installed as the globals Preact renders with
 * (window, document, DOMParser, …) before the tests and removed after, with a query and a wait for the
 * rendered popup. Used by the popup's, the rules page's and the storage layer's jsdom tests.
 */
import { after, before } from 'node:test';
import type { JSDOM } from 'jsdom';
import { render } from 'preact';
import { jsdom } from './dom.ts';

const GLOBALS = ['window', 'document', 'DOMParser', 'Node', 'HTMLElement', 'Event'] as const;

/** The file's popup window (made in a `before` hook), a query on its document and a wait for a selector. */
export interface PopupDom {
  readonly dom: JSDOM;
  q(selector: string): Element | null;
  /** Resolves with the first element matching `selector`; throws with the document's HTML after ~1 s. */
  waitFor(selector: string): Promise<Element>;
}

/**
 * Registers the before/after hooks of a test file whose tests render the popup (or another extension page)
 * into #root; `extra`: more window globals its components use (KeyboardEvent, InputEvent, …).
 */
export function popupDom(extra: readonly string[] = []): PopupDom {
  const globals = [...GLOBALS, ...extra] as (keyof JSDOM['window'])[];
  let dom: JSDOM | null = null;
  before(() => {
    dom = jsdom('<!doctype html><body><div id="root"></div></body>', undefined, { pretendToBeVisual: true });
    for (const g of globals) Object.assign(globalThis, { [g]: dom.window[g] });
  });
  after(() => {
    render(null, dom!.window.document.getElementById('root')!);
    for (const g of globals) delete (globalThis as Record<string, unknown>)[g];
    dom!.window.close();
  });
  const q = (selector: string) => dom!.window.document.querySelector(selector);
  return {
    get dom() {
      return dom!;
    },
    q,
    async waitFor(selector) {
      for (let i = 0; i < 200; i++) {
        const el = q(selector);
        if (el) return el;
        await new Promise(r => setTimeout(r, 5));
      }
      throw new Error(`${selector} never appeared: ${dom!.window.document.body.innerHTML}`);
    },
  };
}
