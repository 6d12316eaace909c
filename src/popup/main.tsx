/**
 * Popup entry: starts the session (find the tab, inject, read the settings, ask for the clean:
 * src/popup/session.ts) at once, and loads the UI (Preact, the components) meanwhile. The UI is a dynamic
 * import so that nothing but the small UI-free graph has to load before the tab is asked for: a plain
 * Readability popup starts injecting as soon as its small script runs (`npm run bench:browser`).
 */
import { browserApi } from './browser-api.ts';
import { startSession } from './session.ts';

const api = browserApi();
const session = startSession(api);
document.documentElement.lang = api.lang;
document.title = api.t('popupTitle');
void import('./mount.tsx').then(({ mount }) => mount(api, session, document.getElementById('root')!));
