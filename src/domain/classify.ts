/**
 * Joins the dataset with the current view: every region gets a class, a colour and a pattern for
 * the chosen metric, and the legend gets its classes with the regions in each. Pure, so the map,
 * legend, list, table and tests all read the same answer.
 */
import type { Answer, Dataset, RegionCode, Survey } from '../data/schema';
import type { Metric } from './';
import { DECISION_CLASSES, DECISION_COLORS, decisionClass, decisionRank } from './decision';
import { UNKNOWN_GREY, YLGNBU_5, YLORRD_5 } from './palette';
import { gapFigures } from '../features/whatif/whatif';

/** How a region is drawn over its colour: plain, hatched as inferred, or hatched as unknown. */
export type Pattern = 'none' | 'inferred' | 'unknown';

export interface RegionValue {
  code: RegionCode;
  classId: string;
  color: string;
  pattern: Pattern;
  /** The number shown (share %, increase %), rounded as shown; null for decisions and unknowns. */
  value: number | null;
  /** Sort key: higher is further along / more named doctors / bigger gap; null sorts last. */
  sortKey: number | null;
}

export interface LegendClass {
  id: string;
  color: string;
  pattern: Pattern;
  /** Lower bound (inclusive) and upper bound (exclusive) for numeric classes. */
  range?: [number | null, number | null];
  regions: RegionCode[];
}

export interface Classification {
  metric: Metric;
  byRegion: Record<RegionCode, RegionValue>;
  classes: LegendClass[];
}

/** Share classes (percent with a named doctor): the old 55 % goal is a class break. */
export const SHARE_BREAKS = [40, 55, 70, 85] as const;
/**
 * Gap classes (percentage increase in doctors needed; 100 % means twice as many doctors) where
 * too few regions need an increase to place breaks among them (`gapBreaks`).
 */
export const GAP_BREAKS = [0, 50, 80, 90, 100] as const;

/**
 * Gap breaks that follow the target: below 0, "no increase needed"; above it, four breaks at the
 * fifths of the increases the regions need at this target (rounded as shown), rounded to 5 points
 * (10 where the increases span 100 points or more), each above the last. A fixed set of breaks put
 * 19 of the 20 regions with figures in one class at 800 inhabitants per doctor, and 17 at 1 500.
 * Fewer than five regions needing an increase: GAP_BREAKS.
 */
export function gapBreaks(increases: readonly number[]): number[] {
  const up = increases
    .map((x) => Math.round(x))
    .filter((x) => x > 0)
    .sort((a, b) => a - b);
  if (up.length < 5) return [...GAP_BREAKS];
  const step = up[up.length - 1]! - up[0]! >= 100 ? 10 : 5;
  const out = [0];
  for (const q of [0.2, 0.4, 0.6, 0.8]) {
    const at = up[Math.floor(q * up.length)]!;
    out.push(Math.max(Math.round(at / step) * step, out[out.length - 1]! + step));
  }
  return out;
}
/** "No increase needed" is a different kind of answer (enough doctors): a light blue, not the scale's lightest yellow. */
const GAP_COLORS = ['#cfe3f3', ...YLORRD_5] as const;

/** Index of the class a value falls in, for breaks b: (−∞,b0), [b0,b1), …, [bn,∞). */
export function binIndex(value: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && value >= breaks[i]!) i++;
  return i;
}

function ranges(breaks: readonly number[]): Array<[number | null, number | null]> {
  return [null, ...breaks].map((lo, i) => [lo, breaks[i] ?? null]);
}

/** Legend classes of a numeric metric: one per range of the breaks, then "not reported". */
function numericClasses(prefix: string, breaks: readonly number[], colors: readonly string[]): LegendClass[] {
  const classes: LegendClass[] = ranges(breaks).map((range, i) => ({
    id: `${prefix}_${i}`,
    color: colors[i]!,
    pattern: 'none',
    range,
    regions: [],
  }));
  classes.push({ id: 'not_reported', color: UNKNOWN_GREY, pattern: 'unknown', regions: [] });
  return classes;
}

/** A region's class on a numeric metric; a null value is "not reported", hatched grey. */
function numericValue(
  code: RegionCode,
  prefix: string,
  breaks: readonly number[],
  colors: readonly string[],
  value: number | null,
  sortKey: number | null,
): RegionValue {
  if (value === null)
    return {
      code,
      classId: 'not_reported',
      color: UNKNOWN_GREY,
      pattern: 'unknown',
      value: null,
      sortKey: null,
    };
  const i = binIndex(value, breaks);
  return { code, classId: `${prefix}_${i}`, color: colors[i]!, pattern: 'none', value, sortKey };
}

/** The survey shown for a year, or the latest when the year is null or unknown. */
export function surveyFor(d: Dataset, year: number | null): Survey {
  return d.surveys.find((s) => s.year === year) ?? d.surveys[d.surveys.length - 1]!;
}

/** A region's answer in the survey of a year, if there is one. */
export function answerOf(d: Dataset, year: number, code: RegionCode): Answer | undefined {
  return d.surveys.find((s) => s.year === year)?.answers.find((a) => a.region === code);
}

/**
 * Classifies all regions.
 * @param year survey year for the decision metric (null = latest)
 * @param target what-if guideline for the gap metric (the report's guideline = its own figures)
 */
export function classify(d: Dataset, metric: Metric, year: number | null, target: number): Classification {
  const byRegion = {} as Record<RegionCode, RegionValue>;
  let classes: LegendClass[];

  if (metric === 'decision') {
    const s = surveyFor(d, year);
    classes = DECISION_CLASSES.map((id) => ({
      id,
      color: DECISION_COLORS[id],
      pattern: id === 'unknown' ? 'unknown' : 'none',
      regions: [],
    }));
    for (const a of s.answers) {
      const r = decisionClass(a);
      const rank = decisionRank(r.cls);
      byRegion[a.region] = {
        code: a.region,
        classId: r.cls,
        color: DECISION_COLORS[r.cls],
        pattern: r.cls === 'unknown' ? 'unknown' : r.inferred ? 'inferred' : 'none',
        value: null,
        sortKey: rank === null ? null : DECISION_CLASSES.length - rank,
      };
    }
  } else if (metric === 'share') {
    classes = numericClasses('share', SHARE_BREAKS, YLGNBU_5);
    for (const v of d.namedGpShare.values)
      byRegion[v.region] = numericValue(v.region, 'share', SHARE_BREAKS, YLGNBU_5, v.value, v.value);
  } else {
    const figures = d.doctorGap.rows.map((row) => ({
      row,
      g: gapFigures(row, target, d.doctorGap.guideline),
    }));
    const breaks = gapBreaks(figures.flatMap(({ g }) => (g ? [g.increasePct] : [])));
    classes = numericClasses('gap', breaks, GAP_COLORS);
    for (const { row, g } of figures) {
      if (g === null) {
        byRegion[row.region] = numericValue(row.region, 'gap', breaks, GAP_COLORS, null, null);
        continue;
      }
      // Classify the rounded value, so a region shown as "90 %" is never in the 80–89 class; but
      // a region that needs no increase (−0.35 % rounds to 0) is in "no increase needed".
      const shown = Math.round(g.increasePct) || 0;
      const rv = numericValue(row.region, 'gap', breaks, GAP_COLORS, shown, g.increasePct);
      byRegion[row.region] = g.increasePct <= 0 ? { ...rv, classId: 'gap_0', color: GAP_COLORS[0] } : rv;
    }
  }

  const byId = new Map(classes.map((c) => [c.id, c]));
  for (const r of d.regions) byId.get(byRegion[r.code].classId)?.regions.push(r.code);
  return { metric, byRegion, classes };
}

// Per dataset, so a new dataset never meets an old entry and an old dataset's entries go with it.
const memo = new WeakMap<Dataset, Map<string, Classification>>();

/**
 * classify(), remembered per dataset and arguments. The result is shared: treat it as
 * read-only. A switch back to a metric or year seen before costs a lookup, and one seen ahead of
 * time too.
 */
export function classifyCached(
  d: Dataset,
  metric: Metric,
  year: number | null,
  target: number,
): Classification {
  let byArgs = memo.get(d);
  if (!byArgs) memo.set(d, (byArgs = new Map()));
  const key = `${metric}|${metric === 'decision' ? (year ?? 'latest') : ''}|${metric === 'gap' ? target : ''}`;
  let c = byArgs.get(key);
  if (!c) byArgs.set(key, (c = classify(d, metric, year, target)));
  return c;
}
