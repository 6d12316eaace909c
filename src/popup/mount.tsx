/** The popup's UI half, which main.tsx loads while its session reads the tab: renders the App. */
import { render } from 'preact';
import type { PopupApi } from './api.ts';
import { App } from './components/app.tsx';
import type { Session } from './session.ts';

/** Renders the App into `root` with the browser-backed api and the session main.tsx started on it. */
export function mount(api: PopupApi, session: Session, root: HTMLElement): void {
  render(<App api={api} session={session} />, root);
}
