/**
 * The popup's view state: the state of its session (src/popup/session.ts), re-rendered on every change, and
 * the session's actions for the components.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { PopupApi, TabInfo } from './api.ts';
import { startSession, type Session, type SessionState } from './session.ts';

/** The state plus what the person can do. */
export interface Reader extends Omit<Session, 'state' | 'subscribe' | 'tab'> {
  state: SessionState;
  /** The tab being read (remove-blocks mode derives its rules there). */
  tab: TabInfo | null;
}

/**
 * The view of `session` (main.tsx starts it before the UI loads), or of a session started here on `api` when
 * none was (the tests render the popup from an api alone).
 */
export function useReader(api: PopupApi, started?: Session): Reader {
  const [session] = useState(() => started ?? startSession(api));
  const [state, setState] = useState(session.state);
  // At mount, not after the first paint (useEffect waits a frame): the session's answer may be waiting already.
  useLayoutEffect(() => {
    setState(session.state);
    return session.subscribe(setState);
  }, [session]);
  // The session's actions are closures over it (no `this`), so they travel as they are; `tab` is read per render.
  const { state: _shown, subscribe: _subscribe, ...actions } = session;
  return { ...actions, state };
}
