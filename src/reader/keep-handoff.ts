/**
 * Where a reader tab's article comes from and where it stays, so that no step loses it (issue 16): this tab's
 * own copy first (sessionStorage: survives a reload of this tab, about 5 M characters at most in Chrome and
 * Firefox), else the popup's stash in storage.session. The stash is let go only after the article was shown
 * and the own copy was written; when the copy does not fit, the tab holds the stash instead. Another place
 * (a durable copy for reading history) would be one more step in load() and keep().
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
}

/** The hand-over of reader tab `id` (the reader.html#<id> of its URL): load it, then keep it once shown. */
export interface HandoffKeeper {
  /** The raw hand-over (untrusted), or undefined when there is none. */
  load(): Promise<unknown>;
  /** Called once the article is on screen: keeps it for a reload and lets go of the stash if it can. */
  keep(): Promise<Kept>;
}

/** The keeper for reader tab `id` over `places`. */
export function handoffKeeper(id: string, places: HandoffPlaces): HandoffKeeper {
  const key = `jingyue:reader:${id}`;
  let loaded: { from: 'own' | 'stash'; raw: unknown } | null = null;
  return {
    async load() {
      const own = places.own.getItem(key);
      if (own !== null) {
        try {
          loaded = { from: 'own', raw: JSON.parse(own) };
          return loaded.raw;
        } catch {
          // a damaged copy: the stash may still be there
        }
      }
      if (!id) return undefined;
      const raw = await places.peek(id);
      loaded = raw === undefined ? null : { from: 'stash', raw };
      return raw;
    },
    async keep() {
      if (!loaded) return 'unkept';
      if (loaded.from === 'own') return 'kept';
      try {
        places.own.setItem(key, JSON.stringify(loaded.raw));
      } catch {
        // Too long for this tab's own copy (QuotaExceededError): the stash stays while the tab is open.
        return places.hold(id).then(() => 'held' as const, () => 'unkept' as const);
      }
      await places.release(id).catch(() => {}); // left behind, the next hand-over's sweep drops it
      return 'kept';
    },
  };
}
