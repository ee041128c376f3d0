/**
 * What the page starts before the rest of its code has run: the IndexedDB cache is opened, the
 * entries the first screen needs (dataset, geometry) are asked for, and, on a returning visit to
 * the map, MapLibre's worker is started. main.ts imports this module first, so this runs as soon
 * as the main chunk starts to evaluate, ahead of Svelte, the schemas and the components, and
 * IndexedDB works while the app mounts: on a returning visit the entries are in hand once it
 * has, instead of being asked for after it (~100 ms later on a busy main thread). Only what is
 * cheap and cannot fail belongs here: the cache never rejects, where the hint says an entry is
 * absent (a first visit) it is not asked for, and a worker that cannot start is left to MapLibre.
 */
import { Cache, type CacheEntry } from './lib/data/cache';
import { cacheHint, KEYS, readHinted } from './lib/data/cacheHint';
import { startMapWorker } from './lib/map/earlyWorker';
import { parseView } from './lib/state/url';

performance.mark('boot');

/** The cache, opening. */
export const cache: Promise<Cache> = Cache.open();

/** Reads of the entries the first screen needs, under way (none where the hint says absent). */
export const prefetched: Partial<Record<string, Promise<CacheEntry | undefined>>> = {};
for (const key of [KEYS.dataset, KEYS.topology]) prefetched[key] = readHinted(cache, key);

// MapLibre's worker, on a returning visit to the map (see earlyWorker.ts). On a first visit its
// script would take bandwidth from the text's data and CPU from the first paint (Lighthouse
// performance fell from 98–99 to 95–96); MapLibre starts it when the map module runs.
const opening = parseView(location.search);
if ((opening.view === 'map' || opening.embed) && cacheHint.get(KEYS.topology) === true) startMapWorker();
