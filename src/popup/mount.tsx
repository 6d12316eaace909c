/** The popup's UI half, which main.tsx loads while the first steps run: renders the App. */
import { render } from 'preact';
import type { PopupApi } from './api.ts';
import { App } from './components/app.tsx';
import type { Opening } from './open-tab.ts';

/** Renders the App into `root` with the browser-backed api and the steps main.tsx started. */
export function mount(api: PopupApi, early: Promise<Opening>, root: HTMLElement): void {
  render(<App api={api} early={early} />, root);
}
