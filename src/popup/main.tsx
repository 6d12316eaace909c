/** Popup entry: localizes the document, then renders the App with the browser-backed api. */
import { render } from 'preact';
import { browserApi } from './browser-api.ts';
import { App } from './components/app.tsx';

const api = browserApi();
document.documentElement.lang = api.lang;
document.title = api.t('popupTitle');
render(<App api={api} />, document.getElementById('root')!);
