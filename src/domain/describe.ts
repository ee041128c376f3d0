/**
 * Words for classes and values, shared by the legend, the list, the tooltip, the table and the
 * exports, so a region is described the same way everywhere.
 */
import type { Dict } from '../i18n';
import type { Classification, LegendClass, RegionValue } from './classify';
import type { DecisionClass } from './decision';
import type { Lang, Metric } from './';
import { formatNumber, formatPct, formatSignedPct } from '../i18n/format';
import type { GapFigures } from '../features/whatif/whatif';

/** The legend label of a class. */
export function classLabel(
  c: Pick<LegendClass, 'id' | 'range'>,
  metric: Metric,
  t: Dict,
  lang: Lang,
): string {
  if (c.id === 'not_reported') return metric === 'share' ? t.notReportedShare : t.notReportedGap;
  if (metric === 'decision') return t.decisionClasses[c.id as DecisionClass];
  const [lo, hi] = c.range ?? [null, null];
  const pct = (x: number) => formatPct(x, lang);
  if (metric === 'gap' && lo === null) return t.range.noIncrease;
  if (lo === null || (metric === 'gap' && lo === 0)) return t.range.under(pct(hi!));
  if (hi === null) return t.range.atLeast(pct(lo));
  // Whole percentages: the class [40, 55) reads "40–54 %".
  return t.range.between(formatNumber(lo, lang), pct(hi - 1));
}

/** A region's value in words: the class for decisions, the number otherwise. */
export function valueText(rv: RegionValue, metric: Metric, t: Dict, lang: Lang): string {
  if (metric === 'decision') {
    const label = t.decisionClasses[rv.classId as DecisionClass];
    return rv.pattern === 'inferred' ? `${label} (${t.statuses.inferred.toLowerCase()})` : label;
  }
  if (rv.value === null) return metric === 'share' ? t.notReportedShare : t.notReportedGap;
  return metric === 'share' ? formatPct(rv.value, lang) : increaseWords(rv.sortKey ?? rv.value, t, lang);
}

/**
 * An increase in doctors in words, from the unrounded percentage: "+99 %"; "+0,3 %" where it
 * rounds to nothing but is still an increase; "ingen ökning behövs" where the region already has
 * enough doctors, with how far below ("ingen ökning (−33 %)") once that shows as a whole percent.
 */
export function increaseWords(pct: number, t: Dict, lang: Lang): string {
  const whole = Math.round(pct) || 0;
  if (pct <= 0) return whole === 0 ? t.range.noIncrease : t.panel.noIncrease(formatSignedPct(whole, lang));
  return whole === 0 ? `+${formatPct(pct, lang, 1)}` : formatSignedPct(whole, lang);
}

/** The legend class object a region belongs to. */
export function classOf(c: Classification, rv: RegionValue): LegendClass | undefined {
  return c.classes.find((x) => x.id === rv.classId);
}

/** Doctors needed, in words: a count, "N färre" where a guideline needs fewer, or not reported. */
export function neededText(f: GapFigures | null, t: Dict, lang: Lang): string {
  if (f === null) return t.notReportedGap;
  const n = Math.round(f.doctorsNeeded);
  return n < 0 ? t.panel.fewer(formatNumber(-n, lang)) : formatNumber(n, lang);
}

/** Increase needed, in words (`increaseWords`), or not reported. */
export function increaseText(f: GapFigures | null, t: Dict, lang: Lang): string {
  return f === null ? t.notReportedGap : increaseWords(f.increasePct, t, lang);
}
