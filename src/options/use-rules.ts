/**
 * The rules page's state: the settings as last read or saved, a status line, an error, and one undo.
 * Every change is a read-modify-write through api.updateSettings, so this page never writes its old copy
 * over what the popup saved meanwhile, and never writes at all over a newer or unreadable store.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { defaultSettings, type Settings } from '../settings/index.ts';
import type { OptionsApi } from './api.ts';

/** What the page renders. */
export interface RulesState {
  loaded: boolean;
  settings: Settings;
  /** Saving is refused: a newer build's store, or one that could not be read. */
  locked: boolean;
  status: string;
  error: string | null;
  /** The last delete or reset, undoable once. */
  undo: Undo | null;
}

/** One undoable change: `apply` runs inside the save, on what is stored then; `said` words what it did (default "Saved."). */
export interface Undo {
  label: string;
  apply: (s: Settings) => Settings;
  said?: () => string;
}

/** The state plus `save`: applies `update` to what is stored now; resolves to the saved settings, or null when refused. */
export interface Rules {
  state: RulesState;
  save(update: (s: Settings) => Settings, status?: string, undo?: RulesState['undo']): Promise<Settings | null>;
  runUndo(): void;
  setStatus(status: string, error?: string | null): void;
}

/** Loads the settings and offers `save`. */
export function useRules(api: OptionsApi): Rules {
  const [state, setState] = useState<RulesState>({
    loaded: false,
    settings: defaultSettings(),
    locked: false,
    status: '',
    error: null,
    undo: null,
  });
  const patch = (p: Partial<RulesState>) => setState(s => ({ ...s, ...p }));

  useEffect(() => {
    api.readSettings().then(
      r =>
        patch({
          loaded: true,
          settings: r.settings,
          locked: r.newer || !!r.unreadable,
          error: r.newer || r.unreadable ? api.t('errorLocked') : null,
        }),
      () => patch({ loaded: true, locked: true, error: api.t('errorLocked') }),
    );
  }, [api]);

  const save = useCallback(
    async (update: (s: Settings) => Settings, status = api.t('changesSaved'), undo: RulesState['undo'] = null) => {
      try {
        const settings = await api.updateSettings(update);
        patch({ settings, status, error: null, undo });
        return settings;
      } catch (e) {
        const locked = (e as { name?: string }).name === 'SettingsLockedError';
        patch({
          error: locked ? api.t('errorLocked') : api.t('errorSaveRules', [e instanceof Error ? e.message : String(e)]),
          locked: locked || state.locked,
        });
        return null;
      }
    },
    [api, state.locked],
  );

  return {
    state,
    save,
    runUndo: () => {
      const u = state.undo;
      if (!u) return;
      void save(u.apply, api.t('changesSaved')).then(saved => {
        const said = saved && u.said?.();
        if (said) patch({ status: said });
      });
    },
    setStatus: (status, error = null) => patch({ status, error }),
  };
}
