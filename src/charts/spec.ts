/**
 * Chart.js configurations, built as plain data (no DOM), each with a text alternative: a caption
 * and a table that says the same as the chart. ChartCanvas.svelte only draws them.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { Dataset, RegionCode } from '../data/schema';
import type { Dict } from '../i18n';
import type { Lang } from '../domain';
import { formatNumber, formatPct } from '../i18n/format';
import { DECISION_CLASSES, DECISION_COLORS } from '../domain/decision';
import type { Series } from '../data/series';

export interface ChartTable {
  head: string[];
  rows: string[][];
}

export interface ChartSpec {
  /** Accessible name of the chart. */
  label: string;
  config: ChartConfiguration;
  /** The same information as a table, for screen readers and print. */
  table: ChartTable;
}

const MUTED = '#c9d3dc';
const HIGHLIGHT = '#1d3557';
/** Bars when no region is highlighted. */
const NEUTRAL = '#6b8aa6';
export const FONT = { family: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif', size: 12 };

/**
 * Options every chart shares: it fills its box (the component sizes the box), draws at once
 * (animation would delay the first readable frame), and formats numbers in the reader's language.
 */
export function baseOptions(t: Dict) {
  return { responsive: true, maintainAspectRatio: false, animation: false, locale: t.locale } as const;
}

/** Options of the reference-line plugin, set per chart under `options.plugins.refLine`. */
export interface RefLineOptions {
  value: number;
  label: string;
}

/** Draws a dashed vertical reference line (the 55 % goal, the guideline) on a horizontal bar chart. */
export const refLinePlugin: Plugin<'bar'> = {
  id: 'refLine',
  afterDatasetsDraw(chart, _args, opts) {
    const o = opts as unknown as RefLineOptions | undefined;
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
    ctx.fillText(o.label, px + (ctx.textAlign === 'right' ? -4 : 4), top + 10);
    ctx.restore();
  },
};

/** National: regions per decision class in each survey (stacked), with the reported counts as a line. */
export function nationalChart(series: Series, t: Dict, lang: Lang): ChartSpec {
  // A survey whose count is of clear yeses, not decisions (R11), is marked; the chart's key says so.
  const years = series.years.map((y, i) => `${y}${series.reportedCounts[i] === 'clear_yes' ? '*' : ''}`);
  const counts = series.years.map(
    (_, i) => new Map(DECISION_CLASSES.map((c) => [c, series.counts[c][i] ?? 0])),
  );
  const reported = series.reported;
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: years,
      datasets: [
        {
          type: 'line',
          label: t.charts.nationalReported,
          data: reported,
          borderColor: '#111',
          backgroundColor: '#111',
          borderWidth: 2,
          pointRadius: 4,
          order: 0,
        },
        ...DECISION_CLASSES.map((c) => ({
          type: 'bar' as const,
          label: t.decisionClasses[c],
          data: counts.map((m) => m.get(c)!),
          backgroundColor: DECISION_COLORS[c],
          borderColor: '#fff',
          borderWidth: 1,
          stack: 'classes',
          order: 1,
        })),
      ],
    },
    options: {
      ...baseOptions(t),
      scales: {
        x: { stacked: true, grid: { display: false }, ticks: { font: FONT } },
        y: {
          stacked: true,
          min: 0,
          max: 21,
          ticks: { stepSize: 7, font: FONT },
          title: { display: true, text: t.charts.regions, font: FONT },
        },
      },
      plugins: {
        legend: { display: false },
        tooltip: { mode: 'index', intersect: false },
      },
    },
  };
  const table: ChartTable = {
    head: [t.charts.year, t.charts.nationalReported, ...DECISION_CLASSES.map((c) => t.decisionClasses[c])],
    rows: series.years.map((year, i) => [
      String(year),
      formatNumber(reported[i]!, lang),
      ...DECISION_CLASSES.map((c) => formatNumber(counts[i]!.get(c)!, lang)),
    ]),
  };
  return { label: t.charts.national, config, table };
}

function rankBar(
  items: Array<{ code: RegionCode; name: string; value: number }>,
  code: RegionCode | null,
  label: string,
  ref: RefLineOptions,
  fmt: (n: number) => string,
  t: Dict,
  max?: number,
): ChartSpec {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const config: ChartConfiguration<'bar'> = {
    type: 'bar',
    data: {
      labels: sorted.map((x) => x.name),
      datasets: [
        {
          label,
          data: sorted.map((x) => x.value),
          backgroundColor: sorted.map((x) => (code === null ? NEUTRAL : x.code === code ? HIGHLIGHT : MUTED)),
          borderWidth: 0,
          barPercentage: 0.85,
          categoryPercentage: 1,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      ...baseOptions(t),
      scales: {
        x: { min: 0, ...(max ? { max } : {}), ticks: { font: FONT } },
        y: {
          ticks: {
            autoSkip: false,
            font: (ctx) => ({
              ...FONT,
              size: 11,
              weight: sorted[ctx.index]?.code === code ? 'bold' : 'normal',
            }),
            color: (ctx) => (sorted[ctx.index]?.code === code ? '#000' : '#444'),
          },
          grid: { display: false },
        },
      },
      plugins: {
        legend: { display: false },
        // @ts-expect-error: options of our own plugin, not in Chart.js's typings
        refLine: ref,
      },
    },
    plugins: [refLinePlugin],
  };
  return {
    label,
    config: config as unknown as ChartConfiguration,
    table: {
      head: [t.table.region, label],
      rows: sorted.map((x) => [x.name + (x.code === code ? ' ◀' : ''), fmt(x.value)]),
    },
  };
}

/** Share with a named GP, all reporting regions ranked, the region highlighted, the 55 % goal marked. */
export function shareRankChart(d: Dataset, code: RegionCode | null, t: Dict, lang: Lang): ChartSpec {
  const items = d.namedGpShare.values.flatMap((v) =>
    v.value === null
      ? []
      : [{ code: v.region, name: d.regions.find((r) => r.code === v.region)!.name, value: v.value }],
  );
  return rankBar(
    items,
    code,
    t.charts.shareRank,
    { value: d.context.namedGpGoal.pct, label: t.charts.goal(formatPct(d.context.namedGpGoal.pct, lang)) },
    (n) => formatPct(n, lang),
    t,
    100,
  );
}

/** Inhabitants per doctor (2019), all regions with figures ranked, the region highlighted, the guideline marked. */
export function gapRankChart(
  d: Dataset,
  code: RegionCode | null,
  target: number,
  t: Dict,
  lang: Lang,
): ChartSpec {
  const items = d.doctorGap.rows.flatMap((r) =>
    r.inhabitantsPerDoctor === null
      ? []
      : [
          {
            code: r.region,
            name: d.regions.find((x) => x.code === r.region)!.name,
            value: r.inhabitantsPerDoctor,
          },
        ],
  );
  const label = target === d.doctorGap.guideline ? t.charts.guideline : `${formatNumber(target, lang)}`;
  return rankBar(items, code, t.charts.gapRank, { value: target, label }, (n) => formatNumber(n, lang), t);
}
