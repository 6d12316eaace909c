/**
 * The Web Locks API's exclusive mode (navigator.locks.request(name, callback)), shared by every "page" a test
 * builds over one fake store, as one origin's LockManager is shared by all its extension pages.
 */

/** A LockManager whose locks are granted in request order, one holder per name at a time. */
export class FakeLocks {
  private readonly tails = new Map<string, Promise<unknown>>();
  /** How many requests were made (a test can check the lock was used at all). */
  requests = 0;
  request<T>(name: string, ...rest: unknown[]): Promise<T> {
    const callback = rest.at(-1) as (lock: { name: string; mode: 'exclusive' }) => T | Promise<T>;
    this.requests++;
    const granted = (this.tails.get(name) ?? Promise.resolve()).then(() => callback({ name, mode: 'exclusive' }));
    this.tails.set(
      name,
      granted.catch(() => {}),
    );
    return granted;
  }
}

/** Installs `locks` as navigator.locks (undefined: this "browser" has none); returns a function that undoes it. */
export function installLocks(locks: FakeLocks | undefined): () => void {
  const before = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
  Object.defineProperty(globalThis, 'navigator', { value: locks ? { locks } : {}, configurable: true, writable: true });
  return () => {
    if (before) Object.defineProperty(globalThis, 'navigator', before);
    else delete (globalThis as { navigator?: unknown }).navigator;
  };
}
