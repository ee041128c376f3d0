/**
 * Network loading: async functions that take an AbortSignal, validate what they receive, and
 * fail with a DataError naming the file. The IndexedDB cache (cache.ts) sits in front of these.
 */
import { DataError, readDataset, type ReadJson } from './validate';
import type { Dataset } from './schema';
import { parseTopology, type SwedenTopology } from '../geo/topology';

/** Where the data and geometry live, relative to the app's base URL. */
export const DATA_DIR = 'data/';
export const TOPOLOGY_PATH = 'geo/sweden.topo.json';

/** True for errors caused by aborting, which callers ignore rather than show. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/**
 * Fetches one JSON file. `file` names it in errors (e.g. `surveys/2024.json`).
 * @throws DataError for HTTP errors, network errors and malformed JSON; AbortError when aborted.
 */
export async function fetchJson(url: string, file: string, init: RequestInit = {}): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new DataError(file, ['network error: the file could not be fetched']);
  }
  if (!res.ok) throw new DataError(file, [`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`]);
  try {
    return (await res.json()) as unknown;
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new DataError(file, ['not valid JSON']);
  }
}

/** A ReadJson over HTTP, relative to `base` (which ends in a slash). */
export function httpReader(base: string, init: RequestInit = {}): ReadJson {
  return (path) => fetchJson(base + path, path, init);
}

/** Fetches and validates the whole dataset from the network. */
export function fetchDataset(base: string, init: RequestInit = {}): Promise<Dataset> {
  return readDataset(httpReader(base + DATA_DIR, init));
}

/** Fetches and validates the map topology. */
export async function fetchTopology(base: string, init: RequestInit = {}): Promise<SwedenTopology> {
  return parseTopology(await fetchJson(base + TOPOLOGY_PATH, TOPOLOGY_PATH, init));
}
