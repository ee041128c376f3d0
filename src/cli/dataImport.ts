/**
 * `npm run data:import -- FILE.csv [--data folder]`: reads a tidy CSV (the header `npm run
 * data:csv` prints; as a spreadsheet saves it is fine) into the data files (default public/data).
 * Prints every error, with its row and column, and writes nothing when there is one; else
 * replaces the files at once and says which changed.
 */
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importCsv } from '../data/import.ts';
import { DataError } from '../data/validate.ts';
import { readDataFiles, replaceDataDir } from './dataDir.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: 'public/data' } },
});
if (positionals.length !== 1) {
  console.error('usage: npm run data:import -- FILE.csv [--data folder]');
  process.exit(2);
}
const csvPath = resolve(positionals[0]!);
const dir = resolve(values.data);
let text: string;
try {
  text = await readFile(csvPath, 'utf8');
} catch (e) {
  console.error(`cannot read ${csvPath} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  process.exit(1);
}
let base;
try {
  base = await readDataFiles(dir);
} catch (e) {
  console.error(`cannot read the data folder ${dir}: ${(e as Error).message}`);
  process.exit(1);
}
let result;
try {
  result = await importCsv(text, basename(csvPath), base.files);
} catch (e) {
  if (!(e instanceof DataError)) throw e;
  console.error(
    `the data folder ${dir} does not validate as it is (npm run data:check says more): ${e.message}`,
  );
  process.exit(1);
}
for (const n of result.notices) console.log(`note: ${n}`);
if (result.errors.length) {
  console.error(`data import FAILED: ${result.errors.length} error(s); nothing was written to ${dir}`);
  for (const e of result.errors) console.error(`  ${e}`);
  process.exit(1);
}
const changed = [...result.files].filter(([p, t]) => base.texts.get(p) !== t);
if (!changed.length) {
  console.log(`data import OK: ${dir} already holds exactly this; nothing changed`);
  process.exit(0);
}
await replaceDataDir(dir, new Map(changed));
console.log(
  `data import OK: ${changed.length} file(s) written in ${dir}: ${changed.map(([p]) => p).join(', ')}`,
);
console.log('next: npm run data:check, then npm run build && npm run preview to see it');
