/**
 * The import as the people who keep the data run it: the command, a scratch copy of the data
 * folder, a CSV. A bad CSV writes nothing; a good one replaces the files at once.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_HEADER, datasetCsv, toCsv, type CsvRow } from '../../../src/data/csv';
import { DATA_DIR, loadDataset, parseCsv } from '../helpers';

const run = promisify(execFile);
const TSX = 'node_modules/.bin/tsx';

let tmp: string;
let data: string;
beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'data-import-'));
  data = join(tmp, 'data');
  await cp(DATA_DIR, data, { recursive: true });
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Every file under a folder with its bytes and modification time. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = join(e.parentPath, e.name);
    out.set(relative(dir, p), `${(await stat(p)).mtimeMs} ${await readFile(p, 'utf8')}`);
  }
  return out;
}

async function importFile(csv: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = join(tmp, 'in.csv');
  await writeFile(file, csv);
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/dataImport.ts', file, '--data', data]);
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('npm run data:import', { timeout: 30_000 }, () => {
  it('a broken CSV (bad status, unknown region, non-numeric share, duplicate row): every error with its row, nothing written', async () => {
    const recs = parseCsv(datasetCsv(await loadDataset()));
    const at = (code: string, indicator: string, period: string) =>
      recs.findIndex((r) => r[0] === code && r[2] === indicator && r[3] === period);
    const status = at('SE-K', 'decision', '2024');
    recs[status]![5] = 'reportd';
    const region = at('SE-AB', 'decision', '2023');
    recs[region]![0] = 'SE-XB';
    const share = at('SE-O', 'named_gp_share_pct', '2023-12-31');
    recs[share]![4] = 'nittiofem';
    const twin = at('SE-I', 'decision', '2024');
    recs.push([...recs[twin]!]);
    const csv = toCsv(
      recs.slice(1).map((r) => Object.fromEntries(CSV_HEADER.map((k, i) => [k, r[i]!])) as CsvRow),
    );
    const before = await snapshot(tmp);
    const { code, stderr } = await importFile(csv);
    expect(code).toBe(1);
    // Spreadsheet rows: the header is row 1, so record i is row i + 1.
    const row = (i: number) => i + 1;
    expect(stderr.split('\n').filter(Boolean)).toEqual([
      `data import FAILED: 4 error(s); nothing was written to ${data}`,
      `  in.csv, row ${row(region)}, region_code: "SE-XB" is not one of the 21 region codes (or SE for the nation); did you mean "SE-AB" (Stockholm)?`,
      `  in.csv, row ${row(status)}, status: "reportd" is not one of reported, not_reported, not_legible, inferred; did you mean "reported"?`,
      `  in.csv, row ${row(share)}, value: "nittiofem" is not a number (leave it empty for an unknown)`,
      `  in.csv, row ${recs.length}, (row): a second row for SE-I decision 2024; row ${row(twin)} has it`,
    ]);
    // Not a byte, not a temporary folder left behind.
    await rm(join(tmp, 'in.csv'));
    expect(await snapshot(tmp)).toEqual(before);
  });

  it('a good CSV replaces the files at once and leaves no temporary folder', async () => {
    const { code, stdout } = await importFile(await readFile('test/fixtures/data/survey-2026.csv', 'utf8'));
    expect(code).toBe(0);
    expect(stdout).toContain(
      `data import OK: 3 file(s) written in ${data}: index.json, context.json, surveys/2026.json`,
    );
    expect((await readdir(tmp)).sort()).toEqual(['data', 'in.csv']);
    expect(await readFile(join(data, 'README.md'), 'utf8')).toBe(
      await readFile(join(DATA_DIR, 'README.md'), 'utf8'),
    );
    const { stdout: check } = await run(TSX, ['src/cli/dataCheck.ts', data]);
    expect(check).toContain('survey 2026 (Sveriges läkarförbund, mars–april 2026): reported decided 7');
  });
});
