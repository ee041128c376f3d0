/**
 * The coding rulebook (public/data/README.md, "Coding rules") as checks over the whole dataset:
 * what the schema cannot see because it spans cells, answers or files. `npm run data:check` runs
 * them and fails on any breach, so a new survey cannot drift from how the earlier ones were
 * coded; the schema enforces the rules that concern one cell (an unknown value is never reported
 * or inferred; an inferred one has a note; the national total says what it covers).
 */
import type { Answer, Dataset, Survey } from './schema';

export interface Rule {
  /** Short id, as the README's rulebook numbers them (R1…). */
  id: string;
  /** The rule in one sentence. */
  text: string;
  /** Breaches, each naming the survey file, the region and the field. */
  check(d: Dataset): string[];
}

const where = (s: Survey, a: Answer, field: string) => `surveys/${s.year}.json ${a.region} ${field}`;
const eachAnswer = (d: Dataset, f: (s: Survey, a: Answer) => string | null): string[] =>
  d.surveys.flatMap((s) => s.answers.map((a) => f(s, a)).filter((x): x is string => x !== null));
const known = (c: { status: string } | undefined) =>
  c !== undefined && (c.status === 'reported' || c.status === 'inferred');

export const RULES: readonly Rule[] = [
  {
    id: 'R2',
    text: 'A politically decided action plan to reach the guideline is a decision to strive for it: its decision is never unknown.',
    check: (d) =>
      eachAnswer(d, (s, a) =>
        a.actionPlan?.value === 'political' && known(a.actionPlan) && a.decision.value === 'unknown'
          ? `${where(s, a, 'decision')}: unknown beside a politically decided plan (R2: yes, inferred)`
          : null,
      ),
  },
  {
    id: 'R4',
    text: 'An action plan that officials drew up, without a political decision, is "official", never "none".',
    check: (d) =>
      eachAnswer(d, (s, a) => {
        const p = a.actionPlan;
        const words = `${p?.note?.sv ?? ''} ${p?.asGiven ?? ''}`;
        return p?.value === 'none' && /tjänstem[äa]n\w*\s[^.]*tagit fram en (handlings)?plan/i.test(words)
          ? `${where(s, a, 'actionPlan')}: "none" where officials drew up a plan (R4: official)`
          : null;
      }),
  },
  {
    id: 'R6',
    text: "A survey's values come from that survey's own report: a later report's figure is never carried back.",
    check: (d) =>
      eachAnswer(d, (s, a) => {
        const fields = ['decision', 'otherTarget', 'actionPlan', 'planGoalYear', 'targetYear'] as const;
        const bad = fields.filter((k) => a[k]?.source && a[k]!.source!.doc !== s.source.doc);
        return bad.length
          ? `${where(s, a, bad.join(', '))}: sourced from another report than the survey's (${s.source.doc})`
          : null;
      }),
  },
  {
    id: 'R7',
    text: "A target year apart from a plan is recorded only where there is no plan of the region's to hold it.",
    check: (d) =>
      eachAnswer(d, (s, a) =>
        a.targetYear &&
        (a.actionPlan?.value === 'political' || a.actionPlan?.value === 'official') &&
        known(a.actionPlan)
          ? `${where(s, a, 'targetYear')}: the region has a plan; its year is the plan's goal year (R7)`
          : null,
      ),
  },
  {
    id: 'R8',
    text: 'A plan goal year belongs to a plan: it stands only beside a plan that exists or is being drawn up.',
    check: (d) =>
      eachAnswer(d, (s, a) =>
        a.planGoalYear && a.actionPlan?.value === 'none' && known(a.actionPlan)
          ? `${where(s, a, 'planGoalYear')}: a goal year beside "no plan" (R8: a target year, if anything)`
          : null,
      ),
  },
];

/** Every breach of the rulebook in the dataset; empty when it keeps every rule. */
export function checkRules(d: Dataset, rules: readonly Rule[] = RULES): string[] {
  return rules.flatMap((r) => r.check(d).map((x) => `${r.id}: ${x}`));
}
