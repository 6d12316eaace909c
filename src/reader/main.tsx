/** Reader tab entry: the browser-backed api plus the hand-over (taken once, kept in this tab's sessionStorage for reloads). */
import { render } from 'preact';
import { backToPage, takeFromStash } from '../platform/reader-tab.ts';
import { browserApi } from '../popup/browser-api.ts';
import { ReaderApp, type ReaderApi } from './reader-app.tsx';

/** The stash id in reader.html#<id>. */
const id = location.hash.slice(1);
const KEEP = `jingyue:reader:${id}`;

/** The hand-over: from this tab's sessionStorage on a reload, else taken (and so deleted) from storage.session. */
async function loadHandoff(): Promise<unknown> {
  const kept = sessionStorage.getItem(KEEP);
  if (kept) return JSON.parse(kept);
  if (!id) return undefined;
  const raw = await takeFromStash(id);
  if (raw !== undefined) sessionStorage.setItem(KEEP, JSON.stringify(raw));
  return raw;
}

const popup = browserApi();
const api: ReaderApi = { ...popup, loadHandoff, back: backToPage };
document.documentElement.lang = api.lang;
document.title = api.t('readerPageTitle');
render(<ReaderApp api={api} />, document.getElementById('root')!);
