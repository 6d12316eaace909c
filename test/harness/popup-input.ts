/**
 * Trusted input into the real popup: mouse clicks and key presses sent through the popup's own DevTools
 * target (Input.dispatchMouseEvent / dispatchKeyEvent), as a person's hand would, not element.click().
 * The popup is no Playwright page, so this talks to it like popupScreenshot does (chromium.ts).
 */
import type { JSHandle } from 'playwright';
import type { Browser } from './chromium.ts';

/** A DevTools session on the open popup. */
export interface PopupInput {
  /** Clicks the centre of the first element matching `selector` whose text includes `text` (scrolled into view first). */
  click(selector: string, text?: string): Promise<void>;
  /** Presses a key ("Tab", "Enter", "Delete"). */
  press(key: 'Tab' | 'Enter' | 'Delete'): Promise<void>;
  detach(): Promise<void>;
}

const KEYS = {
  Tab: { code: 'Tab', keyCode: 9 },
  Enter: { code: 'Enter', keyCode: 13, text: '\r' },
  Delete: { code: 'Delete', keyCode: 46 },
};

/** Attaches to the popup's target; one session per open popup. */
export async function popupInput(b: Browser, view: JSHandle<Window>): Promise<PopupInput> {
  const { targetInfos } = (await b.cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string; type: string }[] };
  const popup = targetInfos.find(t => t.type === 'page' && t.url === `chrome-extension://${b.extensionId}/popup.html`);
  if (!popup) throw new Error('no popup is open');
  const { sessionId } = await b.cdp.send('Target.attachToTarget', { targetId: popup.targetId, flatten: false });
  let id = 0;
  const send = (method: string, params: object) =>
    new Promise<void>((resolve, reject) => {
      const mine = ++id;
      const onMessage = (e: { sessionId?: string; message: string }) => {
        const m = JSON.parse(e.message) as { id?: number; error?: { message: string } };
        if (e.sessionId !== sessionId || m.id !== mine) return;
        b.cdp.off('Target.receivedMessageFromTarget', onMessage);
        if (m.error) reject(new Error(`${method}: ${m.error.message}`));
        else resolve();
      };
      b.cdp.on('Target.receivedMessageFromTarget', onMessage);
      void b.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method, params }) });
    });
  return {
    async click(selector, text = '') {
      const at = await view.evaluate(
        (w, [sel, txt]) => {
          const el = Array.from(w.document.querySelectorAll(sel!)).find(e => (e.textContent ?? '').includes(txt!)) as
            | HTMLElement
            | undefined;
          if (!el) return null;
          el.scrollIntoView({ block: 'center' });
          const r = el.getBoundingClientRect();
          return { x: r.left + Math.min(r.width / 2, 40), y: r.top + Math.min(r.height / 2, 12) };
        },
        [selector, text] as const,
      );
      if (!at) throw new Error(`nothing to click: ${selector} “${text}”`);
      for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased']) {
        await send('Input.dispatchMouseEvent', { type, x: at.x, y: at.y, button: 'left', clickCount: type === 'mouseMoved' ? 0 : 1 });
      }
    },
    async press(key) {
      const k = KEYS[key];
      await send('Input.dispatchKeyEvent', { type: 'keyDown', key, windowsVirtualKeyCode: k.keyCode, ...k });
      await send('Input.dispatchKeyEvent', { type: 'keyUp', key, windowsVirtualKeyCode: k.keyCode, code: k.code });
    },
    detach: () =>
      b.cdp.send('Target.detachFromTarget', { sessionId }).then(
        () => {},
        () => {},
      ),
  };
}
