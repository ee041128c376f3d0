import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/schema';
import { DICTS, loadDataset } from '../helpers';
import { DECISION_CLASSES } from '../../../src/domain/decision';
import { nationalChart } from '../../../src/charts/national';
import { deriveSeries, type Series } from '../../../src/data/series';

let d: Dataset;
let series: Series;
beforeAll(async () => {
  d = await loadDataset();
  series = deriveSeries(d);
});

describe('nationalChart', () => {
  it('the reported-count line is [2, 3, 10, 13]', () => {
    const s = nationalChart(series, DICTS.en, 'en');
    expect(s.line!.values).toEqual([2, 3, 10, 13]);
    // 2022's count is of clear yeses (coding rule R11): marked, and the key explains the mark.
    expect(s.categories).toEqual(['2022*', '2023', '2024', '2025']);
  });

  it('has one stack per decision class, summing to 21 each year', () => {
    const s = nationalChart(series, DICTS.en, 'en');
    expect(s.stacks).toHaveLength(DECISION_CLASSES.length);
    for (let i = 0; i < 4; i++) expect(s.stacks.reduce((a, b) => a + b.values[i]!, 0)).toBe(21);
  });

  it("2022: 2 decided and 19 unknown; 2025: 11 unknown, 3 dated plans and Kronoberg's plan", () => {
    const s = nationalChart(series, DICTS.en, 'en');
    const stack = (cls: string) => s.stacks[DECISION_CLASSES.indexOf(cls as never)]!.values;
    expect(stack('decided')[0]).toBe(2);
    expect(stack('unknown')[0]).toBe(19);
    expect(stack('unknown')[3]).toBe(11);
    expect(stack('dated_plan')[3]).toBe(3);
    expect(stack('plan')[3]).toBe(1);
  });

  it('its table has a row per year and says the same as the columns and the line', () => {
    for (const lang of ['sv', 'en'] as const) {
      const s = nationalChart(series, DICTS[lang], lang);
      expect(s.table.rows).toHaveLength(s.categories.length);
      expect(s.table.head).toHaveLength(2 + DECISION_CLASSES.length);
      s.table.rows.forEach((row, i) => {
        expect(row).toHaveLength(s.table.head.length);
        expect(row[0]).toBe(String(d.surveys[i]!.year));
        expect(row.slice(1).map(Number)).toEqual([s.line!.values[i], ...s.stacks.map((st) => st.values[i])]);
      });
    }
  });

  it('its y axis fits all 21 regions', () => {
    expect(nationalChart(series, DICTS.en, 'en').yAxis).toMatchObject({ max: 21, step: 7 });
  });
});
