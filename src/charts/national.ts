/** The national trend: regions per decision class in each survey, with the reported counts. */
import type { Dict } from '../i18n';
import type { Lang } from '../domain';
import { formatNumber } from '../i18n/format';
import { DECISION_CLASSES, DECISION_COLORS } from '../domain/decision';
import type { Series } from '../data/series';
import type { ColumnsSpec } from './spec';

/** Regions per decision class in each survey (stacked columns), with the reported counts as a line. */
export function nationalChart(series: Series, t: Dict, lang: Lang): ColumnsSpec {
  // A survey whose count is of clear yeses, not decisions (R11), is marked; the chart's key says so.
  const categories = series.years.map((y, i) => `${y}${series.reportedCounts[i] === 'clear_yes' ? '*' : ''}`);
  const stacks = DECISION_CLASSES.map((c) => ({
    label: t.decisionClasses[c],
    values: series.years.map((_, i) => series.counts[c][i] ?? 0),
    color: DECISION_COLORS[c],
  }));
  const reported = series.reported;
  return {
    kind: 'columns',
    label: t.charts.national,
    categories,
    stacks,
    line: { label: t.charts.nationalReported, values: reported },
    // All 21 regions fit; a tick every 7 (a third of them).
    yAxis: { max: 21, step: 7, title: t.charts.regions },
    table: {
      head: [t.charts.year, t.charts.nationalReported, ...stacks.map((s) => s.label)],
      rows: series.years.map((year, i) => [
        String(year),
        formatNumber(reported[i]!, lang),
        ...stacks.map((s) => formatNumber(s.values[i]!, lang)),
      ]),
    },
  };
}
