import { beforeAll, describe, expect, it } from 'vitest';
import {
  NONE,
  CSV_HEADER,
  csvField,
  datasetCsv,
  neutralise,
  unneutralise,
  tidyRows,
  toCsv,
  toCsvLines,
  type CsvRow,
} from '../../../src/data/csv';
import { ACTION_PLANS, DECISIONS, REGION_CODES, STATUSES, type Dataset } from '../../../src/data/schema';
import { loadDataset, parseCsv } from '../helpers';

const INDICATORS = [
  'decision',
  'other_target',
  'action_plan',
  'plan_goal_year',
  'target_year',
  'answer_text',
  'named_gp_share_pct',
  'population',
  'doctors',
  'inhabitants_per_doctor',
  'doctors_needed',
  'increase_needed_pct',
  'decided_count',
  'fieldwork',
];
const NUMERIC = new Set([
  'other_target',
  'plan_goal_year',
  'target_year',
  'named_gp_share_pct',
  'population',
  'doctors',
  'inhabitants_per_doctor',
  'doctors_needed',
  'increase_needed_pct',
  'decided_count',
]);
const GAP = ['population', 'doctors', 'inhabitants_per_doctor', 'doctors_needed', 'increase_needed_pct'];

let d: Dataset;
let csv: string;
let records: string[][];
let rows: CsvRow[];
beforeAll(async () => {
  d = await loadDataset();
  csv = datasetCsv(d);
  records = parseCsv(csv);
  rows = records.slice(1).map((r) => Object.fromEntries(CSV_HEADER.map((k, i) => [k, r[i]!])) as CsvRow);
});

const find = (code: string, indicator: string, period: string) =>
  rows.filter((r) => r.region_code === code && r.indicator === indicator && r.period === period);

describe('the dataset CSV', () => {
  it('starts with exactly the documented header', () => {
    expect(csv.split('\r\n')[0]).toBe('region_code,region_name,indicator,period,value,status,note,source');
    expect(records[0]).toEqual([...CSV_HEADER]);
  });

  it('parses as RFC 4180 with 8 fields in every record, CRLF line ends', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    for (const r of records) expect(r).toHaveLength(8);
    expect(records.length - 1).toBe(tidyRows(d).length);
  });

  it('parses back to exactly the tidy rows (quoting round-trips)', () => {
    expect(rows).toEqual(tidyRows(d));
    // The round trip is not vacuous: some fields need quoting.
    expect(rows.some((r) => r.value.includes('\n'))).toBe(true);
    expect(rows.some((r) => r.source.includes('"') && r.source.includes(','))).toBe(true);
  });

  it('every status is one of the four', () => {
    for (const r of rows) expect(STATUSES).toContain(r.status);
  });

  it('indicators are exactly the documented set', () => {
    expect(new Set(rows.map((r) => r.indicator))).toEqual(new Set(INDICATORS));
  });

  it('decision and action plan values are from their sets', () => {
    for (const r of rows.filter((x) => x.indicator === 'decision')) expect(DECISIONS).toContain(r.value);
    for (const r of rows.filter((x) => x.indicator === 'action_plan'))
      expect(ACTION_PLANS).toContain(r.value);
  });

  it('numbers are plain digits (no spaces, no separators); unknown numbers are empty, a known none "none"', () => {
    for (const r of rows.filter((x) => NUMERIC.has(x.indicator))) {
      if (r.value === NONE) {
        // A known "none" (a plan with no dated goal, no other target), never for an unknown.
        expect(['plan_goal_year', 'target_year', 'other_target']).toContain(r.indicator);
        expect(['reported', 'inferred']).toContain(r.status);
      } else if (r.value === '') expect(['not_reported', 'not_legible']).toContain(r.status);
      else expect(r.value, JSON.stringify(r)).toMatch(/^\d+$/);
    }
    // Kronoberg's 2025 plan "saknar tidsatta mål": known, and written so.
    expect(find('SE-G', 'plan_goal_year', '2025')[0]).toMatchObject({ value: NONE, status: 'reported' });
    expect(find('SE', 'population', '2019')[0]!.value).toBe('10319473');
  });

  it('national rows have region_code SE, all others a region code and its name', () => {
    const names = new Map(d.regions.map((r) => [r.code as string, r.name]));
    for (const r of rows) {
      if (r.region_code === 'SE') {
        expect(r.region_name).toBe('Sverige');
        expect(['fieldwork', 'decided_count', ...GAP]).toContain(r.indicator);
      } else {
        expect(REGION_CODES).toContain(r.region_code);
        expect(r.region_name).toBe(names.get(r.region_code));
      }
    }
    expect(rows.filter((r) => r.region_code === 'SE')).toHaveLength(2 * d.surveys.length + GAP.length);
  });

  it('periods: survey years for answers, 2023-12-31 for the share, 2019 for the gap', () => {
    const years = d.surveys.map((s) => String(s.year));
    for (const r of rows) {
      if (r.indicator === 'named_gp_share_pct') expect(r.period).toBe('2023-12-31');
      else if (GAP.includes(r.indicator)) expect(r.period).toBe('2019');
      else expect(years).toContain(r.period);
    }
    expect(new Set(rows.map((r) => r.period))).toEqual(
      new Set(['2022', '2023', '2024', '2025', '2023-12-31', '2019']),
    );
  });

  it("each survey's fieldwork: its months, the report's words, the survey's own source", () => {
    const fw = rows.filter((r) => r.indicator === 'fieldwork');
    expect(fw.map((r) => [r.period, r.value, r.note])).toEqual([
      ['2022', '2022-09/2022-09', 'september 2022'],
      ['2023', '2023-02/2023-02', 'februari 2023'],
      ['2024', '2024-02/2024-04', 'mars/april 2024'],
      ['2025', '2025-08/2025-09', 'augusti–september 2025'],
    ]);
    expect(fw[3]!.source).toMatch(/\(augusti–september 2025\), Tabell$/);
  });

  it('decided counts are 2, 3, 10, 13', () => {
    const dc = rows.filter((r) => r.indicator === 'decided_count');
    expect(dc.map((r) => [r.period, r.value])).toEqual([
      ['2022', '2'],
      ['2023', '3'],
      ['2024', '10'],
      ['2025', '13'],
    ]);
  });

  it('has one share row per region, five not reported with the footnote', () => {
    const share = rows.filter((r) => r.indicator === 'named_gp_share_pct');
    expect(share).toHaveLength(21);
    const nr = share.filter((r) => r.status === 'not_reported');
    expect(nr.map((r) => r.region_code).sort()).toEqual(['SE-AC', 'SE-BD', 'SE-F', 'SE-S', 'SE-Z']);
    for (const r of nr) {
      expect(r.value).toBe('');
      expect(r.note).toMatch(/^Fem regioner/);
    }
    expect(share.find((r) => r.region_code === 'SE-O')!.value).toBe('95');
  });

  it('Gotland has a population row and four not reported gap rows with the note', () => {
    const g = rows.filter((r) => r.region_code === 'SE-I' && GAP.includes(r.indicator));
    expect(g).toHaveLength(5);
    expect(g.find((r) => r.indicator === 'population')).toMatchObject({ value: '59636', status: 'reported' });
    for (const r of g.filter((x) => x.indicator !== 'population')) {
      expect(r).toMatchObject({ value: '', status: 'not_reported' });
      expect(r.note).toMatch(/ST-läkare/);
    }
  });

  it('keeps the source words and notes: 2023 Sörmland "NEJ, 1 500"', () => {
    const [dec] = find('SE-D', 'decision', '2023');
    // The source's words with the no-break space the data keeps in every grouped number (issue 20).
    expect(dec).toMatchObject({ value: 'no', status: 'reported', note: 'I källan: "NEJ, 1\u00a0500".' });
    expect(find('SE-D', 'other_target', '2023')[0]!.value).toBe('1500');
  });

  it('every inferred row says why', () => {
    const inferred = rows.filter((r) => r.status === 'inferred');
    expect(inferred.length).toBeGreaterThan(0);
    for (const r of inferred) expect(r.note.length, JSON.stringify(r)).toBeGreaterThan(0);
    expect(find('SE-D', 'decision', '2025')[0]).toMatchObject({ value: 'no', status: 'inferred' });
  });

  it('leaves out what the reports are silent on', () => {
    // 2022 has only the decision for each region.
    const y2022 = rows.filter((r) => r.period === '2022' && r.region_code !== 'SE');
    expect(y2022).toHaveLength(21);
    for (const r of y2022) expect(r.indicator).toBe('decision');
  });

  it('cites a readable source on every row', () => {
    for (const r of rows) expect(r.source).toMatch(/^Sveriges läkarförbund, "Kartläggning: .+" \(.+\), .+$/);
  });
});

describe('csvField and toCsv', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['  spaced  ', '  spaced  '],
    ['1 100', '1 100'],
    // Spreadsheet formulas are neutralised the OWASP way, numbers stay numbers.
    ['=1+1', "'=1+1"],
    ['+46 8 123', "'+46 8 123"],
    ['-för', "'-för"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("a","b")', `"'=HYPERLINK(""a"",""b"")"`],
    ["'=already", "''=already"],
    ["'plain", "'plain"],
    ['-5', '-5'],
    ['-1.5', '-1.5'],
    ['+3', '+3'],
    ['a=b', 'a=b'],
  ])('%j → %j', (input, out) => {
    expect(csvField(input)).toBe(out);
  });

  it.each(['=1+1', '+x', '-x', '@x', '\tx', '\rx', "'=x", "''-x", "'plain", '-5', 'plain', "'-5", ''])(
    'neutralise then unneutralise gives %j back',
    (s) => expect(unneutralise(neutralise(s))).toBe(s),
  );

  it('writes CRLF after every line, including the last', () => {
    expect(
      toCsvLines([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('a,b\r\n1,2\r\n');
  });

  it.each([
    ['comma', 'Region Stockholm, Solna'],
    ['quote', 'the cell reads "JA"'],
    ['newline', 'first\nsecond'],
    ['crlf', 'first\r\nsecond'],
    ['all of them', '"x", y\n"z"'],
    ['leading quote', '"quoted"'],
    ['unicode', 'Jämtland Härjedalen – 1 100 … ◀'],
    ['empty', ''],
  ])('a field with %s round-trips', (_name, value) => {
    const row: CsvRow = {
      region_code: 'SE-Z',
      region_name: value,
      indicator: 'answer_text',
      period: '2024',
      value,
      status: 'reported',
      note: value,
      source: 'x',
    };
    const parsed = parseCsv(toCsv([row]));
    expect(parsed).toHaveLength(2);
    expect(parsed[1]).toEqual(CSV_HEADER.map((k) => row[k]));
  });
});
