import { beforeAll, describe, expect, it } from 'vitest';
import { CSV_HEADER } from '../../../src/data/csv';
import { templateCsv, templateRows } from '../../../src/data/template';
import { importCsv } from '../../../src/data/import';
import type { Dataset } from '../../../src/data/schema';
import { loadDataset, parseCsv, rawFiles } from '../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

describe('data:template', () => {
  it('has the fieldwork, the count and one row per region and indicator, all not reported', () => {
    const rows = templateRows(d, 2026);
    expect(rows).toHaveLength(2 + 21 * 5);
    expect(rows.every((r) => r.period === '2026' && r.status === 'not_reported' && r.source === '')).toBe(
      true,
    );
    expect(rows.slice(0, 2).map((r) => r.indicator)).toEqual(['fieldwork', 'decided_count']);
    for (const region of d.regions)
      expect(
        rows.filter((r) => r.region_code === region.code).map((r) => [r.region_name, r.indicator, r.value]),
      ).toEqual([
        [region.name, 'decision', 'unknown'],
        [region.name, 'other_target', ''],
        [region.name, 'action_plan', 'unknown'],
        [region.name, 'plan_goal_year', ''],
        [region.name, 'target_year', ''],
      ]);
    expect(parseCsv(templateCsv(d, 2026))[0]).toEqual([...CSV_HEADER]);
  });

  it('will not write a template over a survey that exists', () => {
    expect(() => templateRows(d, 2025)).toThrow(/2025 is already a survey/);
  });

  it('as it comes, it is refused with what to fill in', async () => {
    const r = await importCsv(templateCsv(d, 2026), 'template.csv', await rawFiles());
    expect(r.errors).toEqual([
      'template.csv, row 2, status: fieldwork is reported, not not_reported (fill it in from the report)',
      'template.csv, row 3, status: decided_count is reported, not not_reported (fill it in from the report)',
    ]);
  });
});
