/** Reader tab entry: every extension page's browser-backed api plus the hand-over, loaded and kept by src/reader/keep-handoff.ts. */
import { render } from 'preact';
import { backToPage, holdStash, peekStash, releaseStash } from '../platform/reader-tab.ts';
import { extensionPageApi } from '../ui/browser-api.ts';
import { handoffKeeper } from './keep-handoff.ts';
import { ReaderApp, type ReaderApi } from './reader-app.tsx';
import { browserSpeech } from './read-aloud-controls.tsx';

/** The stash id is the reader.html#<id> of this tab's URL. */
const keeper = handoffKeeper(location.hash.slice(1), { own: sessionStorage, peek: peekStash, release: releaseStash, hold: holdStash });

const api: ReaderApi = { ...extensionPageApi(), loadHandoff: keeper.load, keepHandoff: keeper.keep, back: backToPage, speech: browserSpeech(window) };
document.documentElement.lang = api.lang;
document.title = api.t('readerPageTitle');
render(<ReaderApp api={api} />, document.getElementById('root')!);
