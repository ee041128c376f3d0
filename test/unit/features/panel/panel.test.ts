import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Dataset, RegionCode } from '../../../../src/data/schema';
import { REGION_CODES } from '../../../../src/data/schema';
import {
  answerChanges as changesAt,
  previousSurvey,
  rankedGap,
  rankedShare,
  regionTimeline,
  type Change,
} from '../../../../src/features/panel/panel';
import { answerOf } from '../../../../src/domain/classify';
import { classMoves } from '../../../../src/features/changes/changes';
import { loadDataset } from '../../helpers';

/** Changes at the reports' guideline (the data's, 1 100). */
const answerChanges = (a: Answer, b: Answer) => changesAt(a, b, 1100);

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const answer = (year: number, code: RegionCode) => answerOf(d, year, code)!;
const changes = (code: RegionCode, from: number, to: number) =>
  answerChanges(answer(from, code), answer(to, code));
const byKind = (cs: Change[], kind: Change['kind']) => cs.find((c) => c.kind === kind);

describe('regionTimeline', () => {
  it.each(REGION_CODES)('%s has one entry per survey, oldest first', (code) => {
    const tl = regionTimeline(d, code);
    expect(tl.map((e) => e.survey.year)).toEqual([2022, 2023, 2024, 2025]);
    for (const e of tl) expect(e.answer.region).toBe(code);
  });

  it('Gotland: decided, decided, dated plan (inferred goal year), dated plan (inferred decision)', () => {
    const tl = regionTimeline(d, 'SE-I');
    expect(tl.map((e) => [e.cls, e.inferred])).toEqual([
      ['decided', false],
      ['decided', false],
      ['dated_plan', true],
      ['dated_plan', true],
    ]);
  });

  // The 2024 report dates Stockholm's plan ("inom 10 år" from 17 April 2024): no move 2024 → 2025.
  it('Stockholm: unknown, on the way, dated plan, dated plan', () => {
    expect(regionTimeline(d, 'SE-AB').map((e) => e.cls)).toEqual([
      'unknown',
      'on_the_way',
      'dated_plan',
      'dated_plan',
    ]);
  });

  it('Stockholm 2024 → 2025: the decision class stays; only the goal year changes (2034 → 2030)', () => {
    const cs = changes('SE-AB', 2024, 2025);
    expect(cs.filter((c) => c.direction !== 0)).toEqual([]);
    expect(byKind(cs, 'goal')).toEqual({ kind: 'goal', from: 2034, to: 2030, direction: 0 });
  });
});

describe('answerChanges on the real answers', () => {
  it('Kalmar 2023→2024: decision no→yes (forward) and target 1 750→1 100', () => {
    const cs = changes('SE-H', 2023, 2024);
    expect(byKind(cs, 'decision')).toEqual({ kind: 'decision', from: 'no', to: 'yes', direction: 1 });
    expect(byKind(cs, 'target')).toEqual({ kind: 'target', from: 1750, to: 1100, direction: 0 });
  });

  it('Stockholm 2023→2024: decision partly→yes, plan drafting→political', () => {
    const cs = changes('SE-AB', 2023, 2024);
    expect(byKind(cs, 'decision')).toEqual({ kind: 'decision', from: 'partly', to: 'yes', direction: 1 });
    expect(byKind(cs, 'plan')).toMatchObject({ from: 'drafting', to: 'political' });
    expect(byKind(cs, 'target')).toMatchObject({ from: null, to: 1100 });
  });

  it('Stockholm 2024→2025: the goal year 2030 appears, the decision stays', () => {
    const cs = changes('SE-AB', 2024, 2025);
    expect(byKind(cs, 'decision')).toBeUndefined();
    expect(byKind(cs, 'target')).toBeUndefined();
  });

  it('Jämtland 2023→2024: no change', () => {
    expect(changes('SE-Z', 2023, 2024)).toEqual([]);
  });

  it('Gotland 2023→2024: no decision or target change', () => {
    const cs = changes('SE-I', 2023, 2024);
    expect(byKind(cs, 'decision')).toBeUndefined();
    expect(byKind(cs, 'target')).toBeUndefined();
  });

  it.each(REGION_CODES.filter((c) => !['SE-I', 'SE-BD'].includes(c)))(
    '%s 2022→2023: an unknown 2022 decision is not a change',
    (code) => {
      const cs = changes(code, 2022, 2023);
      expect(byKind(cs, 'decision')).toBeUndefined();
      expect(byKind(cs, 'target')).toBeUndefined();
    },
  );

  it.each(['SE-N', 'SE-F', 'SE-BD', 'SE-E'] as RegionCode[])(
    '%s 2024→2025: a decision lost in the 2025 table is not a change',
    (code) => {
      const cs = changes(code, 2024, 2025);
      expect(byKind(cs, 'decision')).toBeUndefined();
      expect(byKind(cs, 'target')).toBeUndefined();
      expect(byKind(cs, 'goal')).toBeUndefined();
    },
  );

  it('an answer compared with itself never changes', () => {
    for (const s of d.surveys) for (const a of s.answers) expect(answerChanges(a, a)).toEqual([]);
  });
});

// Issue 20: Stockholm's panel said "no change in what is known" while its chips moved up a class
// and the changes view listed it under "Framåt". One definition of a move serves both.
describe('the panel and the changes view agree on every move', () => {
  const pairs = () => {
    const years = d.surveys.map((s) => s.year);
    return years.flatMap((from, i) => years.slice(i + 1).map((to) => [from, to] as const));
  };

  it('every region, every pair of surveys: forward, back or neither alike', () => {
    const seen: string[] = [];
    for (const [from, to] of pairs()) {
      const moves = classMoves(d, REGION_CODES, from, to);
      for (const code of REGION_CODES) {
        const cs = changes(code, from, to);
        const panel = cs.some((c) => c.direction === 1)
          ? 'up'
          : cs.some((c) => c.direction === -1)
            ? 'down'
            : '-';
        const view = moves.up.some((m) => m.code === code)
          ? 'up'
          : moves.down.some((m) => m.code === code)
            ? 'down'
            : '-';
        seen.push(`${code} ${from}→${to}: panel ${panel}, changes view ${view}`);
        expect(panel, `${code} ${from}→${to}`).toBe(view);
        // "No change in what is known" only where the changes view sees none either.
        if (view !== '-') expect(cs.length).toBeGreaterThan(0);
      }
    }
    expect(seen.length).toBe(6 * 21);
  });

  it('Uppsala and Gotland 2023 → 2024: a plan first stated moves them up, and the panel says so', () => {
    for (const code of ['SE-C', 'SE-I'] as RegionCode[])
      expect(byKind(changes(code, 2023, 2024), 'class')).toEqual({
        kind: 'class',
        from: 'decided',
        to: 'dated_plan',
        direction: 1,
      });
  });
});

describe('answerChanges rules', () => {
  const r = <T>(value: T) => ({ value, status: 'reported' as const });
  const a = (over: Partial<Answer>): Answer => ({ region: 'SE-AB', decision: r('no'), ...over }) as Answer;

  it('a move down the classes has direction −1', () => {
    const [c] = answerChanges(a({ decision: r('yes') }), a({ decision: r('partly') }));
    expect(c).toEqual({ kind: 'decision', from: 'yes', to: 'partly', direction: -1 });
  });

  // Was "a plan change only": the class moved up (decided → plan) while the panel showed no move,
  // and the changes view listed the region under "Framåt" (issue 20).
  it('the same decision with a new plan is a plan change and a move up the classes', () => {
    const cs = answerChanges(
      a({ decision: r('yes'), actionPlan: r('drafting') }),
      a({ decision: r('yes'), actionPlan: r('political') }),
    );
    expect(cs).toEqual([
      { kind: 'class', from: 'decided', to: 'plan', direction: 1 },
      { kind: 'plan', from: 'drafting', to: 'political', direction: 0 },
    ]);
  });

  it('a plan first stated moves the class without a known change of plan', () => {
    expect(
      answerChanges(a({ decision: r('yes') }), a({ decision: r('yes'), actionPlan: r('political') })),
    ).toEqual([{ kind: 'class', from: 'decided', to: 'plan', direction: 1 }]);
  });

  it('a plan that is unknown on either side is not a change', () => {
    expect(
      answerChanges(
        a({ actionPlan: r('none') }),
        a({ actionPlan: { value: 'unknown', status: 'not_legible' } }),
      ),
    ).toEqual([]);
    expect(answerChanges(a({ actionPlan: r('unknown') }), a({ actionPlan: r('political') }))).toEqual([]);
    expect(answerChanges(a({}), a({ actionPlan: r('political') }))).toEqual([]);
  });

  it('a goal year lost in the source is not a change', () => {
    expect(
      answerChanges(
        a({ planGoalYear: r(2030) }),
        a({ planGoalYear: { value: null, status: 'not_legible' } }),
      ),
    ).toEqual([]);
  });

  it('an other target lost in the source is not a change', () => {
    expect(
      answerChanges(a({ otherTarget: r(1500) }), a({ otherTarget: { value: null, status: 'not_legible' } })),
    ).toEqual([]);
  });

  // The class moves too (no decision → other target), as the changes view counts it (issue 20).
  it('an other target that appears is a change, and a move up the classes', () => {
    expect(answerChanges(a({ otherTarget: r(null) }), a({ otherTarget: r(1500) }))).toEqual([
      { kind: 'class', from: 'no', to: 'other_target', direction: 1 },
      { kind: 'target', from: null, to: 1500, direction: 0 },
    ]);
  });

  it('a class resting on a lost value moves nowhere, in the panel and the changes view alike', () => {
    const before = a({ decision: r('yes'), actionPlan: r('political'), planGoalYear: r(2030) });
    const after = a({ decision: r('yes'), actionPlan: { value: 'unknown', status: 'not_legible' } });
    expect(answerChanges(before, after)).toEqual([]);
  });

  it('a goal year moved is a change', () => {
    expect(answerChanges(a({ planGoalYear: r(2030) }), a({ planGoalYear: r(2027) }))).toEqual([
      { kind: 'goal', from: 2030, to: 2027, direction: 0 },
    ]);
  });

  // The schema says not_reported means "the value is unknown for a known reason", and
  // answerChanges says an unknown value on either side is not a change.
  it('a goal year the region could not report is not a change', () => {
    expect(
      answerChanges(
        a({ planGoalYear: r(2030) }),
        a({ planGoalYear: { value: null, status: 'not_reported' } }),
      ),
    ).toEqual([]);
  });

  it('an other target the region could not report is not a change', () => {
    expect(
      answerChanges(a({ otherTarget: r(1500) }), a({ otherTarget: { value: null, status: 'not_reported' } })),
    ).toEqual([]);
  });
});

describe('previousSurvey', () => {
  it.each([
    [2022, null],
    [2023, 2022],
    [2025, 2024],
    [1999, null],
  ])('%i → %s', (year, prev) => {
    expect(previousSurvey(d, year)?.year ?? null).toBe(prev);
  });
});

describe('rankedShare', () => {
  it.each([
    ['SE-O', 95, 1],
    ['SE-W', 84, 2],
    ['SE-U', 83, 3],
    ['SE-I', 59, 10],
    ['SE-K', 18, 16],
  ] as Array<[RegionCode, number, number]>)('%s (%i %%) ranks %i of 16', (code, value, rank) => {
    const r = rankedShare(d, code)!;
    expect(r.value.value).toBe(value);
    expect(r.rank).toBe(rank);
    expect(r.of).toBe(16);
    expect(r.atGoal).toBe(10);
  });

  it('a region that could not report has no rank', () => {
    expect(rankedShare(d, 'SE-BD')).toMatchObject({ rank: null, of: 16 });
  });

  it('ranks are a permutation of 1..16', () => {
    const ranks = REGION_CODES.map((c) => rankedShare(d, c)!.rank).filter((x) => x !== null);
    expect(ranks.sort((a, b) => a - b)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('tied values share a rank', () => {
    const d2: Dataset = {
      ...d,
      namedGpShare: {
        ...d.namedGpShare,
        values: d.namedGpShare.values.map((v) => (v.region === 'SE-W' ? { ...v, value: 95 } : v)),
      },
    };
    expect(rankedShare(d2, 'SE-O')!.rank).toBe(1);
    expect(rankedShare(d2, 'SE-W')!.rank).toBe(1);
    expect(rankedShare(d2, 'SE-U')!.rank).toBe(3);
  });
});

describe('rankedGap', () => {
  it.each([
    ['SE-K', 1],
    ['SE-Y', 2],
    ['SE-S', 3],
    ['SE-Z', 20],
  ] as Array<[RegionCode, number]>)('%s ranks %i of 20 by inhabitants per doctor', (code, rank) => {
    const r = rankedGap(d, code, 1100)!;
    expect(r.rank).toBe(rank);
    expect(r.of).toBe(20);
    expect(r.figures).toEqual({
      doctorsNeeded: r.row.doctorsNeeded,
      increasePct: r.row.increaseNeededPct,
      computed: false,
    });
  });

  it('Gotland has a row but no rank and no figures', () => {
    const r = rankedGap(d, 'SE-I', 1500)!;
    expect(r.row.population).toBe(59636);
    expect(r.rank).toBeNull();
    expect(r.figures).toBeNull();
  });

  it('the rank does not depend on the target, the figures do', () => {
    const a = rankedGap(d, 'SE-AB', 1100)!;
    const b = rankedGap(d, 'SE-AB', 1500)!;
    expect(b.rank).toBe(a.rank);
    expect(b.figures!.computed).toBe(true);
    expect(b.figures!.doctorsNeeded).toBeLessThan(a.figures!.doctorsNeeded);
  });
});
