/**
 * The reader tab's transport (issue 11): the popup hands the finished article over through storage.session
 * (memory only, never on disk, Chrome MV3 and Firefox 115+) under a fresh id, and opens reader.html?id=<id>&u=<the page's URL> (the tab's own address: issue 18's reading
 * history finds the article by that id after a restart, and the page's URL is the way back when it is gone). The
 * tab reads the entry and lets go of it only once the article is on screen and the tab kept a copy of its
 * own; a tab whose own copy does not fit holds the entry instead, for as long as it is open (issue 16: a
 * 2.7 M-character article fits storage.session but not the tab's sessionStorage, so deleting the entry
 * first loses it). Nothing is re-fetched, and no permission is added (tabs.create needs none).
 */
import browser from 'webextension-polyfill';
import { t } from './i18n.ts';

/** Storage keys of handed-over articles start with this. */
const PREFIX = 'reader:';
/** `reader-hold:<id>` → the id of the reader tab that shows stash <id> and could not keep a copy of its own. */
const HOLD = 'reader-hold:';
/** An entry no tab took within this long is dropped by the next hand-over (a tab opens in well under a second). */
const STALE_MS = 60_000;

/** The article does not fit in storage.session (about 10 MB in Chrome and Firefox): it cannot reach a reader tab. */
export class HandoffTooLongError extends Error {
  constructor(readonly chars: number) {
    super(t('readerTooLong', [chars.toLocaleString()]));
    this.name = 'HandoffTooLongError';
  }
}

/** Whether the holder tab `tabId` is still open on reader tab `id` (an unknown URL counts as open: no tabs permission). */
async function holding(tabId: unknown, id: string): Promise<boolean> {
  if (typeof tabId !== 'number') return false;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  return !!tab && (tab.url === undefined || new URL(tab.url).searchParams.get('id') === id || tab.url.endsWith(`reader.html#${id}`));
}

/** Drops entries no tab took in time, entries whose holding tab is gone, and holds without an entry. */
async function dropStale(): Promise<void> {
  const all = await browser.storage.session.get(null);
  const drop: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(HOLD) && !(PREFIX + key.slice(HOLD.length) in all)) drop.push(key);
    if (!key.startsWith(PREFIX)) continue;
    const id = key.slice(PREFIX.length);
    if (HOLD + id in all) {
      if (!(await holding(all[HOLD + id], id))) drop.push(key, HOLD + id);
    } else if (!(Number((value as { at?: unknown })?.at) > Date.now() - STALE_MS)) drop.push(key);
  }
  if (drop.length) await browser.storage.session.remove(drop);
}

/** Stores `payload` for one reader tab and returns its id; also drops what no open tab needs any more. */
export async function stashForReader(payload: Record<string, unknown>): Promise<string> {
  const id = crypto.randomUUID();
  await dropStale();
  try {
    await browser.storage.session.set({ [PREFIX + id]: { ...payload, at: Date.now() } });
  } catch (e) {
    // Chrome: "Session storage quota bytes exceeded"; Firefox: "storage.session API call exceeded its quota limitations".
    if (/quota/i.test(String(e))) throw new HandoffTooLongError(JSON.stringify(payload).length);
    throw e;
  }
  return id;
}

/** The reader tab's own address for article `id` of page `pageUrl`. */
export function readerUrl(id: string, pageUrl: string): string {
  return browser.runtime.getURL(`reader.html?${new URLSearchParams({ id, u: pageUrl })}`);
}

/** Opens the reader tab for stash `id` (of the page at `pageUrl`) next to the page's tab. */
export async function openReaderTab(id: string, sourceTabId: number, pageUrl = ''): Promise<void> {
  const source = await browser.tabs.get(sourceTabId).catch(() => null);
  await browser.tabs.create({
    url: readerUrl(id, pageUrl),
    ...(source ? { index: source.index + 1, openerTabId: sourceTabId } : {}),
  });
}

/** Reads stash `id` and leaves it in place (releaseStash or holdStash decide once it is shown): undefined when not there. */
export async function peekStash(id: string): Promise<unknown> {
  const key = PREFIX + id;
  return (await browser.storage.session.get(key))[key];
}

/** The tab showed stash `id` and kept its own copy: the stash is deleted. */
export async function releaseStash(id: string): Promise<void> {
  await browser.storage.session.remove([PREFIX + id, HOLD + id]);
}

/** The tab showed stash `id` but could not keep its own copy: the stash stays for as long as this tab is open. */
export async function holdStash(id: string): Promise<void> {
  const me = await browser.tabs.getCurrent();
  if (me?.id === undefined) throw new Error('not in a tab');
  await browser.storage.session.set({ [HOLD + id]: me.id });
}

/** Esc in the reader tab: back to the page's tab (when it still exists), and close this one. */
export async function backToPage(sourceTabId: number | null): Promise<void> {
  if (sourceTabId !== null) await browser.tabs.update(sourceTabId, { active: true }).catch(() => {});
  const me = await browser.tabs.getCurrent();
  if (me?.id !== undefined) await browser.tabs.remove(me.id);
  else history.back();
}
