import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../../src/data/schema';
import { DICTS } from '../../helpers';
import {
  namedDecidedCount,
  nationalGapNote,
  regionShortfalls,
  summarySentence,
} from '../../../../src/features/overview/summary';
import { gapFigures } from '../../../../src/features/whatif/whatif';
import { formatNumber } from '../../../../src/i18n/format';
import { shortSourceLabel } from '../../../../src/data/sources';
import { loadDataset } from '../../helpers';

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
    // In English by the header's name (issue 20: was "according to Sveriges läkarförbund").
    expect(en('decision', 2024)).toContain('according to the Swedish Medical Association (Feb–Apr 2024)');
    expect(sv('decision', 2022)).toContain('Dagens Medicin');
  });

  it('2025: says the report names only 4 of the 13 (Stockholm, Uppsala, Gotland, Kronoberg)', () => {
    expect(namedDecidedCount(d, 2025)).toBe(4);
    expect(sv('decision', 2025)).toContain('Rapporten namnger 4 av dem');
    expect(en('decision', 2025)).toContain('The report names 4 of them');
  });

  it('2022: counts what the source counted, clear yeses, and claims no more', () => {
    expect(sv('decision', 2022)).toMatch(/^2 av 21 regioner svarade tydligt ja/);
    expect(sv('decision', 2022)).not.toContain('hade beslutat');
    expect(en('decision', 2022)).toMatch(/^2 of 21 regions answered a clear yes/);
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

describe('national doctor-gap figures say what they cover', () => {
  it('at 1 100: the total row, and the 20 regions with figures summed (4 401, Gotland has none)', () => {
    expect(regionShortfalls(d, 1100)).toEqual({ shortfall: 4401, regions: 20 });
    expect(sv('gap', null)).toContain('4\u00a0454');
    expect(sv('gap', null)).toContain('de 20 regioner som har siffror behövde tillsammans 4\u00a0401');
  });

  it('at 2 000: the net national figure and the regions\u2019 shortfalls, each named, differ', () => {
    const s = summarySentence(d, 'gap', null, 2000, DICTS.sv, 'sv');
    const { shortfall } = regionShortfalls(d, 2000);
    expect(s).toMatch(/netto/);
    expect(s).toContain(
      `underskott, utan att räkna av överskott, är ${formatNumber(Math.round(shortfall), 'sv')} läkare`,
    );
    // Some regions have more doctors than a guideline of 2 000 asks for: net and sum part.
    const net = -gapFigures(d.doctorGap.national, 2000, 1100)!.doctorsNeeded;
    expect(Math.round(shortfall)).toBeGreaterThan(0);
    expect(Math.round(net)).not.toBe(Math.round(shortfall));
  });
});

// Issue 20: the panel's national column showed 232 at 2 000 beside regions that add up to 298.
describe('nationalGapNote: the panel says which national figure is which', () => {
  it.each(['sv', 'en'] as const)('%s at 2 000: the net 232 and the shortfalls 298, each named', (lang) => {
    const note = nationalGapNote(d, 2000, DICTS[lang], lang)!;
    expect(Math.round(gapFigures(d.doctorGap.national, 2000, 1100)!.doctorsNeeded)).toBe(232);
    expect(Math.round(regionShortfalls(d, 2000).shortfall)).toBe(298);
    expect(note).toContain('(232)');
    expect(note).toContain(lang === 'sv' ? 'netto' : 'net');
    expect(note).toContain(
      lang === 'sv' ? 'sammanlagt 298 läkare (20 regioner)' : 'add up to 298 doctors (20 regions)',
    );
  });

  it('none at the report\u2019s own guideline, where the total row\u2019s note says what it covers', () => {
    expect(nationalGapNote(d, 1100, DICTS.sv, 'sv')).toBeNull();
  });
});

// Issue 20: the English summary said "Sveriges läkarförbund", the header "Swedish Medical Association".
describe('one name for the publisher per language', () => {
  it.each([2022, 2023, 2024, 2025])('English summary %i names it as the header does', (year) => {
    const s = summarySentence(d, 'decision', year, 1100, DICTS.en, 'en');
    expect(s).not.toMatch(/läkarförbund/i);
    if (year > 2022) expect(s).toContain('according to the Swedish Medical Association (');
    expect(DICTS.en.kicker('2022–2025')).toContain('Swedish Medical Association');
  });

  it('the panel\u2019s short citation in English, the Swedish one as given', () => {
    const ref = d.doctorGap.source;
    expect(shortSourceLabel(d, ref, (p) => DICTS.en.publisher(p, false))).toBe(
      'Swedish Medical Association 2024, Bilaga 4',
    );
    expect(shortSourceLabel(d, ref, (p) => DICTS.sv.publisher(p, false))).toBe(
      'Sveriges läkarförbund 2024, Bilaga 4',
    );
    expect(DICTS.en.publisher('Dagens Medicin', true)).toBe('Dagens Medicin');
  });
});
