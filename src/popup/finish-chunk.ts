/**
 * The article stage and finishing half (DOMPurify, text, reading time) as one chunk, loaded on demand: fetched
 * while the content script is injected and runs (open-tab.ts preloads it), needed when the page answers
 * (use-reader.ts). Not part of the popup's first paint.
 */
let finishing: Promise<typeof import('../core/finish.ts')> | null = null;

/** The chunk, loaded once; on load it is warmed up on a built-in sample (see warmUp) while the page works. */
export const loadFinish = () => (finishing ??= import('../core/finish.ts').then((m) => {
  // At once, not on a timer: a timer could fire after the real answer and delay its frame. The popup is a
  // fresh document per click, so without this the answer's own run would pay for compiling the code.
  m.warmUp(window);
  return m;
}));
