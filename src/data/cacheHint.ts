/**
 * The cache's entry names, and a synchronous hint of which ones IndexedDB holds. Kept apart from
 * source.ts (and its schemas) so that the first code the page runs can use them (see boot.ts).
 */
import type { Cache, CacheEntry } from './cache';

export const KEYS = {
  dataset: 'dataset',
  visit: 'last-visit',
} as const;

/**
 * A synchronous hint, in localStorage, that IndexedDB holds a copy of an entry. Opening
 * IndexedDB on a first visit takes ~100 ms; with the hint absent, a first visit goes to the
 * network at once instead of waiting to learn that the cache is empty. Where localStorage is
 * unavailable the hint is unknown (null) and the cache is always asked first.
 */
export const cacheHint = {
  key: (entry: string) => `fast-lakarkontakt:cached:${entry}`,
  get(entry: string): boolean | null {
    try {
      return globalThis.localStorage ? localStorage.getItem(this.key(entry)) === '1' : null;
    } catch {
      return null;
    }
  },
  set(entry: string, present: boolean): void {
    try {
      if (present) localStorage.setItem(this.key(entry), '1');
      else localStorage.removeItem(this.key(entry));
    } catch {
      /* private mode or no storage: the hint stays unknown */
    }
  },
};

/**
 * Reads an entry from the cache, unless the hint says IndexedDB holds no copy of it: then nothing,
 * at once, without waiting for the database to open.
 */
export function readHinted<T>(cache: Promise<Cache>, key: string): Promise<CacheEntry<T> | undefined> {
  return cacheHint.get(key) === false ? Promise.resolve(undefined) : cache.then((c) => c.get<T>(key));
}
