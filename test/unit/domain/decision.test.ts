import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Dataset, RegionCode } from '../../../src/data/schema';
import {
  DECIDED_CLASSES,
  DECISION_CLASSES,
  DECISION_COLORS,
  decisionClass,
  decisionRank,
  answerMove,
  type DecisionClass,
} from '../../../src/domain/decision';
import { answerOf, classify, type Pattern } from '../../../src/domain/classify';
import { loadDataset } from '../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const answer = (year: number, code: RegionCode) => answerOf(d, year, code)!;

describe('decision classes of known answers', () => {
  it.each([
    [2025, 'SE-I', 'dated_plan', 'inferred'],
    [2025, 'SE-AB', 'dated_plan', 'inferred'],
    [2025, 'SE-G', 'plan', 'inferred'],
    [2025, 'SE-D', 'other_target', 'inferred'],
    [2025, 'SE-N', 'unknown', 'unknown'],
    [2025, 'SE-BD', 'unknown', 'unknown'],
    [2025, 'SE-O', 'on_the_way', 'inferred'],
    [2025, 'SE-K', 'no', 'none'],
    [2024, 'SE-Z', 'equivalent', 'none'],
    [2024, 'SE-AB', 'dated_plan', 'inferred'],
    [2024, 'SE-C', 'dated_plan', 'none'],
    [2024, 'SE-I', 'dated_plan', 'inferred'],
    [2024, 'SE-F', 'decided', 'none'],
    [2024, 'SE-H', 'decided', 'none'],
    [2024, 'SE-D', 'other_target', 'none'],
    [2024, 'SE-T', 'no', 'none'],
    [2023, 'SE-H', 'other_target', 'none'],
    [2023, 'SE-AB', 'on_the_way', 'none'],
    [2023, 'SE-C', 'decided', 'none'],
    [2023, 'SE-K', 'no', 'none'],
    [2022, 'SE-I', 'decided', 'none'],
    [2022, 'SE-BD', 'decided', 'none'],
    [2022, 'SE-AB', 'unknown', 'unknown'],
  ] as Array<[number, RegionCode, DecisionClass, Pattern]>)('%i %s → %s (%s)', (year, code, cls, pattern) => {
    const r = decisionClass(answer(year, code));
    expect(r.cls).toBe(cls);
    expect(r.inferred).toBe(pattern === 'inferred');
    const rv = classify(d, 'decision', year, 1100).byRegion[code];
    expect(rv.classId).toBe(cls);
    expect(rv.pattern).toBe(pattern);
    expect(rv.color).toBe(DECISION_COLORS[cls]);
  });

  it.each([
    [2022, 2],
    [2023, 3],
    [2024, 10],
  ])('%i: the regions in the decided classes match the reported count %i', (year, n) => {
    const s = d.surveys.find((x) => x.year === year)!;
    const decided = s.answers.filter((a) => DECIDED_CLASSES.includes(decisionClass(a).cls));
    expect(decided).toHaveLength(n);
    expect(s.decidedCount.value).toBe(n);
  });

  it('2025: the report names only 4 of its 13 decided regions (the rest of the table was lost)', () => {
    const s = d.surveys.find((x) => x.year === 2025)!;
    const decided = s.answers
      .filter((a) => DECIDED_CLASSES.includes(decisionClass(a).cls))
      .map((a) => a.region);
    // The three with a dated political plan, and Kronoberg with an undated one.
    expect(decided.sort()).toEqual(['SE-AB', 'SE-C', 'SE-G', 'SE-I']);
  });
});

describe('decisionClass rules', () => {
  const rep = <T>(value: T, status: 'reported' | 'inferred' = 'reported') =>
    status === 'inferred' ? { value, status, note: { sv: 'x', en: 'x' } } : { value, status };
  const a = (over: Partial<Answer>): Answer => ({ region: 'SE-AB', decision: rep('yes'), ...over }) as Answer;

  it.each([
    [
      'yes, political plan, goal year',
      a({ actionPlan: rep('political'), planGoalYear: rep(2030) }),
      'dated_plan',
      false,
    ],
    [
      'yes, political plan, no goal year',
      a({ actionPlan: rep('political'), planGoalYear: rep(null) }),
      'plan',
      false,
    ],
    [
      'yes, official plan with goal year',
      a({ actionPlan: rep('official'), planGoalYear: rep(2030) }),
      'plan',
      false,
    ],
    ['yes, plan being drafted', a({ actionPlan: rep('drafting') }), 'decided', false],
    ['yes, no plan', a({ actionPlan: rep('none') }), 'decided', false],
    ['yes, plan unstated', a({}), 'decided', false],
    [
      'yes, inferred goal year',
      a({ actionPlan: rep('political'), planGoalYear: rep(2027, 'inferred') }),
      'dated_plan',
      true,
    ],
    ['yes, inferred plan', a({ actionPlan: rep('official', 'inferred') }), 'plan', true],
    // The goal year is not what the class rests on without a political plan.
    [
      'yes, drafting, inferred goal year',
      a({ actionPlan: rep('drafting'), planGoalYear: rep(2030, 'inferred') }),
      'decided',
      false,
    ],
    ['inferred yes', a({ decision: rep('yes', 'inferred') }), 'decided', true],
    ['equivalent', a({ decision: rep('equivalent'), otherTarget: rep(1250) }), 'equivalent', false],
    ['partly', a({ decision: rep('partly') }), 'on_the_way', false],
    ['no with other target', a({ decision: rep('no'), otherTarget: rep(1500) }), 'other_target', false],
    [
      'no with inferred other target',
      a({ decision: rep('no'), otherTarget: rep(1500, 'inferred') }),
      'other_target',
      true,
    ],
    ['no, other target none', a({ decision: rep('no'), otherTarget: rep(null) }), 'no', false],
    [
      'no, inferred other target ignored when null',
      a({ decision: rep('no'), otherTarget: rep(null, 'inferred') }),
      'no',
      false,
    ],
    [
      'no, plan ignored',
      a({ decision: rep('no'), actionPlan: rep('political'), planGoalYear: rep(2030) }),
      'no',
      false,
    ],
    ['unknown', a({ decision: { value: 'unknown', status: 'not_legible' } }), 'unknown', false],
    [
      'unknown, inferred plan ignored',
      a({ decision: rep('unknown'), actionPlan: rep('political', 'inferred') }),
      'unknown',
      false,
    ],
  ] as Array<[string, Answer, DecisionClass, boolean]>)('%s → %s', (_name, ans, cls, inferred) => {
    expect(decisionClass(ans)).toEqual({ cls, inferred });
  });
});

describe('decisionRank and colours', () => {
  it('ranks the classes in order, unknown unranked', () => {
    expect(DECISION_CLASSES.map(decisionRank)).toEqual([0, 1, 2, 3, 4, 5, 6, null]);
  });

  it('gives each class a distinct colour', () => {
    const colors = DECISION_CLASSES.map((c) => DECISION_COLORS[c]);
    expect(new Set(colors).size).toBe(DECISION_CLASSES.length);
    for (const c of colors) expect(c).toMatch(/^#[0-9a-fA-F]{6}$/);
  });

  it('counts only the top three classes as decided', () => {
    expect([...DECIDED_CLASSES]).toEqual(['dated_plan', 'plan', 'decided']);
  });
});

describe('answerMove: the one definition of a move between surveys', () => {
  const r = <T>(value: T) => ({ value, status: 'reported' as const });
  const a = (over: Partial<Answer>): Answer => ({ region: 'SE-AB', decision: r('no'), ...over }) as Answer;

  it('up, down and same follow the class order', () => {
    expect(answerMove(a({}), a({ decision: r('yes') })).direction).toBe(1);
    expect(answerMove(a({ decision: r('yes') }), a({ decision: r('partly') })).direction).toBe(-1);
    expect(answerMove(a({}), a({})).direction).toBe(0);
  });

  it('an unknown class, or one resting on a lost value, cannot move', () => {
    expect(
      answerMove(a({ decision: { value: 'unknown', status: 'not_legible' } }), a({})).direction,
    ).toBeNull();
    const lostTarget = a({ otherTarget: { value: null, status: 'not_legible' } });
    expect(answerMove(a({ otherTarget: r(1500) }), lostTarget)).toEqual({
      from: 'other_target',
      to: 'no',
      direction: null,
    });
  });
});
