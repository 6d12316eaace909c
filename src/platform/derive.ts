/** Rule derivation in the page: inject derive.js (only now, when the person saves) and call it. */
import browser from 'webextension-polyfill';
import { DERIVE_KEY, type DeriveRequest, type DeriveResponse } from '../derive-protocol.ts';
import { callInPage, PageScriptMissing } from './tabs.ts';

/** Runs derivation in tab `tabId` (which content.js already serves) and returns its answer. */
export async function deriveInTab(tabId: number, req: DeriveRequest): Promise<DeriveResponse> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['derive.js'] });
  try {
    return (await callInPage(tabId, DERIVE_KEY, 'derive', req)) as DeriveResponse;
  } catch (e) {
    if (e instanceof PageScriptMissing) return { ok: false, error: 'derive.js did not load' };
    throw e;
  }
}
