/**
 * What the page starts before the rest of its code has run: the IndexedDB cache is opened and
 * the entry the first screen needs (the dataset) is asked for; on a first visit, the data files
 * themselves are requested. main.ts imports this
 * module first, so this runs as soon as the main chunk starts to evaluate, ahead of Svelte, the
 * schemas and the components, and IndexedDB works while the app mounts: on a returning visit the
 * entries are in hand once it has, instead of being asked for after it (~100 ms later on a busy
 * main thread). Only what is cheap and cannot fail belongs here: the cache never rejects, and
 * where the hint says an entry is absent (a first visit) it is not asked for.
 */
import { Cache, type CacheEntry } from './data/cache';
import { cacheHint, KEYS, readHinted } from './data/cacheHint';
import { DATA_DIR } from './data/load';
import listedFiles from 'virtual:data-files';

performance.mark('boot');

/** The cache, opening. */
export const cache: Promise<Cache> = Cache.open();

/** The read of the entry the first screen needs, under way (none where the hint says absent). */
export const prefetched: Partial<Record<string, Promise<CacheEntry | undefined>>> = {};
prefetched[KEYS.dataset] = readHinted(cache, KEYS.dataset);

/**
 * A first visit's data files (the hint says IndexedDB holds none), requested now, by path under
 * data/: index.json and every file it listed when the app was built (`virtual:data-files`), all
 * at once. They arrive while Svelte and the components are evaluated and mounted instead of being
 * asked for after that, so the map is coloured soon after the first text. DataSource checks,
 * validates and reports them like any fetch of its own; a file index.json no longer lists is
 * simply not used, one it lists anew is fetched there.
 */
export const requested = new Map<string, Promise<Response>>();
if (cacheHint.get(KEYS.dataset) === false)
  for (const file of ['index.json', ...listedFiles]) {
    const p = fetch(`${import.meta.env.BASE_URL}${DATA_DIR}${file}`);
    // Unhandled here (DataSource reports it, or asks again): no rejection left hanging.
    p.catch(() => undefined);
    requested.set(file, p);
  }
