import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../src/data/schema';
import { gapRankChart, shareRankChart } from '../../../../src/charts/ranks';
import { nationalChart } from '../../../../src/charts/national';
import { niceStep } from '../../../../src/charts/spec';
import {
  barsScene,
  chartScene,
  columnsScene,
  PRINT_WIDTH,
  printHeight,
  type SvgScene,
} from '../../../../src/charts/svg/scene';
import { deriveSeries, type Series } from '../../../../src/data/series';
import { DICTS, loadDataset } from '../../helpers';
import { formatNumber } from '../../../../src/i18n/format';
import { luminance, textOn } from '../../../../src/domain/palette';

let d: Dataset;
let series: Series;
beforeAll(async () => {
  d = await loadDataset();
  series = deriveSeries(d);
});
const tick = (n: number) => formatNumber(n, 'sv');
const texts = (s: SvgScene, role?: string) =>
  s.texts.filter((t) => !role || t.role === role).map((t) => t.text);

describe('niceStep and luminance', () => {
  it.each([
    [21, 3, 10],
    [100, 5, 20],
    [2803, 5, 1000],
    [2803, 3, 1000],
    [7, 5, 2],
    [0, 5, 1],
  ])('niceStep(%d, %d) = %d', (max, count, want) => expect(niceStep(max, count)).toBe(want));

  it.each([
    ['#ffffff', 1],
    ['#000000', 0],
  ])('luminance(%s) = %d', (hex, want) => expect(luminance(hex)).toBeCloseTo(want, 5));

  it('reads the dark classes as dark and the light ones as light', () => {
    expect(textOn('#0072B2')).toBe('#ffffff');
    expect(textOn('#F0E442')).toBe('#000000');
  });
});

describe('columnsScene: regions per decision class in each survey', () => {
  const W = 400;
  const H = 280;
  it('stacks every class of a survey to the full 21 regions', () => {
    const s = columnsScene(nationalChart(series, DICTS.sv, 'sv'), W, H, tick);
    const byX = new Map<number, number>();
    for (const r of s.rects) byX.set(r.x, (byX.get(r.x) ?? 0) + r.h);
    expect(byX.size).toBe(4);
    const axis = s.lines.find((l) => l.role === 'axis')!;
    const top = Math.min(...s.lines.filter((l) => l.role !== 'axis').map((l) => l.y1));
    for (const h of byX.values()) expect(h).toBeCloseTo(axis.y1 - top, 6);
    expect(texts(s, 'tick')).toEqual(
      expect.arrayContaining(['2022*', '2023', '2024', '2025', '0', '7', '14', '21']),
    );
  });

  it('draws the reported counts 2, 3, 10, 13 as a line over the columns', () => {
    const s = columnsScene(nationalChart(series, DICTS.sv, 'sv'), W, H, tick);
    const axis = s.lines.find((l) => l.role === 'axis')!.y1;
    const top = Math.min(...s.lines.map((l) => l.y1));
    const value = (cy: number) => (21 * (axis - cy)) / (axis - top);
    expect(s.points.map((p) => Math.round(value(p.cy)))).toEqual([2, 3, 10, 13]);
    expect(s.overlay.filter((l) => l.role === 'series')).toHaveLength(3);
    expect(s.points[3]!.title).toContain('13');
  });

  it('writes a count inside each segment tall enough, in a colour that reads on it', () => {
    const s = columnsScene(nationalChart(series, DICTS.sv, 'sv'), W, H, tick);
    const inside = s.texts.filter((t) => t.role.startsWith('inside'));
    expect(inside.map((t) => t.text)).toContain('19'); // 2022: 19 unknown
    for (const t of inside) {
      const rect = s.rects.find((r) => t.x > r.x && t.x < r.x + r.w && t.y - 4 > r.y && t.y - 4 < r.y + r.h)!;
      expect(rect, t.text).toBeDefined();
      expect(t.role).toBe(textOn(rect.fill) === '#ffffff' ? 'inside-light' : 'inside-dark');
      // At least WCAG AA (4.5:1) for the label against its bar.
      const [hi, lo] = [luminance(rect.fill), t.role === 'inside-light' ? 1 : 0].sort((a, b) => b - a);
      expect((hi! + 0.05) / (lo! + 0.05), `${t.text} on ${rect.fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('barsScene: regions ranked, with the reference line', () => {
  it('share: 16 bars in rank order, lengths proportional, values as the table says', () => {
    const spec = shareRankChart(d, null, DICTS.sv, 'sv');
    const s = barsScene(spec, 400, 440, tick);
    expect(s.rects).toHaveLength(16);
    const values = spec.bars.map((b) => b.value);
    const per = s.rects.map((r, i) => r.w / values[i]!);
    for (const p of per) expect(p).toBeCloseTo(per[0]!, 6);
    expect(s.rects.map((r) => r.y)).toEqual([...s.rects.map((r) => r.y)].sort((a, b) => a - b));
    const valueTexts = s.texts
      .filter((t) => t.role === 'value' || t.role.startsWith('inside'))
      .map((t) => t.text);
    expect(valueTexts).toEqual(spec.table.rows.map((r) => r[1]));
    // The 55 % goal line sits at 55 on a 0–100 axis.
    const ref = s.overlay.find((l) => l.role === 'ref')!;
    const zero = s.rects[0]!.x;
    expect((ref.x1 - zero) / per[0]!).toBeCloseTo(55, 6);
    expect(texts(s, 'ref')[0]).toContain('55');
    // Values written inside the bars read at WCAG AA (4.5:1) against the bar.
    for (const t of s.texts.filter((x) => x.role.startsWith('inside'))) {
      const bar = s.rects.find((r) => t.y - 4 > r.y && t.y - 4 < r.y + r.h)!;
      const [hi, lo] = [luminance(bar.fill), t.role === 'inside-light' ? 1 : 0].sort((a, b) => b - a);
      expect((hi! + 0.05) / (lo! + 0.05), `${t.text} on ${bar.fill}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gap: the axis reaches past the largest figure and the guideline sits at 1 100', () => {
    const spec = gapRankChart(d, null, 1100, DICTS.sv, 'sv');
    const s = chartScene(spec, 340, 440, tick);
    expect(s.rects).toHaveLength(20); // Gotland has no figure
    const ticks = s.lines.filter((l) => l.role === 'grid' || l.role === 'axis').map((l) => l.x1);
    const right = Math.max(...ticks);
    for (const r of s.rects) expect(r.x + r.w).toBeLessThanOrEqual(right + 1e-6);
    const values = spec.bars.map((b) => b.value);
    const per = s.rects[0]!.w / values[0]!;
    expect((s.overlay[0]!.x1 - s.rects[0]!.x) / per).toBeCloseTo(1100, 6);
    expect(texts(s, 'tick')).toContain('Blekinge');
  });
});

describe('stepsScene and print sizes: every chart on paper, the panel’s included', () => {
  it('lays out a region’s decision class per survey with every level and year, none cut', async () => {
    const { regionStatusChart } = await import('../../../../src/features/panel/statusChart');
    const spec = regionStatusChart(d, series, 'SE-AB', DICTS.sv, 'sv');
    const s = chartScene(spec, PRINT_WIDTH, printHeight(spec), tick);
    expect(texts(s, 'tick')).toEqual(expect.arrayContaining([...spec.levels, ...spec.categories]));
    expect(spec.categories).toEqual(d.surveys.map((x) => String(x.year)));
    // The longest level ("Beslut och politiskt beslutad plan med målår") starts inside the chart.
    const longest = Math.max(...spec.levels.map((l) => l.length));
    const grid = s.lines.filter((l) => l.role === 'grid');
    expect(Math.min(...grid.map((l) => l.x1))).toBeGreaterThanOrEqual(longest * 6.4);
    // One mark per survey, on its level's row, in its class colour and shape.
    expect(s.points.map((p) => p.shape)).toEqual(spec.points.map((p) => p.shape));
    expect(s.points.map((p) => p.fill)).toEqual(spec.points.map((p) => p.color));
    s.points.forEach((p, i) => expect(p.cy).toBeCloseTo(grid[spec.points[i]!.level]!.y1, 6));
    for (const p of s.points) expect(p.cx).toBeLessThanOrEqual(PRINT_WIDTH);
  });

  it('gives each rank bar at least 17 px on paper and draws the chosen region bold', () => {
    const spec = shareRankChart(d, 'SE-AB', DICTS.sv, 'sv');
    const s = chartScene(spec, PRINT_WIDTH, printHeight(spec), tick);
    for (const r of s.rects) expect(r.h / 0.8).toBeGreaterThanOrEqual(17);
    expect(s.texts.filter((t) => t.strong).map((t) => t.text)).toEqual(['Stockholm']);
    expect(s.width).toBe(PRINT_WIDTH);
  });
});

describe('barsScene: value labels clear of the reference line', () => {
  it.each([
    ['share', 400],
    ['share', PRINT_WIDTH],
    ['gap', 400],
    ['gap', PRINT_WIDTH],
  ] as const)('no %s value label is crossed by the dashed line (%d px)', (metric, width) => {
    const spec =
      metric === 'share'
        ? shareRankChart(d, 'SE-AB', DICTS.sv, 'sv')
        : gapRankChart(d, null, 1100, DICTS.sv, 'sv');
    const s = barsScene(spec, width, printHeight(spec), tick);
    const rx = s.overlay.find((l) => l.role === 'ref')!.x1;
    const values = s.texts.filter((t) => ['value', 'inside-dark', 'inside-light'].includes(t.role));
    expect(values).toHaveLength(spec.bars.length);
    for (const t of values) {
      const w = t.text.length * 6.4;
      const [from, to] = t.anchor === 'end' ? [t.x - w, t.x] : [t.x, t.x + w];
      expect([t.text, rx < from - 3 || rx > to + 3]).toEqual([t.text, true]);
    }
  });
});
