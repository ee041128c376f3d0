import { beforeAll, describe, expect, it } from 'vitest';
import type { Chart, ChartDataset } from 'chart.js';
import type { Dataset } from '../../../../src/data/schema';
import { DICTS, loadDataset } from '../../helpers';
import { REF_LABEL_SPACE, refLinePlugin, toChartJs } from '../../../../src/charts/chartjs/config';
import { wrapLabel } from '../../../../src/charts/spec';
import { nationalChart } from '../../../../src/charts/national';
import { gapRankChart, shareRankChart } from '../../../../src/charts/ranks';
import { regionStatusChart } from '../../../../src/features/panel/statusChart';
import { deriveSeries, type Series } from '../../../../src/data/series';

let d: Dataset;
let series: Series;
beforeAll(async () => {
  d = await loadDataset();
  series = deriveSeries(d);
});
const sets = (c: ReturnType<typeof toChartJs>) => c.data.datasets as ChartDataset[];

describe('toChartJs: the adapter draws what the spec says, nothing of its own', () => {
  it('columns: the line first, then one stacked bar dataset per stack, on the spec’s axis', () => {
    const spec = nationalChart(series, DICTS.en, 'en');
    const c = toChartJs(spec, 'en-GB');
    expect(c.type).toBe('bar');
    expect(c.data.labels).toEqual(spec.categories);
    expect(sets(c)[0]).toMatchObject({ type: 'line', data: spec.line!.values });
    expect(
      sets(c)
        .slice(1)
        .map((s) => [s.type, s.label, s.data, s.backgroundColor]),
    ).toEqual(spec.stacks.map((s) => ['bar', s.label, s.values, s.color]));
    expect(c.options!.scales!.y).toMatchObject({ min: 0, max: 21, stacked: true, ticks: { stepSize: 7 } });
    expect(c.options!.locale).toBe('en-GB');
  });

  it('bars: horizontal, the spec’s order, colours and fixed end, the reference line as a plugin', () => {
    const spec = shareRankChart(d, 'SE-K', DICTS.sv, 'sv');
    const c = toChartJs(spec, 'sv-SE');
    expect(c.options).toMatchObject({ indexAxis: 'y' });
    expect(c.data.labels).toEqual(spec.bars.map((b) => b.label));
    expect(sets(c)[0]!.data).toEqual(spec.bars.map((b) => b.value));
    expect(sets(c)[0]!.backgroundColor).toEqual(spec.bars.map((b) => b.color));
    expect(c.options!.scales!.x).toMatchObject({ min: 0, max: 100 });
    expect(c.options!.plugins!.refLine).toEqual(spec.ref);
    expect(c.plugins).toEqual([refLinePlugin]);
    const gap = toChartJs(gapRankChart(d, null, 1100, DICTS.sv, 'sv'), 'sv-SE');
    expect(gap.options!.scales!.x).not.toHaveProperty('max');
  });

  it('steps: each point at its level’s label on a category axis, shapes mapped', () => {
    const spec = regionStatusChart(d, series, 'SE-I', DICTS.en, 'en');
    const c = toChartJs(spec, 'en-GB');
    expect(c.type).toBe('line');
    expect(sets(c)[0]!.data).toEqual(spec.points.map((p) => spec.levels[p.level]));
    expect(c.options!.scales!.y).toMatchObject({ type: 'category', labels: spec.levels });
    expect((sets(c)[0] as unknown as { pointStyle: string[] }).pointStyle).toEqual([
      'circle',
      'circle',
      'triangle',
      'triangle',
    ]);
    // Long class names are set on two lines; the values stay the one-line names.
    const y = c.options!.scales!.y as { ticks: { callback: (v: unknown, i: number) => string[] } };
    for (const [i, level] of spec.levels.entries()) {
      const lines = y.ticks.callback(level, i);
      expect(lines.join(' ')).toBe(level);
      for (const l of lines) expect(l.length).toBeLessThanOrEqual(26);
    }
    const unknown = toChartJs(regionStatusChart(d, series, 'SE-N', DICTS.en, 'en'), 'en-GB');
    expect((sets(unknown)[0] as unknown as { pointStyle: string[] }).pointStyle[0]).toBe('rectRot');
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

  it('writes its label above the plot area, where no bar is', () => {
    const { chart, calls } = fakeChart();
    refLinePlugin.afterDatasetsDraw!(chart, {} as never, { value: 55, label: 'Goal 55%' } as never, false);
    const y = calls.find((c) => c[0] === 'fillText')![3] as number;
    expect(y).toBeLessThan(10);
    const bars = toChartJs(shareRankChart(d, 'SE-K', DICTS.sv, 'sv'), 'sv-SE');
    expect(bars.options!.layout).toEqual({ padding: { top: REF_LABEL_SPACE } });
  });

  it('does nothing without options', () => {
    const { chart, calls } = fakeChart();
    refLinePlugin.afterDatasetsDraw!(chart, {} as never, undefined as never, false);
    expect(calls).toEqual([]);
  });
});

describe('wrapLabel', () => {
  it('breaks a long label at the space nearest its middle, keeps a short one whole', () => {
    expect(wrapLabel('Beslut och politiskt beslutad plan med målår')).toEqual([
      'Beslut och politiskt',
      'beslutad plan med målår',
    ]);
    expect(wrapLabel('Inget beslut')).toEqual(['Inget beslut']);
    expect(wrapLabel('Ettmycketlångtordutanmellanslagalls')).toEqual(['Ettmycketlångtordutanmellanslagalls']);
  });
});
