/**
 * Network loading: async functions that take an AbortSignal, validate what they receive, and
 * fail with a DataError naming the file. The IndexedDB cache (cache.ts) sits in front of these.
 */
import { DataError } from './validate';

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
