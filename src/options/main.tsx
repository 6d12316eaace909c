/** Rules page entry (options.html): localizes the document, then renders the page with the browser-backed api. */
import { render } from 'preact';
import { browserApi } from './browser-api.ts';
import { RulesPage } from './components/rules-page.tsx';

const api = browserApi();
document.documentElement.lang = api.lang;
document.title = api.t('optionsTitle');
render(<RulesPage api={api} />, document.getElementById('root')!);
