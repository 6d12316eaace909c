/** Reader tab entry: every extension page's browser-backed api plus the hand-over, loaded and kept by src/reader/keep-handoff.ts. */
import { render } from 'preact';
import { backToPage, holdStash, peekStash, releaseStash } from '../platform/reader-tab.ts';
import { readHistoryArticle, updateHistory } from '../platform/storage.ts';
import { addToHistory } from '../settings/index.ts';
import { extensionPageApi } from '../ui/browser-api.ts';
import { parseHandoff } from './handoff.ts';
import { handoffKeeper } from './keep-handoff.ts';
import { ReaderApp, type ReaderApi } from './reader-app.tsx';
import { browserSpeech } from './read-aloud-controls.tsx';

const params = new URLSearchParams(location.search);
/** The article's id is reader.html?id=<id> (reader.html#<id> from before the reading history). */
const id = params.get('id') ?? location.hash.slice(1);

const keeper = handoffKeeper(id, {
  own: sessionStorage,
  peek: peekStash,
  release: releaseStash,
  hold: holdStash,
  history: {
    read: readHistoryArticle,
    async keep(key, raw) {
      const handoff = parseHandoff(raw);
      if (!handoff) return;
      // What a later visit needs: the article and its rules; not the tab it came from.
      await updateHistory(index => addToHistory(index, key, { article: handoff.article, rules: handoff.rules }, Date.now()));
    },
  },
});

const api: ReaderApi = {
  ...extensionPageApi(),
  loadHandoff: keeper.load,
  keepHandoff: keeper.keep,
  back: backToPage,
  originalUrl: params.get('u'),
  speech: browserSpeech(window),
};
document.documentElement.lang = api.lang;
document.title = api.t('readerPageTitle');
render(<ReaderApp api={api} />, document.getElementById('root')!);
