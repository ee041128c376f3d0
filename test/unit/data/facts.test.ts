/**
 * The figures the reports state, checked against the data files, so a transcription slip fails
 * the suite. Each number here was read from the reports, not from the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RegionCode, Survey } from '../../../src/data/schema';
import { gapAt } from '../../../src/features/whatif/whatif';
import { loadDataset } from '../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const survey = (year: number): Survey => {
  const s = d.surveys.find((x) => x.year === year);
  if (!s) throw new Error(`no survey ${year}`);
  return s;
};
const answer = (year: number, code: RegionCode) => survey(year).answers.find((a) => a.region === code)!;
const withDecision = (year: number, value: string) =>
  survey(year)
    .answers.filter((a) => a.decision.value === value)
    .map((a) => a.region)
    .sort();

describe('surveys', () => {
  it.each([
    [2022, 2],
    [2023, 3],
    [2024, 10],
    [2025, 13],
  ])('%i reports %i regions decided', (year, n) => {
    expect(survey(year).decidedCount.value).toBe(n);
  });

  it('2022: exactly Gotland and Norrbotten say yes, the other 19 are unknown (not no)', () => {
    expect(withDecision(2022, 'yes')).toEqual(['SE-BD', 'SE-I']);
    expect(withDecision(2022, 'unknown')).toHaveLength(19);
    expect(withDecision(2022, 'no')).toEqual([]);
  });

  it('2023: yes from exactly Gotland, Norrbotten and Uppsala', () => {
    expect(withDecision(2023, 'yes')).toEqual(['SE-BD', 'SE-C', 'SE-I']);
  });

  it('2024: yes from exactly 10 regions, matching the reported count', () => {
    const yes = withDecision(2024, 'yes');
    expect(yes).toHaveLength(10);
    expect(yes).toEqual(
      ['SE-AB', 'SE-C', 'SE-F', 'SE-H', 'SE-I', 'SE-M', 'SE-U', 'SE-Y', 'SE-AC', 'SE-BD'].sort(),
    );
    expect(yes).toHaveLength(survey(2024).decidedCount.value);
  });

  it.each(['SE-AB', 'SE-I', 'SE-C'] as const)('2024: %s has a politically decided action plan', (code) => {
    expect(answer(2024, code).actionPlan?.value).toBe('political');
  });

  it.each([
    ['SE-AB', 2030],
    ['SE-I', 2027],
    ['SE-C', 2030],
  ] as const)('2025: %s has plan goal year %i', (code, year) => {
    const a = answer(2025, code);
    expect(a.planGoalYear?.value).toBe(year);
    expect(a.actionPlan?.value).toBe('political');
    expect(a.decision.value).toBe('yes');
  });

  it.each([
    [2023, 'SE-D', 1500],
    [2023, 'SE-H', 1750],
    [2023, 'SE-Z', 1250],
    [2024, 'SE-D', 1500],
    [2024, 'SE-S', 1500],
  ] as const)('%i: %s has the other target %i', (year, code, target) => {
    expect(answer(year, code).otherTarget?.value).toBe(target);
  });

  it('fieldwork lies in the survey year', () => {
    for (const s of d.surveys) {
      expect(Number(s.fieldwork.from.slice(0, 4))).toBe(s.year);
      expect(Number(s.fieldwork.to.slice(0, 4))).toBe(s.year);
    }
  });
});

describe('named GP share (31 Dec 2023)', () => {
  const reported = () => d.namedGpShare.values.filter((v) => v.value !== null);

  it('has 16 values from 18 (Blekinge) to 95 (Västra Götaland)', () => {
    const vals = reported();
    expect(vals).toHaveLength(16);
    const min = vals.reduce((a, b) => (b.value! < a.value! ? b : a));
    const max = vals.reduce((a, b) => (b.value! > a.value! ? b : a));
    expect(min).toMatchObject({ region: 'SE-K', value: 18 });
    expect(max).toMatchObject({ region: 'SE-O', value: 95 });
  });

  it('the five non-reporting regions are exactly Jämtland, Jönköping, Norrbotten, Värmland, Västerbotten', () => {
    const missing = d.namedGpShare.values.filter((v) => v.value === null);
    expect(missing.map((v) => v.region).sort()).toEqual(['SE-AC', 'SE-BD', 'SE-F', 'SE-S', 'SE-Z']);
    for (const v of missing) expect(v.status).toBe('not_reported');
  });

  it('10 values are at or above the 55 % goal', () => {
    expect(d.context.namedGpGoal.pct).toBe(55);
    expect(reported().filter((v) => v.value! >= 55)).toHaveLength(10);
  });

  it('is dated 2023-12-31', () => {
    expect(d.namedGpShare.date).toBe('2023-12-31');
  });
});

describe('doctor gap (Bilaga 4, 2019)', () => {
  it('is for 2019 at the guideline 1 100', () => {
    expect(d.doctorGap.year).toBe(2019);
    expect(d.doctorGap.guideline).toBe(1100);
    expect(d.context.guideline.perSpecialist).toBe(1100);
  });

  it('regional populations sum to 10 319 473, the national population', () => {
    const sum = d.doctorGap.rows.reduce((a, r) => a + r.population, 0);
    expect(sum).toBe(10_319_473);
    expect(d.doctorGap.national.population).toBe(10_319_473);
  });

  it('the national figures are 4 454 doctors needed, an increase of 90 %', () => {
    expect(d.doctorGap.national).toMatchObject({
      doctors: 4927,
      inhabitantsPerDoctor: 2094,
      doctorsNeeded: 4454,
      increaseNeededPct: 90,
      status: 'reported',
    });
  });

  it('Gotland has only its population', () => {
    const g = d.doctorGap.rows.find((r) => r.region === 'SE-I')!;
    expect(g.status).toBe('not_reported');
    expect(g.population).toBe(59_636);
    expect([g.doctors, g.inhabitantsPerDoctor, g.doctorsNeeded, g.increaseNeededPct]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(g.note?.sv).toBeTruthy();
  });

  it('every other region reports all figures', () => {
    const others = d.doctorGap.rows.filter((r) => r.region !== 'SE-I');
    expect(others).toHaveLength(20);
    for (const r of others) expect(r.status).toBe('reported');
  });

  const rows = () => [...d.doctorGap.rows.filter((r) => r.status === 'reported'), d.doctorGap.national];

  it('each doctorsNeeded ≈ population/1100 − population/inhabitantsPerDoctor (±1)', () => {
    for (const r of rows()) {
      const expected = r.population / 1100 - r.population / r.inhabitantsPerDoctor!;
      expect(Math.abs(r.doctorsNeeded! - expected), JSON.stringify(r)).toBeLessThanOrEqual(1);
      // And gapAt, the app's formula, gives the same.
      expect(Math.abs(r.doctorsNeeded! - gapAt(r, 1100)!.doctorsNeeded)).toBeLessThanOrEqual(1);
    }
  });

  it('each doctorsNeeded ≈ population/1100 − doctors (±1)', () => {
    for (const r of rows())
      expect(
        Math.abs(r.doctorsNeeded! - (r.population / 1100 - r.doctors!)),
        JSON.stringify(r),
      ).toBeLessThanOrEqual(1);
  });

  it("each region's doctors ≈ population/inhabitantsPerDoctor (±1)", () => {
    // Regional rows only: the national row's 4 927 is the report's own total, 1.1 off its ratio.
    for (const r of d.doctorGap.rows.filter((x) => x.status === 'reported'))
      expect(
        Math.abs(r.doctors! - r.population / r.inhabitantsPerDoctor!),
        JSON.stringify(r),
      ).toBeLessThanOrEqual(1);
  });

  it('each increaseNeededPct ≈ (inhabitantsPerDoctor/1100 − 1) × 100 (±1)', () => {
    for (const r of rows())
      expect(
        Math.abs(r.increaseNeededPct! - (r.inhabitantsPerDoctor! / 1100 - 1) * 100),
        JSON.stringify(r),
      ).toBeLessThanOrEqual(1);
  });

  it.each([
    ['SE-AB', 2_374_550, 1073, 99],
    ['SE-K', 159_748, 88, 155],
    ['SE-O', 1_724_529, 703, 81],
    ['SE-Z', 130_697, 21, 21],
  ] as const)('%s: population %i, %i doctors needed, +%i %%', (code, pop, needed, pct) => {
    expect(d.doctorGap.rows.find((r) => r.region === code)).toMatchObject({
      population: pop,
      doctorsNeeded: needed,
      increaseNeededPct: pct,
    });
  });
});
