import { beforeAll, describe, expect, it } from 'vitest';
import type { Chart } from 'chart.js';
import type { Dataset, RegionCode } from '../../../src/data/schema';
import { REGION_CODES } from '../../../src/data/schema';
import { DICTS } from '../helpers';
import { DECISION_CLASSES } from '../../../src/domain/decision';
import {
  gapRankChart,
  nationalChart,
  refLinePlugin,
  shareRankChart,
  type ChartSpec,
} from '../../../src/charts/spec';
import { regionStatusChart } from '../../../src/features/panel/statusChart';
import { deriveSeries, type Series } from '../../../src/data/series';
import { loadDataset } from '../helpers';

let d: Dataset;
let series: Series;
beforeAll(async () => {
  d = await loadDataset();
  series = deriveSeries(d);
});

const NBSP = '\u00a0';
const datasets = (s: ChartSpec) => s.config.data.datasets;

describe('nationalChart', () => {
  it('the reported-count line is [2, 3, 10, 13]', () => {
    const s = nationalChart(series, DICTS.en, 'en');
    const line = datasets(s)[0]!;
    expect(line.type).toBe('line');
    expect(line.data).toEqual([2, 3, 10, 13]);
    // 2022's count is of clear yeses (coding rule R11): marked, and the key explains the mark.
    expect(s.config.data.labels).toEqual(['2022*', '2023', '2024', '2025']);
  });

  it('has one stacked bar dataset per decision class, summing to 21 each year', () => {
    const s = nationalChart(series, DICTS.en, 'en');
    const bars = datasets(s).slice(1);
    expect(bars).toHaveLength(DECISION_CLASSES.length);
    for (const b of bars) expect(b.type).toBe('bar');
    for (let i = 0; i < 4; i++) expect(bars.reduce((a, b) => a + (b.data[i] as number), 0)).toBe(21);
  });

  it("2022: 2 decided and 19 unknown; 2025: 11 unknown, 3 dated plans and Kronoberg's plan", () => {
    const s = nationalChart(series, DICTS.en, 'en');
    const bar = (cls: string) => datasets(s)[1 + DECISION_CLASSES.indexOf(cls as never)]!.data;
    expect(bar('decided')[0]).toBe(2);
    expect(bar('unknown')[0]).toBe(19);
    expect(bar('unknown')[3]).toBe(11);
    expect(bar('dated_plan')[3]).toBe(3);
    expect(bar('plan')[3]).toBe(1);
  });

  it('its table has a row per year and says the same as the bars', () => {
    for (const lang of ['sv', 'en'] as const) {
      const s = nationalChart(series, DICTS[lang], lang);
      expect(s.table.rows).toHaveLength((s.config.data.labels ?? []).length);
      expect(s.table.head).toHaveLength(2 + DECISION_CLASSES.length);
      s.table.rows.forEach((row, i) => {
        expect(row).toHaveLength(s.table.head.length);
        expect(row[0]).toBe(String(d.surveys[i]!.year));
        expect(row.slice(1).map(Number)).toEqual(datasets(s).map((ds) => ds.data[i]));
      });
    }
  });

  it('its y axis fits all 21 regions', () => {
    const y = nationalChart(series, DICTS.en, 'en').config.options!.scales!.y!;
    expect(y).toMatchObject({ min: 0, max: 21, stacked: true });
  });
});

describe('regionStatusChart', () => {
  it.each(REGION_CODES)('%s: one point per survey, one table row per point', (code) => {
    const s = regionStatusChart(d, series, code, DICTS.en, 'en');
    const pts = datasets(s)[0]!.data;
    expect(pts).toHaveLength(4);
    expect(s.config.data.labels).toHaveLength(4);
    expect(s.table.rows).toHaveLength(pts.length);
    s.table.rows.forEach((row, i) => {
      expect(row[0]).toBe(s.config.data.labels![i]);
      expect(row[1]!.startsWith(pts[i] as unknown as string)).toBe(true);
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
    const styles = (datasets(s)[0] as unknown as { pointStyle: string[] }).pointStyle;
    expect(styles).toEqual(['circle', 'circle', 'triangle', 'triangle']);
  });

  it('unknown answers get their own point style', () => {
    const s = regionStatusChart(d, series, 'SE-N', DICTS.en, 'en');
    const styles = (datasets(s)[0] as unknown as { pointStyle: string[] }).pointStyle;
    expect(styles[0]).toBe('rectRot');
    expect(styles[3]).toBe('rectRot');
  });
});

describe('rank charts', () => {
  const colors = (s: ChartSpec) => datasets(s)[0]!.backgroundColor as string[];

  it.each(['SE-K', 'SE-O', 'SE-AB'] as RegionCode[])(
    'share, %s: 16 bars, descending, one highlighted',
    (code) => {
      const s = shareRankChart(d, code, DICTS.en, 'en');
      const data = datasets(s)[0]!.data as number[];
      expect(data).toHaveLength(16);
      expect(data).toEqual([...data].sort((a, b) => b - a));
      expect(s.table.rows).toHaveLength(data.length);
      expect(s.config.data.labels).toHaveLength(data.length);
      const name = d.regions.find((r) => r.code === code)!.name;
      const i = s.config.data.labels!.indexOf(name);
      expect(i).toBeGreaterThanOrEqual(0);
      const others = colors(s).filter((_, j) => j !== i);
      expect(new Set(others).size).toBe(1);
      expect(others).not.toContain(colors(s)[i]);
      const marked = s.table.rows.filter((r) => r[0]!.endsWith(' ◀'));
      expect(marked).toEqual([[`${name} ◀`, expect.any(String)]]);
      expect(s.table.rows[i]![0]).toBe(`${name} ◀`);
    },
  );

  it.each([
    ['share', () => shareRankChart(d, null, DICTS.en, 'en')],
    ['gap', () => gapRankChart(d, null, 1100, DICTS.en, 'en')],
  ] as Array<[string, () => ChartSpec]>)(
    '%s with no region chosen: no bar highlighted, no marker',
    (_n, make) => {
      const s = make();
      expect(new Set(colors(s)).size).toBe(1);
      expect(s.table.rows.some((r) => r[0]!.includes('◀'))).toBe(false);
      expect(s.table.rows).toHaveLength((datasets(s)[0]!.data as number[]).length);
    },
  );

  it('share: 95 % first, 18 % last, the 55 % goal marked', () => {
    const s = shareRankChart(d, 'SE-K', DICTS.en, 'en');
    expect(s.table.rows[0]).toEqual(['Västra Götaland', '95%']);
    expect(s.table.rows.at(-1)).toEqual(['Blekinge ◀', '18%']);
    expect((s.config.options!.plugins as Record<string, unknown>).refLine).toMatchObject({ value: 55 });
  });

  it.each([
    [1100, 'Guideline 1,100'],
    [1500, '1,500'],
  ])('gap at %i: 20 bars (no Gotland), reference line labelled %j', (target, label) => {
    const s = gapRankChart(d, 'SE-AB', target, DICTS.en, 'en');
    const data = datasets(s)[0]!.data as number[];
    expect(data).toHaveLength(20);
    expect(s.table.rows).toHaveLength(20);
    expect(s.config.data.labels).not.toContain('Gotland');
    expect(data[0]).toBe(2803);
    expect((s.config.options!.plugins as Record<string, unknown>).refLine).toEqual({ value: target, label });
  });
});

describe('refLinePlugin', () => {
  function fakeChart() {
    const calls: Array<[string, ...unknown[]]> = [];
    const ctx = new Proxy({ textAlign: 'left' } as Record<string, unknown>, {
      get(target, prop: string) {
        if (prop in target) return target[prop];
        return (...args: unknown[]) => calls.push([prop, ...args]);
      },
    });
    const chart = {
      ctx,
      chartArea: { top: 10, bottom: 110, left: 0, right: 400 },
      scales: { x: { getPixelForValue: (v: number) => v * 2 } },
    };
    return { chart: chart as unknown as Chart<'bar'>, calls };
  }

  it('draws a vertical line at the value', () => {
    const { chart, calls } = fakeChart();
    refLinePlugin.afterDatasetsDraw!(chart, {} as never, { value: 55, label: 'Goal 55%' } as never, false);
    expect(calls).toContainEqual(['moveTo', 110, 10]);
    expect(calls).toContainEqual(['lineTo', 110, 110]);
    expect(calls.find((c) => c[0] === 'fillText')?.[1]).toBe('Goal 55%');
  });

  it('does nothing without options', () => {
    const { chart, calls } = fakeChart();
    refLinePlugin.afterDatasetsDraw!(chart, {} as never, undefined as never, false);
    expect(calls).toEqual([]);
  });
});
