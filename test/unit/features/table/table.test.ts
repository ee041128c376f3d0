import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RegionCode } from '../../../../src/data/schema';
import { classLabel } from '../../../../src/domain/describe';
import { DICTS } from '../../helpers';
import { classify } from '../../../../src/domain/classify';
import { METRICS, type Lang, type Metric } from '../../../../src/domain';
import {
  sortRows,
  tableCsv,
  tableModel,
  type Row,
  type TableModel,
} from '../../../../src/features/table/table';
import { loadDataset, parseCsv } from '../../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const model = (metric: Metric, lang: Lang = 'en', year: number | null = null, target = 1100): TableModel =>
  tableModel(d, classify(d, metric, year, target), metric, year, target, DICTS[lang], lang);
const col = (m: TableModel, id: string) => {
  const i = m.columns.findIndex((c) => c.id === id);
  if (i < 0) throw new Error(`no column ${id}`);
  return i;
};
const cellOf = (m: TableModel, code: RegionCode, id: string) =>
  m.rows.find((r) => r.code === code)!.cells[col(m, id)]!;

const cases: Array<[Metric, Lang, number | null, number]> = [];
for (const metric of METRICS)
  for (const lang of ['sv', 'en'] as const)
    for (const [year, target] of [
      [null, 1100],
      [2023, 1500],
      [2022, 800],
    ] as const)
      cases.push([metric, lang, year, target]);

describe('tableModel', () => {
  it.each(cases)('%s/%s/%s/%i: 21 rows in file order, one cell per column', (metric, lang, year, target) => {
    const m = model(metric, lang, year, target);
    const c = classify(d, metric, year, target);
    expect(m.rows.map((r) => r.code)).toEqual(d.regions.map((r) => r.code));
    expect(m.columns[0]!.id).toBe('region');
    for (const r of m.rows) {
      expect(r.cells).toHaveLength(m.columns.length);
      expect(r.color).toBe(c.byRegion[r.code].color);
      expect(r.pattern).toBe(c.byRegion[r.code].pattern);
      expect(r.cells[0]!.text).toBe(d.regions.find((x) => x.code === r.code)!.name);
    }
  });

  it.each(cases.filter(([m]) => m !== 'gap'))(
    '%s/%s/%s/%i: the class column names the legend class the region is in',
    (metric, lang, year, target) => {
      const t = DICTS[lang];
      const m = model(metric, lang, year, target);
      const c = classify(d, metric, year, target);
      const i = col(m, 'class');
      for (const r of m.rows) {
        const legend = c.classes.filter((k) => k.regions.includes(r.code));
        expect(legend).toHaveLength(1);
        const inferred = c.byRegion[r.code].pattern === 'inferred';
        const expected =
          classLabel(legend[0]!, metric, t, lang) +
          (inferred ? ` (${t.statuses.inferred.toLowerCase()})` : '');
        expect(r.cells[i]!.text).toBe(expected);
        expect(r.cells[i]!.raw).toBe(expected);
      }
    },
  );

  it('decision 2025: known rows', () => {
    const m = model('decision', 'en', 2025);
    expect(cellOf(m, 'SE-I', 'class').text).toBe('Decision and political plan with a goal year (inferred)');
    expect(cellOf(m, 'SE-I', 'goal').text).toBe('2027');
    expect(cellOf(m, 'SE-D', 'class').text).toBe('Other target (e.g. 1,500) (inferred)');
    expect(cellOf(m, 'SE-D', 'target')).toMatchObject({ text: '1,500', sort: 1500 });
    expect(cellOf(m, 'SE-N', 'class')).toMatchObject({ text: 'Unknown', sort: null });
  });

  it('decision 2023 in Swedish shows the source words', () => {
    const m = model('decision', 'sv', 2023);
    // With the no-break space the data keeps in every grouped number (issue 20).
    expect(cellOf(m, 'SE-H', 'asGiven').text).toBe('NEJ, 1\u00a0750');
    expect(cellOf(m, 'SE-H', 'target')).toMatchObject({ text: '1\u00a0750', sort: 1750, raw: '1750' });
    expect(cellOf(m, 'SE-H', 'plan').sort).toBeNull();
  });

  it('share: values as percentages, non-reporting regions sort as unknown', () => {
    const m = model('share', 'sv');
    expect(cellOf(m, 'SE-O', 'share')).toMatchObject({ text: '95\u00a0%', sort: 95, raw: '95' });
    expect(cellOf(m, 'SE-Z', 'share')).toMatchObject({ text: 'Kunde inte redovisa', sort: null, raw: '' });
  });

  it("gap at 1 100: the report's own figures", () => {
    const m = model('gap', 'en');
    for (const row of d.doctorGap.rows) {
      const needed = cellOf(m, row.region, 'needed');
      const inc = cellOf(m, row.region, 'increase');
      if (row.doctorsNeeded === null) {
        expect(needed).toMatchObject({ text: 'Not reported', sort: null });
        expect(inc).toMatchObject({ text: 'Not reported', sort: null });
      } else {
        expect(needed.sort).toBe(row.doctorsNeeded);
        expect(inc.sort).toBe(row.increaseNeededPct);
      }
      expect(cellOf(m, row.region, 'population').sort).toBe(row.population);
    }
    expect(cellOf(m, 'SE-AB', 'needed').text).toBe('1,073');
    expect(cellOf(m, 'SE-AB', 'increase').text).toBe('+99%');
    expect(m.columns.some((c) => c.label.includes('computed'))).toBe(false);
  });

  it('gap at 1 500: computed figures, labelled as computed', () => {
    const m = model('gap', 'en', null, 1500);
    expect(cellOf(m, 'SE-AB', 'needed').sort).toBe(497);
    expect(cellOf(m, 'SE-AB', 'increase').sort).toBe(46);
    // A guideline that needs fewer doctors says so, rather than "−11 more".
    expect(cellOf(m, 'SE-Z', 'increase').text).toBe('no increase (-11%)');
    expect(cellOf(m, 'SE-Z', 'needed').text).toBe('11 fewer');
    expect(cellOf(m, 'SE-Z', 'needed').sort).toBe(-11);
    expect(m.columns[col(m, 'needed')]!.label).toContain('1,500');
    expect(m.columns[col(m, 'needed')]!.label).toContain('computed');
    expect(cellOf(m, 'SE-I', 'needed').sort).toBeNull();
  });
});

describe('sortRows', () => {
  const codes = (rows: Row[]) => rows.map((r) => r.code);
  const notReportedShare = ['SE-Z', 'SE-F', 'SE-BD', 'SE-S', 'SE-AC']; // in Swedish name order

  it('share ascending: lowest first, unknowns last in name order', () => {
    const m = model('share', 'sv');
    const s = codes(sortRows(m.rows, col(m, 'share'), 'asc', 'sv'));
    expect(s.slice(0, 3)).toEqual(['SE-K', 'SE-G', 'SE-C']);
    expect(s.slice(-5)).toEqual(notReportedShare);
  });

  it('share descending: highest first, unknowns still last in name order', () => {
    const m = model('share', 'sv');
    const s = codes(sortRows(m.rows, col(m, 'share'), 'desc', 'sv'));
    expect(s.slice(0, 3)).toEqual(['SE-O', 'SE-W', 'SE-U']);
    expect(s.slice(-5)).toEqual(notReportedShare);
  });

  it.each(METRICS)('%s: unknowns last in both directions for every column', (metric) => {
    const m = model(metric, 'en', 2025);
    for (let i = 0; i < m.columns.length; i++)
      for (const dir of ['asc', 'desc'] as const) {
        const sorted = sortRows(m.rows, i, dir, 'en');
        const nulls = sorted.map((r) => r.cells[i]!.sort === null);
        const firstNull = nulls.indexOf(true);
        if (firstNull >= 0) expect(nulls.slice(firstNull).every(Boolean)).toBe(true);
        // Known values are in order.
        const known = sorted.map((r) => r.cells[i]!.sort).filter((x) => typeof x === 'number') as number[];
        const ordered = [...known].sort((a, b) => (dir === 'asc' ? a - b : b - a));
        expect(known).toEqual(ordered);
      }
  });

  it('ties keep name order, whatever the input order (stable and deterministic)', () => {
    const m = model('decision', 'sv', 2025);
    const i = col(m, 'class');
    const a = sortRows(m.rows, i, 'desc', 'sv');
    const b = sortRows([...m.rows].reverse(), i, 'desc', 'sv');
    expect(codes(b)).toEqual(codes(a));
    // The 11 unknowns (ties) come last, in Swedish name order.
    const unknown = a.filter((r) => r.cells[i]!.sort === null).map((r) => r.cells[0]!.text);
    expect(unknown).toHaveLength(11);
    expect(unknown).toEqual([...unknown].sort((x, y) => x.localeCompare(y, 'sv-SE')));
  });

  it('sorts names the Swedish way in Swedish (Ö after Z) and the English way in English', () => {
    const m = model('share', 'sv');
    const sv = sortRows(m.rows, 0, 'asc', 'sv').map((r) => r.cells[0]!.text);
    expect(sv.slice(-2)).toEqual(['Örebro län', 'Östergötland']);
    expect(sv[0]).toBe('Blekinge');
    const en = sortRows(m.rows, 0, 'asc', 'en').map((r) => r.cells[0]!.text);
    expect(en.indexOf('Örebro län')).toBeLessThan(en.indexOf('Skåne'));
    const desc = sortRows(m.rows, 0, 'desc', 'sv').map((r) => r.cells[0]!.text);
    expect(desc).toEqual([...sv].reverse());
  });

  it('does not mutate its input', () => {
    const m = model('gap', 'en');
    const before = codes(m.rows);
    sortRows(m.rows, col(m, 'increase'), 'desc', 'en');
    expect(codes(m.rows)).toEqual(before);
  });

  it('tolerates a column index past the end (everything unknown, name order)', () => {
    const m = model('share', 'en');
    const s = sortRows(m.rows, 99, 'asc', 'en').map((r) => r.cells[0]!.text);
    expect(s).toEqual([...s].sort((x, y) => x.localeCompare(y, 'en-GB')));
  });
});

describe('tableCsv', () => {
  it.each(cases)('%s/%s/%s/%i: 22 records, region code first', (metric, lang, year, target) => {
    const m = model(metric, lang, year, target);
    const csv = tableCsv(m);
    expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(22);
    const recs = parseCsv(csv);
    expect(recs).toHaveLength(22);
    expect(recs[0]).toEqual(['region_code', ...m.columns.map((c) => c.label)]);
    expect(recs.slice(1).map((r) => r[0])).toEqual(d.regions.map((r) => r.code));
    for (const r of recs) expect(r).toHaveLength(m.columns.length + 1);
  });

  it('writes raw numbers, not formatted ones', () => {
    const recs = parseCsv(tableCsv(model('gap', 'sv')));
    const ab = recs.find((r) => r[0] === 'SE-AB')!;
    expect(ab.slice(2, 7)).toEqual(['2374550', '1086', '2186', '1073', '99']);
    // The last column is the class, as the legend names it.
    expect(ab[7]).toBe('90–99\u00a0%'); // Intl's no-break space, as elsewhere
    const gotland = recs.find((r) => r[0] === 'SE-I')!;
    expect(gotland.slice(2, 7)).toEqual(['59636', '', '', '', '']);
    expect(gotland[7]).toBe('Ej redovisat');
  });

  it('keeps negative numbers numeric (a surplus at a looser guideline), and neutralises text formulas', () => {
    // At 2 000 inhabitants per doctor some regions need fewer doctors: negative counts.
    const m = model('gap', 'sv', null, 2000);
    const recs = parseCsv(tableCsv(m));
    const negatives = recs.slice(1).flatMap((r) => r.filter((f) => /^-\d/.test(f)));
    expect(negatives.length).toBeGreaterThan(0);
    expect(recs.flat().filter((f) => f.startsWith("'"))).toEqual([]);
    // A text cell that starts like a formula (a name here) goes out with the OWASP quote.
    const hostile: TableModel = { ...m, rows: [{ ...m.rows[0]!, code: '=cmd|"/c calc"!A1' as RegionCode }] };
    expect(parseCsv(tableCsv(hostile))[1]![0]).toBe(`'=cmd|"/c calc"!A1`);
  });
});
