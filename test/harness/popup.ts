/**
 * The popup's vocabulary, the same in Chromium and Firefox: both drivers hand back the popup's window as a
 * handle whose evaluate(fn, arg) runs `fn(window, arg)` in the popup (playwright's and puppeteer's JSHandle).
 * Functions passed to evaluate are serialized: each must name the globals itself (no closures, no eval; and
 * no named inner functions: tsx's keepNames wraps them in a __name helper the browser does not have).
 */
import { CONTENT_KEY, type PingResponse } from '../../src/page/protocol.ts';
import { poll } from '../helpers/poll.ts';

/** The popup's window as a handle (playwright JSHandle<Window> or puppeteer JSHandle<Window>). */
export interface View {
  evaluate<R, A>(fn: (w: Window, arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate<R>(fn: (w: Window) => R | Promise<R>): Promise<R>;
}
/** Either library's JSHandle<Window>, as {@link View}. */
export const asView = (handle: unknown): View => handle as View;

/** The popup mark the App sets on each new article (src/popup/components/app.tsx RENDERED_MARK). */
export const RENDERED_MARK = 'jingyue:article-rendered';
/** What the popup shows once the click is answered: the article, an error, or the calm "not an article" notice. */
export const ANSWERED = '[data-testid=article],[data-testid=error],[data-testid=no-article]';

/** Text of the first element with data-testid `id` in the popup ('' when absent). */
export function testIdText(view: View, id: string): Promise<string> {
  return view.evaluate((w, sel) => w.document.querySelector(sel)?.textContent ?? '', `[data-testid="${id}"]`);
}

/** The popup article's text. */
export const articleText = (view: View): Promise<string> => testIdText(view, 'article');

/** The state of each rule switch: rule id → checked. */
export function ruleSwitches(view: View): Promise<Record<string, boolean>> {
  return view.evaluate(w =>
    Object.fromEntries(
      Array.from(w.document.querySelectorAll<HTMLInputElement>('[data-testid=rule-toggle]')).map(el => [
        el.dataset.ruleId ?? '',
        el.checked,
      ]),
    ),
  );
}

/** Clicks the element with data-testid `id` (a button, a switch) as a person would. */
export function clickTestId(view: View, id: string): Promise<void> {
  return view.evaluate((w, sel) => (w.document.querySelector(sel) as HTMLElement).click(), `[data-testid="${id}"]`);
}

/** How many articles the popup has rendered so far (its performance marks). */
export const renders = (view: View): Promise<number> => view.evaluate((w, m) => w.performance.getEntriesByName(m).length, RENDERED_MARK);

/** Clicks a switch (a rule's by id, or the site switch for "*") and waits for the re-cleaned article or an error. */
export async function flip(view: View, ruleId: string): Promise<void> {
  const sel = ruleId === '*' ? '[data-testid=site-toggle]' : `[data-testid=rule-toggle][data-rule-id="${ruleId}"]`;
  // The article on screen marks its render in an effect, a moment after it shows: count from that mark, or the
  // shown article's own late mark would pass for the re-render (seen in Firefox under load).
  const before = await poll("the shown article's render mark", async () => (await renders(view)) || null, 10_000);
  await view.evaluate((w, s) => (w.document.querySelector(s) as HTMLInputElement).click(), sel);
  await poll(
    `a re-render after switching ${ruleId}`,
    async () => (await renders(view)) > before || (await testIdText(view, 'error')) !== '',
    10_000,
  );
}

/** Opens the popup's reading settings (a panel the bar's settings button loads on first use) and waits for its controls. */
export async function openSettings(view: View): Promise<void> {
  if (await view.evaluate(w => !!w.document.querySelector('[data-testid=reader-settings]'))) return;
  await clickTestId(view, 'settings-toggle');
  await poll('the reading settings', () => view.evaluate(w => !!w.document.querySelector('[data-testid=reader-settings]')), 10_000);
}

/** The popup's live-region status text (e.g. "copied"). */
export const statusText = (view: View): Promise<string> => view.evaluate(w => w.document.querySelector('[role=status]')?.textContent ?? '');

/** Whether the error box offers its retry button (the popup stays usable). */
export const hasRetry = (view: View): Promise<boolean> => view.evaluate(w => !!w.document.querySelector('.error-box button'));

/**
 * Asks the content script of the popup's tab for its bookkeeping, from the popup (it holds activeTab), the
 * way the popup itself calls it: scripting.executeScript against the ContentApi under its registered symbol (src/page/protocol.ts).
 * Rejects when the content script is not there or the tab may not be scripted. The ONE place tests reach
 * the content script: when the protocol changes, change it here.
 */
export async function pingContent(view: View): Promise<PingResponse> {
  // tsx (esbuild keepNames) wraps the nested `func` in __name(); the page evaluating this has no such helper.
  await view.evaluate(() => void ((globalThis as unknown as { __name: unknown }).__name = (f: unknown) => f));
  const reply = await view.evaluate(async (w, key) => {
    const c = (
      w as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id?: number }[]> };
          scripting: {
            executeScript(o: { target: { tabId: number }; func: (k: string) => unknown; args: unknown[] }): Promise<{ result?: unknown }[]>;
          };
        };
      }
    ).chrome;
    const [tab] = await c.tabs.query({ active: true, currentWindow: true });
    const [first] = await c.scripting.executeScript({
      target: { tabId: tab!.id! },
      func: (k: string) =>
        (Object.getOwnPropertyDescriptor(globalThis, Symbol.for(k))?.value as { ping(): unknown } | undefined)?.ping() ?? null,
      args: [key],
    });
    return first?.result ?? null;
  }, CONTENT_KEY);
  if (!reply) throw new Error('no content script in the tab');
  return reply as PingResponse;
}
