/** `npm run data:csv [folder]`: prints the tidy CSV of the data files to standard output. */
import { resolve } from 'node:path';
import { readDataset, DataError } from '../data/validate';
import { datasetCsv } from '../data/csv';
import { fsReader } from './fsReader';

// `npm run data:csv | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
try {
  process.stdout.write(datasetCsv(await readDataset(fsReader(resolve(process.argv[2] ?? 'public/data')))));
} catch (e) {
  if (e instanceof DataError) {
    console.error(`cannot build the CSV: ${e.message}`);
    process.exit(1);
  }
  throw e;
}
