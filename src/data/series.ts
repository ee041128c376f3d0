/**
 * The derived series behind the trend charts and the changes list: decision classes per region
 * and survey, and national counts per class. Derived from the dataset in the app state (0.04 ms:
 * a cache of it, as there once was, only made it asynchronous).
 */
import type { Dataset, RegionCode } from './schema';
import { DECISION_CLASSES, decisionClass, type DecisionClass } from '../domain/decision';

export interface Series {
  years: number[];
  /** The nationally reported number of regions that decided, per survey. */
  reported: number[];
  /** What each reported number counts, in its source's terms (coding rule R11). */
  reportedCounts: Array<'decided' | 'clear_yes'>;
  /** Regions per class, per survey (arrays aligned with `years`). */
  counts: Record<DecisionClass, number[]>;
  /** Each region's class per survey (aligned with `years`). */
  timelines: Record<RegionCode, Array<{ cls: DecisionClass; inferred: boolean }>>;
}

/** Derives the series from a dataset. */
export function deriveSeries(d: Dataset): Series {
  const years = d.surveys.map((s) => s.year);
  const counts = Object.fromEntries(DECISION_CLASSES.map((c) => [c, years.map(() => 0)])) as Record<
    DecisionClass,
    number[]
  >;
  const timelines = Object.fromEntries(
    d.regions.map((r) => [r.code, [] as Series['timelines'][RegionCode]]),
  ) as Series['timelines'];
  d.surveys.forEach((s, i) => {
    for (const a of s.answers) {
      const r = decisionClass(a);
      counts[r.cls][i]! += 1;
      timelines[a.region].push({ cls: r.cls, inferred: r.inferred });
    }
  });
  return {
    years,
    reported: d.surveys.map((s) => s.decidedCount.value),
    reportedCounts: d.surveys.map((s) => s.decidedCount.counts ?? 'decided'),
    counts,
    timelines,
  };
}
