/**
 * Network loading: async functions that take an AbortSignal, validate what they receive, and
 * fail with a DataError naming the file. The IndexedDB cache (cache.ts) sits in front of these.
 */
import { DataError } from './validate';

/** Where the data live, relative to the app's base URL. */
export const DATA_DIR = 'data/';

/** True for errors caused by aborting, which callers ignore rather than show. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/**
 * Fetches one file's text. `file` names it in errors (e.g. `surveys/2024.json`).
 * @throws DataError for HTTP and network errors; AbortError when aborted.
 */
export async function fetchText(url: string, file: string, init: RequestInit = {}): Promise<string> {
  return responseText(fetch(url, init), file);
}

/**
 * The text of a response under way (a fetch made here, or one started early, see boot.ts).
 * @throws DataError for HTTP and network errors; AbortError when aborted.
 */
export async function responseText(response: Promise<Response>, file: string): Promise<string> {
  let res: Response;
  try {
    res = await response;
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new DataError(file, ['network error: the file could not be fetched']);
  }
  if (!res.ok) throw new DataError(file, [`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`]);
  return res.text();
}

/** Parses a file's text as JSON. @throws DataError naming the file. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DataError(file, ['not valid JSON']);
  }
}

/**
 * Fetches one JSON file.
 * @throws DataError for HTTP errors, network errors and malformed JSON; AbortError when aborted.
 */
export async function fetchJson(url: string, file: string, init: RequestInit = {}): Promise<unknown> {
  return parseJson(await fetchText(url, file, init), file);
}
