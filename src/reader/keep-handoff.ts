/**
 * Where a reader tab's article comes from and where it stays, so that no step loses it (issue 16): this tab's
 * own copy first (sessionStorage: survives a reload of this tab, about 5 M characters at most in Chrome and
 * Firefox), else the popup's stash in storage.session, else the reading history in storage.local (issue 18:
 * what survives a restart and a reopening from the browser's history). The stash is let go only after the
 * article was shown, kept in the history (when the person keeps one) and copied here; when the copy does not
 * fit, the tab holds the stash instead.
 */

/** What this tab could do to keep its article for a reload, once shown. */
export type Kept = 'kept' | 'held' | 'unkept';

/** The places a reader tab's article can be in (the browser's, or fakes in tests). */
export interface HandoffPlaces {
  /** This tab's own storage (sessionStorage); setItem throws when the article does not fit. */
  own: Pick<Storage, 'getItem' | 'setItem'>;
  /** The popup's stash: read it, delete it, or hold it while this tab is open (src/platform/reader-tab.ts). */
  peek(id: string): Promise<unknown>;
  release(id: string): Promise<void>;
  hold(id: string): Promise<void>;
  /** The reading history (src/platform/storage.ts): the kept article `id`, and keeping one; absent: no history. */
  history?: {
    read(id: string): Promise<unknown>;
    keep(id: string, raw: unknown): Promise<void>;
  };
}

/** Where the shown article came from: the history says the tab is showing a kept copy. */
export type LoadedFrom = 'own' | 'stash' | 'history';

/** The hand-over of reader tab `id` (reader.html?id=<id>, or the older reader.html#<id>): load it, then keep it once shown. */
export interface HandoffKeeper {
  /** The raw hand-over (untrusted), or undefined when there is none. */
  load(): Promise<unknown>;
  /**
   * Called once the article is on screen: keeps it in the reading history when `history` (the person's
   * "keep reading history" setting), copies it for a reload, and lets go of the stash if it can.
   */
  keep(opts?: { history?: boolean }): Promise<Kept>;
  /** Where load() found it, or null before (or when it found nothing). */
  readonly from: LoadedFrom | null;
}

/** The keeper for reader tab `id` over `places`. */
export function handoffKeeper(id: string, places: HandoffPlaces): HandoffKeeper {
  const key = `jingyue:reader:${id}`;
  let loaded: { from: LoadedFrom; raw: unknown } | null = null;
  return {
    get from() {
      return loaded?.from ?? null;
    },
    async load() {
      const own = places.own.getItem(key);
      if (own !== null) {
        try {
          loaded = { from: 'own', raw: JSON.parse(own) };
          return loaded.raw;
        } catch {
          // a damaged copy: the stash or the history may still have it
        }
      }
      if (!id) return undefined;
      const raw = await places.peek(id).catch(() => undefined);
      if (raw !== undefined) {
        loaded = { from: 'stash', raw };
        return raw;
      }
      const kept = await places.history?.read(id).catch(() => undefined);
      loaded = kept === undefined ? null : { from: 'history', raw: kept };
      return kept;
    },
    async keep({ history = false } = {}) {
      if (!loaded) return 'unkept';
      // First the durable copy, while the stash still holds the article: a failure here loses nothing.
      if (history && loaded.from === 'stash' && places.history) await places.history.keep(id, loaded.raw).catch(() => {});
      if (loaded.from === 'own') return 'kept';
      try {
        places.own.setItem(key, JSON.stringify(loaded.raw));
      } catch {
        // Too long for this tab's own copy (QuotaExceededError): the stash stays while the tab is open.
        if (loaded.from === 'history') return 'kept'; // the history holds it for every reload
        return places.hold(id).then(
          () => 'held' as const,
          () => 'unkept' as const,
        );
      }
      if (loaded.from === 'stash') await places.release(id).catch(() => {}); // left behind, the next hand-over's sweep drops it
      return 'kept';
    },
  };
}
