/**
 * The reader tab's transport (issue 11): the popup hands the finished article over through storage.session
 * (memory only, never on disk, Chrome MV3 and Firefox 115+) under a fresh id, and opens reader.html#id; the
 * tab takes the entry and deletes it. Nothing is re-fetched, and no permission is added (tabs.create needs none).
 */
import browser from 'webextension-polyfill';

/** Storage keys of handed-over articles start with this. */
const PREFIX = 'reader:';
/** An entry no tab took within this long is dropped by the next hand-over (a tab opens in well under a second). */
const STALE_MS = 60_000;

/** Stores `payload` for one reader tab and returns its id; also drops entries no tab ever took. */
export async function stashForReader(payload: Record<string, unknown>): Promise<string> {
  const id = crypto.randomUUID();
  const all = await browser.storage.session.get(null);
  const stale = Object.entries(all)
    .filter(([k, v]) => k.startsWith(PREFIX) && !(Number((v as { at?: unknown })?.at) > Date.now() - STALE_MS))
    .map(([k]) => k);
  if (stale.length) await browser.storage.session.remove(stale);
  await browser.storage.session.set({ [PREFIX + id]: { ...payload, at: Date.now() } });
  return id;
}

/** Opens the reader tab for stash `id` next to the page's tab. */
export async function openReaderTab(id: string, sourceTabId: number): Promise<void> {
  const source = await browser.tabs.get(sourceTabId).catch(() => null);
  await browser.tabs.create({
    url: browser.runtime.getURL(`reader.html#${id}`),
    ...(source ? { index: source.index + 1, openerTabId: sourceTabId } : {}),
  });
}

/** Takes the stash `id` out of storage (read once, then deleted): undefined when it is not there. */
export async function takeFromStash(id: string): Promise<unknown> {
  const key = PREFIX + id;
  const got = await browser.storage.session.get(key);
  await browser.storage.session.remove(key);
  return got[key];
}

/** Esc in the reader tab: back to the page's tab (when it still exists), and close this one. */
export async function backToPage(sourceTabId: number | null): Promise<void> {
  if (sourceTabId !== null) await browser.tabs.update(sourceTabId, { active: true }).catch(() => {});
  const me = await browser.tabs.getCurrent();
  if (me?.id !== undefined) await browser.tabs.remove(me.id);
  else history.back();
}
