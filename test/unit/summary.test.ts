import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/lib/data/schema';
import { DICTS } from './helpers';
import { namedDecidedCount, summarySentence } from '../../src/lib/summary';
import { loadDataset } from './helpers';

const NBSP = '\u00a0';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const sv = (metric: 'decision' | 'share' | 'gap', year: number | null = null, target = 1100) =>
  summarySentence(d, metric, year, target, DICTS.sv, 'sv');
const en = (metric: 'decision' | 'share' | 'gap', year: number | null = null, target = 1100) =>
  summarySentence(d, metric, year, target, DICTS.en, 'en');

describe('decision summary', () => {
  it.each([
    [null, '13 av 21', '13 of 21'],
    [2025, '13 av 21', '13 of 21'],
    [2024, '10 av 21', '10 of 21'],
    [2023, '3 av 21', '3 of 21'],
    [2022, '2 av 21', '2 of 21'],
  ])('year %s: "%s" / "%s"', (year, svText, enText) => {
    expect(sv('decision', year)).toMatch(new RegExp(`^${svText} regioner`));
    expect(en('decision', year)).toMatch(new RegExp(`^${enText} regions`));
  });

  it('names the publisher and the fieldwork months', () => {
    expect(sv('decision', 2024)).toContain('enligt Sveriges läkarförbund (feb.–apr. 2024)');
    expect(en('decision', 2024)).toContain('according to Sveriges läkarförbund (Feb–Apr 2024)');
    expect(sv('decision', 2022)).toContain('Dagens Medicin');
  });

  it('2025: says the report names only 3 of the 13', () => {
    expect(namedDecidedCount(d, 2025)).toBe(3);
    expect(sv('decision', 2025)).toContain('Rapporten namnger 3 av dem');
    expect(en('decision', 2025)).toContain('The report names 3 of them');
  });

  it.each([2022, 2023, 2024])('%i: no caveat when every decided region is named', (year) => {
    expect(namedDecidedCount(d, year)).toBe(d.surveys.find((s) => s.year === year)!.decidedCount.value);
    expect(sv('decision', year)).not.toContain('namnger');
    expect(en('decision', year)).not.toContain('names');
  });
});

describe('share summary', () => {
  it('says 10 of 16 and that 5 could not report (Swedish)', () => {
    const s = sv('share');
    expect(s).toMatch(/^10 av de 16 regioner som kunde redovisa/);
    expect(s).toContain('5 regioner kunde inte redovisa');
    expect(s).toContain('31 dec. 2023');
  });

  it('says 10 of 16 and that 5 could not report (English)', () => {
    const s = en('share');
    expect(s).toMatch(/^10 of the 16 regions that could report/);
    expect(s).toContain('5 regions could not report');
    expect(s).toContain('31 Dec 2023');
  });

  it('does not depend on the survey year or target', () => {
    expect(sv('share', 2022, 1500)).toBe(sv('share'));
  });
});

describe('gap summary', () => {
  it('at 1 100 gives the national 4 454 and 90 %, formatted for Swedish', () => {
    const s = sv('gap');
    expect(s).toContain(`4${NBSP}454 fler läkare`);
    expect(s).toContain(`en ökning med 90${NBSP}%`);
    expect(s).toContain('2019');
  });

  it('at 1 100 in English', () => {
    const s = en('gap');
    expect(s).toContain('4,454 more doctors');
    expect(s).toContain('an increase of 90%');
  });

  it('at 1 500 is computed: 1 952 more doctors, +40 %', () => {
    const s = sv('gap', null, 1500);
    expect(s).toContain(`riktvärdet 1${NBSP}500`);
    expect(s).toContain(`1${NBSP}952 fler läkare`);
    expect(s).toContain(`40${NBSP}%`);
    expect(s).toContain('beräknat');
    expect(en('gap', null, 1500)).toContain('1,952 more doctors, an increase of 40%');
  });

  it('at 2 000: 232 more doctors, +5 %', () => {
    expect(en('gap', null, 2000)).toContain('232 more doctors, an increase of 5%');
  });

  it('says "fewer doctors" when the guideline is looser than today', () => {
    // Beyond the slider (2 094 inhabitants per doctor nationally): 2 500 needs 800 fewer.
    expect(sv('gap', null, 2500)).toContain('800 färre läkare');
    expect(en('gap', null, 2500)).toContain('800 fewer doctors');
  });

  it('is empty when the national figures are missing', () => {
    const d2: Dataset = {
      ...d,
      doctorGap: {
        ...d.doctorGap,
        national: { ...d.doctorGap.national, doctorsNeeded: null, increaseNeededPct: null },
      },
    };
    expect(summarySentence(d2, 'gap', null, 1100, DICTS.sv, 'sv')).toBe('');
  });
});
