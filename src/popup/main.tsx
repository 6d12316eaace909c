/**
 * Popup entry: starts the first steps (find the tab, inject, read the settings, ask for the clean:
 * src/popup/open-tab.ts) at once, and loads the UI (Preact, the components) meanwhile. The UI is a dynamic
 * import so that nothing but the small UI-free graph has to load before the tab is asked for: a plain
 * Readability popup starts injecting as soon as its small script runs (`npm run bench:browser`).
 */
import { browserApi } from './browser-api.ts';
import { openTab } from './open-tab.ts';

const api = browserApi();
const early = openTab(api);
document.documentElement.lang = api.lang;
document.title = api.t('popupTitle');
void import('./mount.tsx').then(({ mount }) => mount(api, early, document.getElementById('root')!));
