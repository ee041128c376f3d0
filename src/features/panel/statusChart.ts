/**
 * The region panel's trend chart (a Chart.js configuration as plain data, with its table). Kept
 * apart from configs.ts, which the national overview also uses, so the overview does not carry
 * the panel's timeline logic.
 */
import type { ChartConfiguration } from 'chart.js';
import type { Dataset, RegionCode } from '../../data/schema';
import type { Dict } from '../../i18n';
import { guidelineOf, type Lang } from '../../domain';
import { formatNumber } from '../../i18n/format';
import { DECISION_CLASSES, DECISION_COLORS } from '../../domain/decision';
import type { Series } from '../../data/series';
import { regionTimeline } from './panel';
import { FONT, baseOptions, type ChartSpec } from '../../charts/spec';

/** Region: its decision class across the surveys (a step line over the ordered classes). */
export function regionStatusChart(
  d: Dataset,
  series: Series,
  code: RegionCode,
  t: Dict,
  lang: Lang,
): ChartSpec {
  const name = d.regions.find((r) => r.code === code)?.name ?? code;
  const classes = series.timelines[code] ?? [];
  const tl = regionTimeline(d, code).map((e, i) => ({ ...e, ...(classes[i] ?? {}) }));
  // Category axis from top (furthest along) to bottom (unknown).
  const labels = DECISION_CLASSES.map((c) => t.decisionClasses[c]);
  const target = (e: (typeof tl)[number]) => {
    const a = e.answer;
    if (a.decision.value === 'yes') return formatNumber(guidelineOf(d), lang);
    if (a.otherTarget?.value != null) return formatNumber(a.otherTarget.value, lang);
    return '–';
  };
  const config: ChartConfiguration = {
    type: 'line',
    data: {
      labels: tl.map((e) => String(e.survey.year)),
      datasets: [
        {
          label: t.charts.regionStatus(name),
          data: tl.map((e) => t.decisionClasses[e.cls]) as unknown as number[],
          borderColor: '#444',
          borderWidth: 2,
          stepped: 'middle',
          pointRadius: 7,
          pointHoverRadius: 8,
          pointBackgroundColor: tl.map((e) => DECISION_COLORS[e.cls]),
          pointBorderColor: '#111',
          pointStyle: tl.map((e) => (e.cls === 'unknown' ? 'rectRot' : e.inferred ? 'triangle' : 'circle')),
        },
      ],
    },
    options: {
      ...baseOptions(t),
      scales: {
        x: { grid: { display: false }, ticks: { font: FONT } },
        y: { type: 'category', labels, ticks: { font: { ...FONT, size: 11 } } },
      },
      plugins: { legend: { display: false } },
    },
  };
  return {
    label: t.charts.regionStatus(name),
    config,
    table: {
      head: [t.charts.year, t.table.klass, t.charts.targetInForce],
      rows: tl.map((e) => [
        String(e.survey.year),
        t.decisionClasses[e.cls] + (e.inferred ? ` (${t.statuses.inferred.toLowerCase()})` : ''),
        target(e),
      ]),
    },
  };
}
