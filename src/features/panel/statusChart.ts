/** The region panel's trend: the region's decision class in each survey, on the ordered classes. */
import type { Dataset, RegionCode } from '../../data/schema';
import type { Dict } from '../../i18n';
import { guidelineOf, type Lang } from '../../domain';
import { formatNumber } from '../../i18n/format';
import { DECISION_CLASSES, DECISION_COLORS } from '../../domain/decision';
import type { Series } from '../../data/series';
import type { PointShape, StepsSpec } from '../../charts/spec';
import { regionTimeline } from './panel';

/** Region: its decision class across the surveys (a step line over the ordered classes). */
export function regionStatusChart(
  d: Dataset,
  series: Series,
  code: RegionCode,
  t: Dict,
  lang: Lang,
): StepsSpec {
  const name = d.regions.find((r) => r.code === code)?.name ?? code;
  const classes = series.timelines[code] ?? [];
  const tl = regionTimeline(d, code).map((e, i) => ({ ...e, ...(classes[i] ?? {}) }));
  const target = (e: (typeof tl)[number]) => {
    const a = e.answer;
    if (a.decision.value === 'yes') return formatNumber(guidelineOf(d), lang);
    if (a.otherTarget?.value != null) return formatNumber(a.otherTarget.value, lang);
    return '–';
  };
  const shape = (e: (typeof tl)[number]): PointShape =>
    e.cls === 'unknown' ? 'diamond' : e.inferred ? 'triangle' : 'circle';
  return {
    kind: 'steps',
    label: t.charts.regionStatus(name),
    categories: tl.map((e) => String(e.survey.year)),
    // From top (furthest along) to bottom (unknown), as the classes are ordered.
    levels: DECISION_CLASSES.map((c) => t.decisionClasses[c]),
    points: tl.map((e) => ({
      level: DECISION_CLASSES.indexOf(e.cls),
      color: DECISION_COLORS[e.cls],
      shape: shape(e),
    })),
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
