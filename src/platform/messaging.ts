/** Messaging over the typed protocol in src/messages.ts: the popup sends, the content script answers. */
import browser from 'webextension-polyfill';
import { dispatch, type Handlers, type Request, type ResponseOf } from '../messages.ts';

/** Sends `req` to the content script in tab `tabId` and resolves with its typed response. */
export async function sendToTab<R extends Request>(tabId: number, req: R): Promise<ResponseOf<R>> {
  return (await browser.tabs.sendMessage(tabId, req)) as ResponseOf<R>;
}

/** Answers protocol requests from our own extension with `handlers`; returns the listener (to remove it). */
export function listen(handlers: Handlers): (msg: unknown, sender: browser.Runtime.MessageSender) => Promise<unknown> | undefined {
  const listener = (msg: unknown, sender: browser.Runtime.MessageSender) =>
    // Only our popup may ask: a page cannot reach runtime.onMessage, but another extension could try.
    sender.id === browser.runtime.id ? dispatch(handlers, msg) : undefined;
  browser.runtime.onMessage.addListener(listener);
  return listener;
}
