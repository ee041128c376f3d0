/**
 * What the page starts before the rest of its code has run: the IndexedDB cache is opened and
 * the entry the first screen needs (the dataset) is asked for. main.ts imports this
 * module first, so this runs as soon as the main chunk starts to evaluate, ahead of Svelte, the
 * schemas and the components, and IndexedDB works while the app mounts: on a returning visit the
 * entries are in hand once it has, instead of being asked for after it (~100 ms later on a busy
 * main thread). Only what is cheap and cannot fail belongs here: the cache never rejects, and
 * where the hint says an entry is absent (a first visit) it is not asked for.
 */
import { Cache, type CacheEntry } from './lib/data/cache';
import { KEYS, readHinted } from './lib/data/cacheHint';

performance.mark('boot');

/** The cache, opening. */
export const cache: Promise<Cache> = Cache.open();

/** The read of the entry the first screen needs, under way (none where the hint says absent). */
export const prefetched: Partial<Record<string, Promise<CacheEntry | undefined>>> = {};
prefetched[KEYS.dataset] = readHinted(cache, KEYS.dataset);
