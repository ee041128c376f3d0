/**
 * Decision classes: one ordered set that means the same in every survey year, from a decision
 * backed by a dated, politically decided plan down to no decision, plus unknown.
 */
import type { Answer } from '../data/schema';
import { OKABE_ITO, UNKNOWN_GREY } from './palette';

export const DECISION_CLASSES = [
  'dated_plan',
  'plan',
  'decided',
  'equivalent',
  'on_the_way',
  'other_target',
  'no',
  'unknown',
] as const;
export type DecisionClass = (typeof DECISION_CLASSES)[number];

export const DECISION_COLORS: Record<DecisionClass, string> = {
  dated_plan: OKABE_ITO.blue,
  plan: OKABE_ITO.bluishGreen,
  decided: OKABE_ITO.skyBlue,
  equivalent: OKABE_ITO.reddishPurple,
  on_the_way: OKABE_ITO.yellow,
  other_target: OKABE_ITO.orange,
  no: OKABE_ITO.vermillion,
  unknown: UNKNOWN_GREY,
};

/** Classes that count as "decided to strive for 1 100" in the national count. */
export const DECIDED_CLASSES: readonly DecisionClass[] = ['dated_plan', 'plan', 'decided'];

export interface DecisionResult {
  cls: DecisionClass;
  /** True when any value the class rests on is inferred rather than stated. */
  inferred: boolean;
}

/**
 * Classifies one answer. The class rests on the decision, and on the plan and goal year when the
 * decision is yes, or on the other target when it is no; `inferred` follows those values only.
 */
export function decisionClass(a: Answer): DecisionResult {
  const d = a.decision;
  const inf = (...cells: Array<{ status: string } | undefined>) =>
    cells.some((c) => c?.status === 'inferred');
  switch (d.value) {
    case 'yes': {
      const plan = a.actionPlan;
      const goal = a.planGoalYear;
      if (plan?.value === 'political' && goal?.value != null)
        return { cls: 'dated_plan', inferred: inf(d, plan, goal) };
      if (plan?.value === 'political' || plan?.value === 'official')
        return { cls: 'plan', inferred: inf(d, plan) };
      return { cls: 'decided', inferred: inf(d) };
    }
    case 'equivalent':
      return { cls: 'equivalent', inferred: inf(d) };
    case 'partly':
      return { cls: 'on_the_way', inferred: inf(d) };
    case 'no':
      if (a.otherTarget?.value != null) return { cls: 'other_target', inferred: inf(d, a.otherTarget) };
      return { cls: 'no', inferred: inf(d) };
    case 'unknown':
      return { cls: 'unknown', inferred: false };
  }
}

/** Rank of a class, 0 = furthest along; unknown has no rank (null). */
export function decisionRank(cls: DecisionClass): number | null {
  return cls === 'unknown' ? null : DECISION_CLASSES.indexOf(cls);
}

/** Moved up the classes (+1), down (−1), stayed (0), or cannot be told (null). */
export type Move = -1 | 0 | 1 | null;

/** +1 when `to` is further along the classes than `from`, −1 when less far, 0 the same; null when either is unknown. */
export function classMove(from: DecisionClass, to: DecisionClass): Move {
  const a = decisionRank(from);
  const b = decisionRank(to);
  if (a === null || b === null) return null;
  return b < a ? 1 : b > a ? -1 : 0;
}

const lost = (c: { status: string } | undefined) =>
  c?.status === 'not_legible' || c?.status === 'not_reported';

/**
 * True when the answer's class rests on a value the source lost or could not give: a yes whose
 * plan (or, beside a political plan, goal year) is unknown, a no whose other target is. The
 * class then reads that value as absent, so it may be too low, and no move to or from it can be
 * told.
 */
export function restsOnLost(a: Answer): boolean {
  switch (a.decision.value) {
    case 'yes':
      return lost(a.actionPlan) || (a.actionPlan?.value === 'political' && lost(a.planGoalYear));
    case 'no':
      return lost(a.otherTarget);
    default:
      return false;
  }
}

/**
 * The one definition of a region's move between two surveys, for the changes view, its summary
 * and the region panel alike: the two classes and the move between them, null where either class
 * is unknown or rests on a lost value.
 */
export function answerMove(
  a: Answer,
  b: Answer,
): { from: DecisionClass; to: DecisionClass; direction: Move } {
  const from = decisionClass(a).cls;
  const to = decisionClass(b).cls;
  return { from, to, direction: restsOnLost(a) || restsOnLost(b) ? null : classMove(from, to) };
}
