/**
 * `npm run data:template -- YEAR [--data folder] [--out FILE.csv]`: writes the fill-in CSV of a new
 * survey (standard output, or FILE.csv), one row per region and indicator, every value unknown.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset, DataError } from '../data/validate.ts';
import { templateCsv } from '../data/template.ts';
import { fsReader } from './fsReader.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { data: { type: 'string', default: 'public/data' }, out: { type: 'string' } },
});
if (positionals.length !== 1 || !/^\d{4}$/.test(positionals[0]!)) {
  console.error('usage: npm run data:template -- YEAR [--data folder] [--out FILE.csv]');
  process.exit(2);
}
try {
  const csv = templateCsv(await readDataset(fsReader(resolve(values.data))), Number(positionals[0]));
  if (values.out) {
    await writeFile(values.out, csv);
    console.error(`wrote ${values.out}: ${csv.trimEnd().split('\r\n').length - 1} rows to fill in`);
  } else process.stdout.write(csv);
} catch (e) {
  console.error(`cannot write the template: ${e instanceof DataError ? e.message : (e as Error).message}`);
  process.exit(1);
}
