import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { checkRules, RULES } from '../../../src/data/rules';
import { Answer, DoctorGap, type Dataset } from '../../../src/data/schema';
import { loadDataset } from '../helpers';

const d = await loadDataset();
const copy = () => structuredClone(d) as Dataset;
const answer = (x: Dataset, year: number, code: string) =>
  x.surveys.find((s) => s.year === year)!.answers.find((a) => a.region === code)!;
const rule = (id: string) => RULES.find((r) => r.id === id)!;

describe('the coding rulebook (public/data/README.md)', () => {
  it('the dataset keeps every rule', () => {
    expect(checkRules(d)).toEqual([]);
  });

  it('R1: an unknown value is never reported or inferred (schema), in any cell', () => {
    const base = { region: 'SE-AB', decision: { value: 'yes', status: 'reported' } };
    for (const status of ['reported', 'inferred'] as const) {
      const bad = { ...base, decision: { value: 'unknown', status, note: { sv: 'x', en: 'x' } } };
      expect(v.safeParse(Answer, bad).success).toBe(false);
      const plan = { ...base, actionPlan: { value: 'unknown', status, note: { sv: 'x', en: 'x' } } };
      expect(v.safeParse(Answer, plan).success).toBe(false);
    }
    expect(
      v.safeParse(Answer, { ...base, decision: { value: 'unknown', status: 'not_reported' } }).success,
    ).toBe(true);
    // A known "none" (no dated goal) is not an unknown.
    expect(v.safeParse(Answer, { ...base, planGoalYear: { value: null, status: 'reported' } }).success).toBe(
      true,
    );
    // 2022: the 19 answers Dagens Medicin did not give are not reported.
    const y2022 = d.surveys.find((s) => s.year === 2022)!;
    expect(y2022.answers.filter((a) => a.decision.status === 'not_reported')).toHaveLength(19);
  });

  it('R2: a politically decided plan beside an unknown decision is a breach', () => {
    const x = copy();
    const a = answer(x, 2025, 'SE-G');
    a.decision = { value: 'unknown', status: 'not_legible' };
    expect(rule('R2').check(x)).toEqual([
      'surveys/2025.json SE-G decision: unknown beside a politically decided plan (R2: yes, inferred)',
    ]);
    // As coded: Kronoberg, Stockholm, Uppsala and Gotland 2025 are "yes", inferred from their plans.
    for (const code of ['SE-G', 'SE-AB', 'SE-C', 'SE-I'])
      expect(answer(d, 2025, code).decision).toMatchObject({ value: 'yes', status: 'inferred' });
  });

  it('R4: officials\u2019 plan coded "none" is a breach', () => {
    const x = copy();
    answer(x, 2024, 'SE-K').actionPlan!.value = 'none';
    expect(rule('R4').check(x)).toHaveLength(1);
    // As coded: Blekinge and Sörmland 2024, both plans by officials, are both "official".
    for (const code of ['SE-K', 'SE-D']) expect(answer(d, 2024, code).actionPlan!.value).toBe('official');
  });

  it('R5: the national total must say what it covers while a region has no figures (schema)', () => {
    const g = structuredClone(d.doctorGap);
    delete g.national.note;
    expect(v.safeParse(DoctorGap, g).success).toBe(false);
    expect(d.doctorGap.national.note?.sv).toContain('Därav inga siffor för Region Gotland');
  });

  it('R6: a value sourced from a later report is a breach', () => {
    const x = copy();
    answer(x, 2024, 'SE-I').planGoalYear!.source = { doc: 'lf2025', part: 'Tabell' };
    expect(rule('R6').check(x)).toEqual([
      "surveys/2024.json SE-I planGoalYear: sourced from another report than the survey's (lf2024)",
    ]);
  });

  it('R7: a target year beside a plan of the region is a breach', () => {
    const x = copy();
    answer(x, 2024, 'SE-C').targetYear = { value: 2030, status: 'reported' };
    expect(rule('R7').check(x)).toHaveLength(1);
    // As coded: Västmanland 2024 (2029, plan being drawn up) and Jämtland Härjedalen 2025 (2030, no plan).
    expect(answer(d, 2024, 'SE-U').targetYear?.value).toBe(2029);
    expect(answer(d, 2025, 'SE-Z').targetYear?.value).toBe(2030);
  });

  it('R8: a plan goal year beside "no plan" is a breach', () => {
    const x = copy();
    answer(x, 2025, 'SE-Z').planGoalYear = { value: 2030, status: 'reported' };
    expect(rule('R8').check(x)).toHaveLength(1);
  });
});
