/**
 * The Chart.js adapter: turns a chart spec into a Chart.js configuration. It decides only how
 * Chart.js draws (fonts, sizing, the reference-line plugin); what is drawn is the spec's.
 */
import type { ChartConfiguration, ChartType, Plugin } from 'chart.js';
import {
  CHART_COLORS,
  type BarsSpec,
  type ChartSpec,
  type ColumnsSpec,
  type PointShape,
  type RefLine,
  type StepsSpec,
  wrapLabel,
} from '../spec';

declare module 'chart.js' {
  // The reference line's options, set per chart under `options.plugins.refLine`.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- a merged declaration repeats Chart.js's type parameter
  interface PluginOptionsByType<TType extends ChartType> {
    refLine?: RefLine;
  }
}

/** The interface font, as the page sets it. */
export const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 };

/**
 * Options every chart shares: it fills its box (the component sizes the box), draws at once
 * (animation would delay the first readable frame), and formats numbers in the reader's language.
 */
const baseOptions = (locale: string) =>
  ({ responsive: true, maintainAspectRatio: false, animation: false, locale }) as const;

/** Space above the bars (CSS pixels) where the reference line's label stands, clear of every bar. */
export const REF_LABEL_SPACE = 18;

/**
 * Draws a dashed vertical reference line (options under `options.plugins.refLine`) on horizontal
 * bars, its label above the plot area (in the REF_LABEL_SPACE the bars leave free), so it never
 * lies over a bar or a bar's end. The label's drawn box is recorded on the canvas
 * (`data-ref-label`, x y width height in CSS pixels) for the browser test that checks it.
 */
export const refLinePlugin: Plugin<'bar'> = {
  id: 'refLine',
  afterDatasetsDraw(chart, _args, opts) {
    const o = opts as RefLine | undefined;
    const x = chart.scales.x;
    if (!o || !x || typeof o.value !== 'number') return;
    const px = x.getPixelForValue(o.value);
    const { top, bottom } = chart.chartArea;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#222';
    ctx.lineWidth = 1.5;
    ctx.setLineDash([5, 4]);
    ctx.beginPath();
    ctx.moveTo(px, top);
    ctx.lineTo(px, bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = '#222';
    ctx.font = `600 12px ${FONT.family}`;
    ctx.textAlign = px > (chart.chartArea.left + chart.chartArea.right) / 2 ? 'right' : 'left';
    ctx.textBaseline = 'alphabetic';
    // Above the plot area: the line's top end is where the label starts.
    const tx = px + (ctx.textAlign === 'right' ? -4 : 4);
    const ty = top - 5;
    ctx.fillText(o.label, tx, ty);
    const w = ctx.measureText?.(o.label)?.width ?? 0;
    const canvas = (chart as { canvas?: HTMLCanvasElement }).canvas;
    if (canvas?.dataset)
      canvas.dataset.refLabel = [ctx.textAlign === 'right' ? tx - w : tx, ty - 12, w, 15]
        .map((v) => Math.round(v * 10) / 10)
        .join(' ');
    ctx.restore();
  },
};

function columns(spec: ColumnsSpec, locale: string): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: spec.categories,
      datasets: [
        ...(spec.line
          ? [
              {
                type: 'line' as const,
                label: spec.line.label,
                data: spec.line.values,
                borderColor: CHART_COLORS.ink,
                backgroundColor: CHART_COLORS.ink,
                borderWidth: 2,
                pointRadius: 4,
                order: 0,
              },
            ]
          : []),
        ...spec.stacks.map((s) => ({
          type: 'bar' as const,
          label: s.label,
          data: s.values,
          backgroundColor: s.color,
          borderColor: '#fff',
          borderWidth: 1,
          stack: 'classes',
          order: 1,
        })),
      ],
    },
    options: {
      ...baseOptions(locale),
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font: FONT } },
        y: {
          stacked: true,
          min: 0,
          max: spec.yAxis.max,
          ticks: { stepSize: spec.yAxis.step, font: FONT },
          title: { display: true, text: spec.yAxis.title, font: FONT },
        },
      },
      plugins: { legend: { display: false }, tooltip: { mode: 'index', intersect: false } },
    },
  };
}

function bars(spec: BarsSpec, locale: string): ChartConfiguration<'bar'> {
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: spec.bars.map((b) => b.label),
      datasets: [
        {
          label: spec.valueLabel,
          data: spec.bars.map((b) => b.value),
          backgroundColor: spec.bars.map((b) => b.color),
          borderWidth: 0,
          barPercentage: 0.85,
          categoryPercentage: 1,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      ...baseOptions(locale),
      layout: { padding: { top: REF_LABEL_SPACE } },
      scales: {
        x: { min: 0, ...(spec.max !== null ? { max: spec.max } : {}), ticks: { font: FONT } },
        y: {
          ticks: {
            autoSkip: false,
            font: (ctx) => ({
              ...FONT,
              size: 11,
              weight: spec.bars[ctx.index]?.emphasis ? 'bold' : 'normal',
            }),
            color: (ctx) => (spec.bars[ctx.index]?.emphasis ? '#000' : '#444'),
          },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => spec.bars[ctx.dataIndex]?.text ?? '' } },
        refLine: spec.ref,
      },
    },
    plugins: [refLinePlugin],
  };
  return config;
}

/** Chart.js's names for the spec's point shapes. */
export const POINT_STYLES: Record<PointShape, 'circle' | 'triangle' | 'rectRot'> = {
  circle: 'circle',
  triangle: 'triangle',
  diamond: 'rectRot',
};

function steps(spec: StepsSpec, locale: string): ChartConfiguration<'line', Array<string | null>> {
  return {
    type: 'line',
    data: {
      labels: spec.categories,
      datasets: [
        {
          label: spec.label,
          // A category scale takes the level's label as the value.
          data: spec.points.map((p) => spec.levels[p.level] ?? null),
          borderColor: '#444',
          borderWidth: 2,
          stepped: 'middle',
          pointRadius: 7,
          pointHoverRadius: 8,
          pointBackgroundColor: spec.points.map((p) => p.color),
          pointBorderColor: CHART_COLORS.ink,
          pointStyle: spec.points.map((p) => POINT_STYLES[p.shape]),
        },
      ],
    },
    options: {
      ...baseOptions(locale),
      scales: {
        x: { grid: { display: false }, ticks: { font: FONT } },
        // Long class names on two lines: on one, Chart.js gives the axis at most half the chart's
        // width and cut "Beslut och politiskt beslutad plan med målår" at the canvas edge.
        y: {
          type: 'category',
          labels: spec.levels,
          ticks: { font: { ...FONT, size: 11 }, callback: (_v, i) => wrapLabel(spec.levels[i] ?? '') },
        },
      },
      plugins: { legend: { display: false } },
    },
  };
}

/** The Chart.js configuration that draws `spec`, with numbers in `locale`. */
export function toChartJs(spec: ChartSpec, locale: string): ChartConfiguration {
  switch (spec.kind) {
    case 'columns':
      return columns(spec, locale);
    case 'bars':
      return bars(spec, locale);
    case 'steps':
      // Chart.js's line typings take numbers; on a category scale the values are its labels.
      return steps(spec, locale) as unknown as ChartConfiguration;
  }
}
