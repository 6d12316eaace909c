/** Waiting from Node for something a browser does, in both drivers. */

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Calls `fn` until it returns a truthy value; evaluation errors while a page navigates count as "not yet". */
export async function poll<T>(what: string, fn: () => Promise<T>, timeout = 15_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v as NonNullable<T>;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(40);
  }
}
