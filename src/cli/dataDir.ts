/** Reading a data folder's files and replacing them all at once, for the import. */
import { cp, mkdtemp, readFile, rename, rm, writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DataFiles } from '../data/import.ts';

/**
 * index.json and every file it lists: parsed, as importCsv takes them, and their text as on disk
 * (to tell which files an import changes).
 */
export async function readDataFiles(dir: string): Promise<{ files: DataFiles; texts: Map<string, string> }> {
  const texts = new Map<string, string>();
  const read = async (p: string) => {
    const text = await readFile(join(dir, p), 'utf8');
    texts.set(p, text);
    return JSON.parse(text) as unknown;
  };
  const index = (await read('index.json')) as Record<string, string | string[]>;
  const files: DataFiles = new Map([['index.json', index]]);
  for (const p of Object.values(index).flat()) files.set(p, await read(p));
  return { files, texts };
}

/**
 * Replaces the folder with a copy of it in which `files` are written: the copy is made and
 * written beside it first, then swapped in by renaming, so a failure on the way (a full disk, a
 * killed process) leaves the folder as it was, never half-written.
 */
export async function replaceDataDir(dir: string, files: Map<string, string>): Promise<void> {
  const parent = dirname(dir);
  const next = await mkdtemp(join(parent, `.${basename(dir)}-import-`));
  try {
    await cp(dir, next, { recursive: true });
    for (const [p, text] of files) {
      await mkdir(dirname(join(next, p)), { recursive: true });
      await writeFile(join(next, p), text);
    }
  } catch (e) {
    await rm(next, { recursive: true, force: true });
    throw e;
  }
  const old = `${next}-old`;
  await rename(dir, old);
  await rename(next, dir);
  await rm(old, { recursive: true, force: true });
}
