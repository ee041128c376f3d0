/**
 * What the region panel, the changes view and the compare view show, as plain data: a region's
 * answers survey by survey, what changed between two surveys, and where its share and doctor gap
 * rank nationally.
 */
import type { Answer, Dataset, GapRow, RegionCode, ShareValue, Survey } from '../../data/schema';
import { answerMove, decisionClass, type DecisionClass } from '../../domain/decision';
import { gapFigures } from '../whatif/whatif';

export interface TimelineEntry {
  survey: Survey;
  answer: Answer;
  cls: DecisionClass;
  inferred: boolean;
}

/** A region's answer in every survey, oldest first. */
export function regionTimeline(d: Dataset, code: RegionCode): TimelineEntry[] {
  return d.surveys.flatMap((survey) => {
    const answer = survey.answers.find((a) => a.region === code);
    if (!answer) return [];
    const r = decisionClass(answer);
    return [{ survey, answer, cls: r.cls, inferred: r.inferred }];
  });
}

export type ChangeKind = 'decision' | 'class' | 'target' | 'plan' | 'goal';

/**
 * One known difference between two answers; `from`/`to` are raw values (null = none/unknown),
 * decision classes for `class`.
 */
export interface Change {
  kind: ChangeKind;
  from: string | number | null;
  to: string | number | null;
  /**
   * For a decision or a class: +1 moved up the classes, −1 down (decision.ts `answerMove`, as the
   * changes view counts it); 0 for the other kinds.
   */
  direction: -1 | 0 | 1;
}

/** A cell's value when the source states it; undefined when unstated, lost or not reported. */
const known = <T>(c: { value: T; status: string } | undefined): T | undefined =>
  c === undefined || c.status === 'not_legible' || c.status === 'not_reported' ? undefined : c.value;

/**
 * What changed between two answers of the same region, counting only what both surveys state:
 * a value that is unknown or unstated on either side is not a change. `guideline` is the target a
 * "yes" decided on (the report's, from the data: domain.ts `guidelineOf`).
 *
 * A move between decision classes is the changes view's move (decision.ts `answerMove`): where
 * the decision itself changed, its line carries the move; where the class moved without that
 * (a plan or goal year that is new, or first stated), a `class` line does, so a region listed as
 * moving forward or back is never "unchanged" here.
 */
export function answerChanges(a: Answer, b: Answer, guideline: number): Change[] {
  const out: Change[] = [];
  const da = a.decision.value;
  const db = b.decision.value;
  const bothDecided = da !== 'unknown' && db !== 'unknown';
  const m = answerMove(a, b);
  const move = m.direction ?? 0;
  if (bothDecided && da !== db) out.push({ kind: 'decision', from: da, to: db, direction: move });
  else if (move !== 0) out.push({ kind: 'class', from: m.from, to: m.to, direction: move });
  // The target in force: the guideline once decided on, else the other target where one is stated.
  // A side whose target is not stated (and is not a yes) is unknown, so no change is claimed.
  const targetOf = (ans: Answer, dec: string): number | null | undefined => {
    if (dec === 'yes') return guideline;
    const t = known(ans.otherTarget);
    if (t !== undefined) return t;
    return dec === 'no' || dec === 'partly' ? (ans.otherTarget === undefined ? null : undefined) : undefined;
  };
  if (bothDecided) {
    const xa = targetOf(a, da);
    const xb = targetOf(b, db);
    if (xa !== undefined && xb !== undefined && xa !== xb)
      out.push({ kind: 'target', from: xa, to: xb, direction: 0 });
  }
  const pa = known(a.actionPlan);
  const pb = known(b.actionPlan);
  if (pa !== undefined && pb !== undefined && pa !== 'unknown' && pb !== 'unknown' && pa !== pb)
    out.push({ kind: 'plan', from: pa, to: pb, direction: 0 });
  const ga = known(a.planGoalYear);
  const gb = known(b.planGoalYear);
  if (ga !== undefined && gb !== undefined && ga !== gb)
    out.push({ kind: 'goal', from: ga, to: gb, direction: 0 });
  return out;
}

/** The survey before a given year's, or null for the first. */
export function previousSurvey(d: Dataset, year: number): Survey | null {
  const i = d.surveys.findIndex((s) => s.year === year);
  return i > 0 ? d.surveys[i - 1]! : null;
}

export interface RankedShare {
  value: ShareValue;
  /** 1 = highest share; null when not reported. */
  rank: number | null;
  /** Regions that reported. */
  of: number;
  /** Reporting regions at or above the goal. */
  atGoal: number;
}

/** A region's share with its rank among the regions that reported. */
export function rankedShare(d: Dataset, code: RegionCode): RankedShare | null {
  const value = d.namedGpShare.values.find((v) => v.region === code);
  if (!value) return null;
  const reported = d.namedGpShare.values.filter((v) => v.value !== null);
  const rank = value.value === null ? null : 1 + reported.filter((v) => v.value! > value.value!).length;
  const atGoal = reported.filter((v) => v.value! >= d.context.namedGpGoal.pct).length;
  return { value, rank, of: reported.length, atGoal };
}

export interface RankedGap {
  row: GapRow;
  /** Figures at the chosen guideline (the report's own at 1 100). */
  figures: ReturnType<typeof gapFigures>;
  /** 1 = most inhabitants per doctor; null when not reported. */
  rank: number | null;
  of: number;
}

/** A region's doctor-gap row, with its figures at `target` and its rank by inhabitants per doctor. */
export function rankedGap(d: Dataset, code: RegionCode, target: number): RankedGap | null {
  const row = d.doctorGap.rows.find((r) => r.region === code);
  if (!row) return null;
  const withFigures = d.doctorGap.rows.filter((r) => r.inhabitantsPerDoctor !== null);
  const ipd = row.inhabitantsPerDoctor;
  const rank = ipd === null ? null : 1 + withFigures.filter((r) => r.inhabitantsPerDoctor! > ipd).length;
  return { row, figures: gapFigures(row, target, d.doctorGap.guideline), rank, of: withFigures.length };
}
