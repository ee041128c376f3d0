/** Reads data files from disk for the command-line tools and tests, with the app's error type. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, type ReadJson } from '../data/validate.ts';

/** A ReadJson over a folder on disk; a missing or malformed file becomes a DataError. */
export function fsReader(dir: string): ReadJson {
  return async (path) => {
    let text: string;
    try {
      text = await readFile(join(dir, path), 'utf8');
    } catch (e) {
      throw new DataError(path, [`cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new DataError(path, [`not valid JSON (${(e as Error).message})`]);
    }
  };
}
