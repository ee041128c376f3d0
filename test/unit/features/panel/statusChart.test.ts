import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../src/data/schema';
import { REGION_CODES } from '../../../../src/data/schema';
import { DICTS, loadDataset } from '../../helpers';
import { regionStatusChart } from '../../../../src/features/panel/statusChart';
import { deriveSeries, type Series } from '../../../../src/data/series';

let d: Dataset;
let series: Series;
beforeAll(async () => {
  d = await loadDataset();
  series = deriveSeries(d);
});

const NBSP = '\u00a0';

describe('regionStatusChart', () => {
  it.each(REGION_CODES)('%s: one point per survey, one table row per point', (code) => {
    const s = regionStatusChart(d, series, code, DICTS.en, 'en');
    expect(s.points).toHaveLength(4);
    expect(s.categories).toHaveLength(4);
    expect(s.table.rows).toHaveLength(s.points.length);
    s.table.rows.forEach((row, i) => {
      expect(row[0]).toBe(s.categories[i]);
      expect(row[1]!.startsWith(s.levels[s.points[i]!.level]!)).toBe(true);
    });
  });

  it('Kalmar: target 1 750 in 2023, 1 100 once decided in 2024', () => {
    const s = regionStatusChart(d, series, 'SE-H', DICTS.sv, 'sv');
    expect(s.table.rows.map((r) => r[2])).toEqual(['–', `1${NBSP}750`, `1${NBSP}100`, '–']);
    expect(s.label).toContain('Kalmar');
  });

  it('Gotland 2024 and 2025 are marked inferred, with a triangle point', () => {
    const s = regionStatusChart(d, series, 'SE-I', DICTS.en, 'en');
    expect(s.table.rows[2]![1]).toBe('Decision and political plan with a goal year (inferred)');
    expect(s.points.map((p) => p.shape)).toEqual(['circle', 'circle', 'triangle', 'triangle']);
  });

  it('unknown answers get their own point shape, at the bottom level', () => {
    const s = regionStatusChart(d, series, 'SE-N', DICTS.en, 'en');
    expect(s.points[0]!.shape).toBe('diamond');
    expect(s.points[3]!.shape).toBe('diamond');
    expect(s.points[0]!.level).toBe(s.levels.length - 1);
  });
});
