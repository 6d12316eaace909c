/**
 * The one message protocol between the popup and the content script: a map from request type to
 * request and response, so a sender gets the response type of what it sent and the receiver must
 * handle every type (Dark Reader's src/utils/message.ts, webext-messenger) — no `{action: string}` if-chains.
 */
import type { Article } from './core/types.ts';
import type { Rule } from './core/rules/types.ts';

/** Ask the content script to clean the page it runs in, with the switches that apply to this site. */
export interface CleanRequest {
  type: 'clean';
  /** The URL the popup saw; if the page is elsewhere now (SPA navigation), the answer is `navigated`. */
  url: string;
  /** Rule ids switched off for this site. */
  disabled: string[];
  /** "Clean this site" is off: Readability only, no rules. */
  noRules: boolean;
  /** The person's own rules, in the site-rule format. */
  userRules: Rule[];
}

/** Ask whether the content script is there and how often it was installed (idempotence is testable). */
export interface PingRequest {
  type: 'ping';
}

/** Why a clean could not produce an article. */
export type CleanFailure = 'no-article' | 'navigated' | 'pdf' | 'failed';

/** The article, or why there is none (errors are data: Chrome's messaging turns thrown errors into strings). */
export type CleanResponse =
  | { ok: true; article: Article; ms: number }
  | { ok: false; error: CleanFailure; detail: string };

/** The content script's bookkeeping: one listener no matter how often it was injected. */
export interface PingResponse {
  injections: number;
  listeners: number;
  cleans: number;
  /** How long the last cleanDocument took in the page, in ms (the e2e suite reports it). */
  lastCleanMs: number;
}

/** Every request type with its request and response. */
export interface Protocol {
  clean: { req: CleanRequest; res: CleanResponse };
  ping: { req: PingRequest; res: PingResponse };
}

/** Any request of the protocol. */
export type Request = Protocol[keyof Protocol]['req'];
/** The response type of request `R`. */
export type ResponseOf<R extends Request> = Protocol[R['type']]['res'];
/** One handler per request type; the compiler insists on all of them. */
export type Handlers = { [K in keyof Protocol]: (req: Protocol[K]['req']) => Protocol[K]['res'] | Promise<Protocol[K]['res']> };

const TYPES: ReadonlySet<string> = new Set<keyof Protocol>(['clean', 'ping']);

/** Whether `msg` is a request of this protocol (messages from elsewhere are ignored, not answered). */
export function isRequest(msg: unknown): msg is Request {
  return typeof msg === 'object' && msg !== null && TYPES.has((msg as { type?: unknown }).type as string);
}

/** Runs the handler for `msg`'s type; undefined when `msg` is not ours, so another listener may answer. */
export function dispatch(handlers: Handlers, msg: unknown): Promise<unknown> | undefined {
  if (!isRequest(msg)) return undefined;
  const handler = handlers[msg.type] as (req: Request) => unknown;
  return Promise.resolve().then(() => handler(msg));
}
