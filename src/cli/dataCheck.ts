/**
 * `npm run data:check [folder]`: validates every data file (default public/data) and prints a
 * summary; on bad data prints the file, the path to each bad value and what was expected, and
 * exits with status 1.
 */
import { resolve } from 'node:path';
import { readDataset, DataError } from '../data/validate';
import { tidyRows } from '../data/csv';
import { checkRules, RULES } from '../data/rules';
import { fsReader } from './fsReader';
import { spacedNumbers } from '../data/typography';

const dir = resolve(process.argv[2] ?? 'public/data');
try {
  const d = await readDataset(fsReader(dir));
  // The coding rulebook (public/data/README.md) across cells, answers and files.
  const breaches = checkRules(d);
  if (breaches.length) {
    console.error(`data check FAILED: the coding rulebook (public/data/README.md) is broken in ${dir}:`);
    for (const b of breaches) console.error(`  ${b}`);
    process.exit(1);
  }
  // Grouped numbers in the data's words keep together on screen ("1 500", never "1 / 500").
  const spaced = spacedNumbers(d, '');
  if (spaced.length) {
    console.error(`data check FAILED: grouped numbers with a plain space in ${dir}:`);
    for (const b of spaced) console.error(`  ${b}`);
    process.exit(1);
  }
  const rows = tidyRows(d);
  const count = (xs: string[]) =>
    Object.entries(xs.reduce<Record<string, number>>((m, x) => ((m[x] = (m[x] ?? 0) + 1), m), {}))
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  const out = [
    `data OK: ${dir}`,
    `  regions: ${d.regions.length}`,
    ...d.surveys.map(
      (s) =>
        `  survey ${s.year} (${s.publisher}, ${s.fieldwork.asGiven}): reported decided ${s.decidedCount.value}; ` +
        `decision ${count(s.answers.map((a) => a.decision.value))}; ` +
        `statuses ${count(s.answers.map((a) => a.decision.status))}`,
    ),
    `  named-doctor share ${d.namedGpShare.date}: ${d.namedGpShare.values.filter((x) => x.value !== null).length} values, ` +
      `${d.namedGpShare.values.filter((x) => x.value === null).length} not reported`,
    `  doctor gap ${d.doctorGap.year}: ${d.doctorGap.rows.filter((r) => r.status === 'reported').length} regions reported, ` +
      `national population ${d.doctorGap.national.population}`,
    `  tidy CSV: ${rows.length} rows; statuses ${count(rows.map((r) => r.status))}`,
    `  coding rules kept: ${RULES.map((r) => r.id).join(', ')}, and R1 and R5 in the schema`,
  ];
  console.log(out.join('\n'));
} catch (e) {
  if (e instanceof DataError) {
    console.error(`data check FAILED in ${e.file}:`);
    for (const p of e.problems) console.error(`  ${p}`);
    process.exit(1);
  }
  throw e;
}
