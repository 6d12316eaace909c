/** Rule derivation in the page: inject derive.js (only now, when the person saves) and call it. */
import browser from 'webextension-polyfill';
import { DERIVE_GLOBAL, type DeriveRequest, type DeriveResponse } from '../derive-protocol.ts';

/** Runs derivation in tab `tabId` (which content.js already serves) and returns its answer. */
export async function deriveInTab(tabId: number, req: DeriveRequest): Promise<DeriveResponse> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['derive.js'] });
  const [first] = await browser.scripting.executeScript({
    target: { tabId },
    // Runs in the page's isolated world, serialized: it may use only its arguments.
    func: (key: string, r: unknown) => {
      const d = (globalThis as unknown as Record<string, { derive(x: unknown): unknown } | undefined>)[key];
      return d ? d.derive(r) : { ok: false, error: 'derive.js did not load' };
    },
    args: [DERIVE_GLOBAL, req as unknown as Record<string, unknown>],
  });
  return (first?.result as DeriveResponse | undefined) ?? { ok: false, error: 'no answer from the page' };
}
