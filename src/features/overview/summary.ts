/**
 * The one-sentence summary above the map, generated from the data for the current view, so it
 * always agrees with the colours underneath.
 */
import type { Dataset } from '../../data/schema';
import type { Dict } from '../../i18n';
import type { Lang, Metric } from '../../domain';
import { formatDate, formatMonthRange, formatNumber, formatPct } from '../../i18n/format';
import { surveyFor } from '../../domain/classify';
import { decisionClass, DECIDED_CLASSES } from '../../domain/decision';
import { gapFigures } from '../whatif/whatif';
import { neededText } from '../../domain/describe';

/** Regions the report names as decided in a survey (stated or inferred), for comparison with the reported count. */
export function namedDecidedCount(d: Dataset, year: number | null): number {
  return surveyFor(d, year).answers.filter((a) => DECIDED_CLASSES.includes(decisionClass(a).cls)).length;
}

/** The summary sentence for a metric, survey year and what-if target, in the given language. */
export function summarySentence(
  d: Dataset,
  metric: Metric,
  year: number | null,
  target: number,
  t: Dict,
  lang: Lang,
): string {
  const n = (x: number) => formatNumber(x, lang);
  if (metric === 'decision') {
    const s = surveyFor(d, year);
    const when = formatMonthRange(s.fieldwork.from, s.fieldwork.to, lang);
    const reported = s.decidedCount.value;
    // The count in the source's own terms: regions that decided, or only those answering a clear yes.
    let out =
      s.decidedCount.counts === 'clear_yes'
        ? t.summary.decisionClearYes(n(reported), t.publisher(s.publisher, true), when)
        : t.summary.decision(n(reported), t.publisher(s.publisher, true), when);
    const named = namedDecidedCount(d, year);
    if (named < reported) out += t.summary.decisionNamed(n(named));
    return out;
  }
  if (metric === 'share') {
    const vals = d.namedGpShare.values;
    const reported = vals.filter((v) => v.value !== null);
    const atGoal = reported.filter((v) => v.value! >= d.context.namedGpGoal.pct).length;
    return t.summary.share(
      n(atGoal),
      n(reported.length),
      formatPct(d.context.namedGpGoal.pct, lang),
      formatDate(d.namedGpShare.date, lang),
      n(vals.length - reported.length),
    );
  }
  const g = gapFigures(d.doctorGap.national, target, d.doctorGap.guideline);
  if (g === null) return '';
  const { shortfall, regions } = regionShortfalls(d, target);
  const sum = n(Math.round(shortfall));
  if (target === d.doctorGap.guideline)
    return t.summary.gap(n(g.doctorsNeeded), formatPct(g.increasePct, lang), sum, n(regions));
  if (g.doctorsNeeded < 0)
    return t.summary.gapWhatIfSurplus(n(target), n(Math.round(-g.doctorsNeeded)), sum, n(regions));
  return t.summary.gapWhatIf(
    n(target),
    n(Math.round(g.doctorsNeeded)),
    formatPct(g.increasePct, lang),
    sum,
    n(regions),
  );
}

/**
 * The regions' own shortfalls at `target`, added up without netting off any region's surplus
 * (the report's figures at its guideline, recomputed otherwise), and how many regions have
 * figures. The national total row is a different number: it counts every inhabitant, Gotland's
 * included, against the doctors of the regions that reported them, and it nets surpluses
 * against shortfalls once the target is above some regions' ratio.
 */
export function regionShortfalls(d: Dataset, target: number): { shortfall: number; regions: number } {
  let shortfall = 0;
  let regions = 0;
  for (const r of d.doctorGap.rows) {
    const g = gapFigures(r, target, d.doctorGap.guideline);
    if (!g) continue;
    regions++;
    shortfall += Math.max(0, g.doctorsNeeded);
  }
  return { shortfall, regions };
}

/**
 * Beside the national column of a recomputed gap: what the national figure is (the total row,
 * recomputed, with surpluses netted against shortfalls) and the regions' own shortfalls added up
 * without netting, so the two numbers are never read as the same thing. Null at the report's own
 * guideline, where the total row's note says what it covers.
 */
export function nationalGapNote(d: Dataset, target: number, t: Dict, lang: Lang): string | null {
  if (target === d.doctorGap.guideline) return null;
  const g = gapFigures(d.doctorGap.national, target, d.doctorGap.guideline);
  if (g === null) return null;
  const { shortfall, regions } = regionShortfalls(d, target);
  return t.panel.nationalNet(
    neededText(g, t, lang),
    formatNumber(Math.round(shortfall), lang),
    formatNumber(regions, lang),
  );
}
