import { readFileSync } from 'node:fs';
import { mkdtemp, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER, datasetCsv, toCsv, type CsvRow } from '../../../src/data/csv';
import { importCsv, readNumber, resolveSource, type DataFiles } from '../../../src/data/import';
import { readDataset } from '../../../src/data/validate';
import { contentManifest } from '../../../src/build/dataPlugin';
import type { Dataset, Source } from '../../../src/data/schema';
import { DATA_DIR, loadDataset, parseCsv, rawFiles } from '../helpers';

const FIXTURES = 'test/fixtures/data';

let d: Dataset;
let base: DataFiles;
/** Every data file's text as on disk. */
let disk: Map<string, string>;
let csv: string;
beforeAll(async () => {
  d = await loadDataset();
  base = await rawFiles();
  disk = new Map([...base.keys()].map((p) => [p, readFileSync(join(DATA_DIR, p), 'utf8')]));
  csv = datasetCsv(d);
});

/** The rows of a CSV as records (header first), to edit in a test. */
const records = (text: string) => parseCsv(text);
const write = (recs: string[][]) =>
  toCsv(recs.slice(1).map((r) => Object.fromEntries(CSV_HEADER.map((k, i) => [k, r[i]!])) as CsvRow));
/** The spreadsheet row (header = 1) of the first record matching. */
const rowOf = (recs: string[][], code: string, indicator: string, period: string) =>
  recs.findIndex((r) => r[0] === code && r[2] === indicator && r[3] === period) + 1;

/** A CSV as Swedish Excel saves it: BOM, `;`, CRLF between rows, LF inside a cell, quotes only where needed. */
function asExcelSaves(text: string): string {
  const field = (x: string) => (/[;"\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  return (
    '\ufeff' +
    records(text)
      .map((r) => r.map((x) => field(x.replace(/\r\n/g, '\n'))).join(';') + '\r\n')
      .join('')
  );
}

/** The files an import changed, against the disk. */
const changed = (files: Map<string, string>) =>
  [...files].filter(([p, t]) => disk.get(p) !== t).map(([p]) => p);

describe('data:import round trip', () => {
  it('data:csv then data:import rewrites every data file byte for byte', async () => {
    const r = await importCsv(csv, 'dataset.csv', base);
    expect(r.errors).toEqual([]);
    expect([...r.files.keys()].sort()).toEqual([...disk.keys()].sort());
    for (const [p, text] of r.files) expect(text, p).toBe(disk.get(p));
  });

  it('the same CSV opened and saved by a spreadsheet (BOM, semicolons, CRLF) imports to the same data', async () => {
    const excel = asExcelSaves(csv);
    expect(excel.startsWith('\ufeffregion_code;region_name;')).toBe(true);
    const r = await importCsv(excel, 'saved.csv', base);
    expect(r.errors).toEqual([]);
    expect(changed(r.files)).toEqual([]);
  });

  it('the committed Swedish-Excel file of the 2024 survey imports to the same data', async () => {
    const text = readFileSync(join(FIXTURES, 'excel-sv-2024.csv'), 'utf8');
    // What makes it a spreadsheet's file, so the test is about what it says it is.
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.split('\r\n')[0]).toBe('\ufeff' + CSV_HEADER.join(';'));
    expect(text).toMatch(/;"[^"]*\n[^"]*"/); // a quoted cell with a line break (an answer text)
    const r = await importCsv(text, 'excel-sv-2024.csv', base);
    expect(r.errors).toEqual([]);
    expect(changed(r.files)).toEqual([]);
    expect(r.notices.join('\n')).toContain('the surveys 2022, 2023, 2025');
  });
});

describe('a deliberately broken CSV', () => {
  it('names every error with its row and column, and gives no files', async () => {
    const recs = records(csv);
    const statusRow = rowOf(recs, 'SE-K', 'decision', '2024');
    recs[statusRow - 1]![5] = 'reportd';
    const regionRow = rowOf(recs, 'SE-AB', 'decision', '2023');
    recs[regionRow - 1]![0] = 'SE-AX';
    recs[regionRow - 1]![1] = 'Stokholm';
    const shareRow = rowOf(recs, 'SE-O', 'named_gp_share_pct', '2023-12-31');
    recs[shareRow - 1]![4] = 'sextio';
    const twin = rowOf(recs, 'SE-I', 'decision', '2023');
    recs.push([...recs[twin - 1]!]);
    const r = await importCsv(write(recs), 'broken.csv', base);
    expect(r.files.size).toBe(0);
    expect(r.errors).toEqual([
      `broken.csv, row ${regionRow}, region_code: "SE-AX" is not one of the 21 region codes (or SE for the nation); did you mean "SE-AB" (Stockholm)?`,
      `broken.csv, row ${statusRow}, status: "reportd" is not one of reported, not_reported, not_legible, inferred; did you mean "reported"?`,
      `broken.csv, row ${shareRow}, value: "sextio" is not a number (leave it empty for an unknown)`,
      `broken.csv, row ${recs.length}, (row): a second row for SE-I decision 2023; row ${twin} has it`,
    ]);
  });

  it('suggests the nearest indicator, value and region name', async () => {
    const recs = records(csv);
    const a = rowOf(recs, 'SE-D', 'decision', '2023');
    recs[a - 1]![2] = 'decison';
    const b = rowOf(recs, 'SE-D', 'action_plan', '2024');
    recs[b - 1]![4] = 'politcal';
    const c = rowOf(recs, 'SE-W', 'decision', '2024');
    recs[c - 1]![1] = 'Gävleborg';
    const r = await importCsv(write(recs), 'x.csv', base);
    expect(r.errors).toEqual([
      expect.stringMatching(
        new RegExp(`^x.csv, row ${a}, indicator: "decison" is not one of .*; did you mean "decision"\\?$`),
      ),
      expect.stringMatching(
        new RegExp(`^x.csv, row ${b}, value: "politcal" is not one of .*; did you mean "political"\\?$`),
      ),
      `x.csv, row ${c}, region_name: "Gävleborg" is not the name of SE-W, which is "Dalarna"; "Gävleborg" is the name of SE-X`,
    ]);
  });

  it('checks each cell against the app schema, naming the row', async () => {
    const recs = records(csv);
    const inferred = rowOf(recs, 'SE-D', 'decision', '2025');
    recs[inferred - 1]![6] = '';
    const r = await importCsv(write(recs), 'x.csv', base);
    expect(r.files.size).toBe(0);
    expect(r.errors).toEqual([`x.csv, row ${inferred}, note: an inferred value needs a note saying why`]);
  });

  it('checks the whole against the coding rulebook, naming the row', async () => {
    const recs = records(csv);
    // A goal year beside "no plan" (rule R8).
    recs[rowOf(recs, 'SE-I', 'action_plan', '2025') - 1]![4] = 'none';
    const r = await importCsv(write(recs), 'x.csv', base);
    expect(r.files.size).toBe(0);
    const goal = rowOf(recs, 'SE-I', 'plan_goal_year', '2025');
    expect(r.errors).toEqual([
      `x.csv: R8: surveys/2025.json SE-I planGoalYear: a goal year beside "no plan" (R8: a target year, if anything) (row ${goal})`,
    ]);
  });

  it('says what the header should be', async () => {
    const r = await importCsv('code,name\r\nSE-AB,Stockholm\r\n', 'x.csv', base);
    expect(r.errors).toEqual([
      'x.csv, row 1: expected the header region_code,region_name,indicator,period,value,status,note,source (as npm run data:csv prints it), got code,name',
    ]);
  });

  it('a share of more than 100 and a decided count that is not a whole number are the schema’s errors', async () => {
    const recs = records(csv);
    const share = rowOf(recs, 'SE-O', 'named_gp_share_pct', '2023-12-31');
    recs[share - 1]![4] = '101';
    const count = rowOf(recs, 'SE', 'decided_count', '2024');
    recs[count - 1]![4] = '10,5';
    const r = await importCsv(write(recs), 'x.csv', base);
    expect(r.errors).toEqual([
      expect.stringMatching(new RegExp(`^x.csv, row ${count}, value: .*integer`)),
      `x.csv, row ${share}, value: a share is at most 100, got 101`,
    ]);
  });
});

describe('spreadsheet numbers', () => {
  it.each([
    ['67', 67],
    ['67,5', 67.5],
    ['67.5', 67.5],
    ['10 319 473', 10319473],
    ['10\u00a0319\u00a0473', 10319473],
    ['-3', -3],
    ['sextio', undefined],
    ['1,2,3', undefined],
    ['', undefined],
  ])('%j → %j', (s, n) => expect(readNumber(s)).toBe(n));

  it('a decimal comma is read where a number is expected', async () => {
    const recs = records(csv);
    const share = rowOf(recs, 'SE-AB', 'named_gp_share_pct', '2023-12-31');
    recs[share - 1]![4] = '67,5';
    const r = await importCsv(asExcelSaves(write(recs)), 'x.csv', base);
    expect(r.errors).toEqual([]);
    expect(changed(r.files)).toEqual(['named-gp-share.json']);
    const values = (
      JSON.parse(r.files.get('named-gp-share.json')!) as { values: { region: string; value: number }[] }
    ).values;
    expect(values.find((v) => v.region === 'SE-AB')!.value).toBe(67.5);
  });
});

describe('corrections keep history', () => {
  it('fixing one past value changes only that value, and the content manifest’s version', async () => {
    const recs = records(csv);
    const kalmar = rowOf(recs, 'SE-H', 'other_target', '2023');
    expect(recs[kalmar - 1]![4]).toBe('1750');
    recs[kalmar - 1]![4] = '1700';
    const r = await importCsv(write(recs), 'fix.csv', base);
    expect(r.errors).toEqual([]);
    expect(changed(r.files)).toEqual(['surveys/2023.json']);
    // The one value, and nothing else in the file (its note and source words stay).
    const before = JSON.parse(disk.get('surveys/2023.json')!) as { answers: Record<string, unknown>[] };
    const after = JSON.parse(r.files.get('surveys/2023.json')!) as typeof before;
    const h = after.answers.find((a) => a.region === 'SE-H')! as { otherTarget: { value: number } };
    expect(h.otherTarget.value).toBe(1700);
    h.otherTarget.value = 1750;
    expect(after).toEqual(before);
    const lines = (t: string) => t.split('\n');
    const diff = lines(r.files.get('surveys/2023.json')!).filter(
      (l, i) => l !== lines(disk.get('surveys/2023.json')!)[i],
    );
    expect(diff).toEqual(['        "value": 1700,']);

    // Readers' caches refresh: the build's content manifest has a new version.
    const tmp = await mkdtemp(join(tmpdir(), 'import-manifest-'));
    try {
      await cp(DATA_DIR, join(tmp, 'data'), { recursive: true });
      await mkdir(join(tmp, 'geo'));
      const was = await contentManifest(tmp);
      await writeFile(join(tmp, 'data', 'surveys/2023.json'), r.files.get('surveys/2023.json')!);
      const now = await contentManifest(tmp);
      expect(now.version).not.toBe(was.version);
      const differs = Object.keys(now.files).filter((f) => now.files[f] !== was.files[f]);
      expect(differs).toEqual(['data/surveys/2023.json']);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('a changed note keeps the source’s words, and its English is flagged until translated', async () => {
    const recs = records(csv);
    const row = rowOf(recs, 'SE-D', 'decision', '2023');
    expect(recs[row - 1]![6]).toBe('I källan: "NEJ, 1\u00a0500".');
    // Typed with a plain space, as a spreadsheet's keyboard does: stored with the rulebook's no-break space.
    recs[row - 1]![6] = 'I källan: "NEJ, 1 500". Rättad enligt rapportens tabell.';
    const r = await importCsv(write(recs), 'fix.csv', base);
    expect(r.errors).toEqual([]);
    const s = JSON.parse(r.files.get('surveys/2023.json')!) as {
      answers: Record<string, Record<string, unknown>>[];
    };
    expect(s.answers.find((a) => (a.region as unknown) === 'SE-D')!.decision).toMatchObject({
      value: 'no',
      asGiven: 'NEJ, 1\u00a0500',
      note: { sv: 'Rättad enligt rapportens tabell.', en: 'Rättad enligt rapportens tabell.' },
    });
    expect(r.notices.some((n) => n.includes(`row ${row}`) && n.includes('note.en'))).toBe(true);
  });
});

describe('a new year is data', () => {
  it('the 2026 fixture (all 21 regions, some unknown) adds a survey, its report, and nothing else changes', async () => {
    const r = await importCsv(
      readFileSync(join(FIXTURES, 'survey-2026.csv'), 'utf8'),
      'survey-2026.csv',
      base,
    );
    expect(r.errors).toEqual([]);
    expect(changed(r.files).sort()).toEqual(['context.json', 'index.json', 'surveys/2026.json']);
    const next = await readDataset(async (p) => JSON.parse(r.files.get(p)!) as unknown);
    expect(next.surveys.map((s) => s.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    const s = next.surveys.at(-1)!;
    expect(s.answers).toHaveLength(21);
    expect(s.answers.filter((a) => a.decision.value === 'unknown').length).toBeGreaterThan(0);
    expect(s.source.doc).toBe('lf2026');
    expect(s.fieldwork).toEqual({ from: '2026-03', to: '2026-04', asGiven: 'mars–april 2026' });
    // Template rows left as they were are the report's silence: left out, as the files write it.
    expect(s.answers.find((a) => a.region === 'SE-F')).toEqual({
      region: 'SE-F',
      decision: { value: 'unknown', status: 'not_reported' },
    });
    // data:csv of the result, imported again, changes nothing.
    const parsed = new Map([...r.files].map(([p, t]) => [p, JSON.parse(t) as unknown]));
    const again = await importCsv(datasetCsv(next), 'again.csv', parsed);
    expect(again.errors).toEqual([]);
    for (const [p, t] of again.files) expect(t, p).toBe(r.files.get(p));
  });

  it('a new survey needs its fieldwork, its count and a decision row per region', async () => {
    const recs = records(readFileSync(join(FIXTURES, 'survey-2026.csv'), 'utf8'));
    const without = recs.filter((r) => !(r[2] === 'fieldwork' || (r[0] === 'SE-W' && r[2] === 'decision')));
    const r = await importCsv(write(without), 'x.csv', base);
    expect(r.errors).toEqual([
      'x.csv: survey 2026 has no fieldwork row (SE,Sverige,fieldwork,2026); every survey in the CSV needs one',
    ]);
    const noW = recs.filter((r) => !(r[0] === 'SE-W' && r[2] === 'decision'));
    const r2 = await importCsv(write(noW), 'x.csv', base);
    expect(r2.errors).toEqual([
      'x.csv: survey 2026 has no decision row for SE-W (Dalarna); every region needs one (unknown,not_reported where the report says nothing)',
    ]);
  });
});

describe('citations', () => {
  const sources = (): Source[] => [
    { id: 'lf2025', publisher: 'Sveriges läkarförbund', title: 'Kartläggning', date: 'augusti 2025' },
  ];

  it('reads data:csv’s form, the short form and a new report', () => {
    const s = sources();
    const notices: string[] = [];
    expect(
      resolveSource('Sveriges läkarförbund, "Kartläggning" (augusti 2025), Tabell, rad 3', s, notices),
    ).toEqual({
      doc: 'lf2025',
      part: 'Tabell, rad 3',
    });
    expect(resolveSource('lf2025, Bilaga 1', s, notices)).toEqual({ doc: 'lf2025', part: 'Bilaga 1' });
    expect(resolveSource('Sveriges läkarförbund, "Ny rapport" (mars 2026), Tabell', s, notices)).toEqual({
      doc: 'lf2026',
      part: 'Tabell',
    });
    expect(s.at(-1)).toEqual({
      id: 'lf2026',
      publisher: 'Sveriges läkarförbund',
      title: 'Ny rapport',
      date: 'mars 2026',
    });
    expect(resolveSource('Dagens Medicin, "Enkät" (maj 2026), s. 4', s, notices)).toEqual({
      doc: 'dm2026',
      part: 's. 4',
    });
    expect(resolveSource('någon rapport', s, notices)).toBeUndefined();
  });
});

describe('spreadsheet formulas (OWASP CSV injection)', () => {
  it('a cell that starts like a formula is written neutralised and read back unchanged', async () => {
    const recs = records(csv);
    const note = rowOf(recs, 'SE-D', 'decision', '2023');
    recs[note - 1]![6] = '=HYPERLINK("http://evil.example","klicka")';
    // Answer texts (the regions' own words) that start as a spreadsheet's formula would.
    const formulas = ['=1+1', '+46812345', '-för kommentar', '@SUM(A1)', '\tindrag', "'=redan citerad"];
    const texts = recs.filter((r) => r[2] === 'answer_text' && r[3] === '2024').slice(0, formulas.length);
    texts.forEach((r, i) => (r[4] = `${formulas[i]}\nmer text`));
    const first = await importCsv(write(recs), 'x.csv', base);
    expect(first.errors).toEqual([]);
    const next = await readDataset(async (p) => JSON.parse(first.files.get(p)!) as unknown);
    const y2024 = next.surveys.find((s) => s.year === 2024)!;
    expect(texts.map((r) => y2024.answers.find((a) => a.region === r[0])!.answerText!.paragraphs[0])).toEqual(
      formulas,
    );

    // The published CSV: no field starts a formula...
    const published = datasetCsv(next);
    const fields = records(published).flat();
    expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f))).toEqual([]);
    expect(fields).toContain(`'=HYPERLINK("http://evil.example","klicka")`);
    for (const f of formulas) expect(fields).toContain(`'${f}\nmer text`);
    // ...and it imports back to exactly the same files, also as a spreadsheet saves it.
    const parsed = new Map([...first.files].map(([p, t]) => [p, JSON.parse(t) as unknown]));
    for (const again of [published, asExcelSaves(published)]) {
      const r = await importCsv(again, 'again.csv', parsed);
      expect(r.errors).toEqual([]);
      for (const [p, t] of r.files) expect(t, p).toBe(first.files.get(p));
    }
  });
});
