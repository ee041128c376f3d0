/**
 * Words for classes and values, shared by the legend, the list, the tooltip, the table and the
 * exports, so a region is described the same way everywhere.
 */
import type { Dict } from './i18n';
import type { Classification, LegendClass, RegionValue } from './metrics/classify';
import type { DecisionClass } from './metrics/decision';
import type { Lang, Metric } from './state/url';
import { formatPct, formatSignedPct } from './format';

/** The legend label of a class. */
export function classLabel(c: Pick<LegendClass, 'id' | 'range'>, metric: Metric, t: Dict): string {
  if (c.id === 'not_reported') return metric === 'share' ? t.notReportedShare : t.notReportedGap;
  if (metric === 'decision') return t.decisionClasses[c.id as DecisionClass];
  const [lo, hi] = c.range ?? [null, null];
  return metric === 'share' ? t.shareClass(lo, hi) : t.gapClass(lo, hi);
}

/** A region's value in words: the class for decisions, the number otherwise. */
export function valueText(rv: RegionValue, metric: Metric, t: Dict, lang: Lang): string {
  if (metric === 'decision') {
    const label = t.decisionClasses[rv.classId as DecisionClass];
    return rv.pattern === 'inferred' ? `${label} (${t.statuses.inferred.toLowerCase()})` : label;
  }
  if (rv.value === null) return metric === 'share' ? t.notReportedShare : t.notReportedGap;
  return metric === 'share' ? formatPct(rv.value, lang) : formatSignedPct(rv.value, lang);
}

/** The legend class object a region belongs to. */
export function classOf(c: Classification, rv: RegionValue): LegendClass | undefined {
  return c.classes.find((x) => x.id === rv.classId);
}
