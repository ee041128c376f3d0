import { describe, expect, it, vi } from 'vitest';
import {
  compareNames,
  formatDate,
  formatMonthRange,
  formatNumber,
  formatPct,
  formatSignedPct,
} from '../../src/lib/format';

const NBSP = '\u00a0';
const MINUS = '\u2212';

describe('formatNumber', () => {
  it.each([
    [1100, 'sv', 0, `1${NBSP}100`],
    [1100, 'en', 0, '1,100'],
    [4454, 'sv', 0, `4${NBSP}454`],
    [10319473, 'sv', 0, `10${NBSP}319${NBSP}473`],
    [10319473, 'en', 0, '10,319,473'],
    [999, 'sv', 0, '999'],
    [1234.56, 'en', 1, '1,234.6'],
    [1234.56, 'sv', 1, `1${NBSP}234,6`],
    [2, 'en', 1, '2.0'],
    [496.78, 'en', 0, '497'],
    [-1234, 'sv', 0, `${MINUS}1${NBSP}234`],
    [-1234, 'en', 0, '-1,234'],
  ] as const)('%d (%s, %i digits) → %j', (n, lang, digits, out) => {
    expect(formatNumber(n, lang, digits)).toBe(out);
  });
});

describe('formatPct', () => {
  it.each([
    [90, 'sv', 0, `90${NBSP}%`],
    [90, 'en', 0, '90%'],
    [18, 'sv', 0, `18${NBSP}%`],
    [155, 'en', 0, '155%'],
    [89.6, 'en', 0, '90%'],
    [55.5, 'sv', 1, `55,5${NBSP}%`],
    [0, 'en', 0, '0%'],
  ] as const)('%d (%s, %i digits) → %j', (n, lang, digits, out) => {
    expect(formatPct(n, lang, digits)).toBe(out);
  });
});

describe('formatSignedPct', () => {
  it.each([
    [99, 'sv', `+99${NBSP}%`],
    [99, 'en', '+99%'],
    [-11, 'en', '-11%'],
    [-11, 'sv', `${MINUS}11${NBSP}%`],
    [0, 'en', '0%'],
    [0, 'sv', `0${NBSP}%`],
  ] as const)('%d (%s) → %j', (n, lang, out) => {
    expect(formatSignedPct(n, lang)).toBe(out);
  });
});

describe('formatMonthRange', () => {
  it.each([
    ['2024-02', '2024-04', 'sv', 'feb.–apr. 2024'],
    ['2024-02', '2024-04', 'en', 'Feb–Apr 2024'],
    ['2025-08', '2025-09', 'sv', 'aug.–sep. 2025'],
    ['2022-09', '2022-09', 'sv', 'sep. 2022'],
    ['2023-02', '2023-02', 'en', 'Feb 2023'],
    ['2024-11', '2025-02', 'en', 'Nov 2024–Feb 2025'],
    ['2024-12', '2025-01', 'sv', 'dec. 2024–jan. 2025'],
  ] as const)('%s–%s (%s) → %j', (from, to, lang, out) => {
    expect(formatMonthRange(from, to, lang)).toBe(out);
  });
});

describe('formatDate', () => {
  it.each([
    ['2023-12-31', 'sv', '31 dec. 2023'],
    ['2023-12-31', 'en', '31 Dec 2023'],
    ['2022-01-01', 'sv', '1 jan. 2022'],
    ['2022-01-01', 'en', '1 Jan 2022'],
  ] as const)('%s (%s) → %j, whatever the time zone', (iso, lang, out) => {
    expect(formatDate(iso, lang)).toBe(out);
  });
});

describe('compareNames', () => {
  it('puts å, ä, ö after z in Swedish', () => {
    expect(compareNames('Örebro', 'Zeta', 'sv')).toBeGreaterThan(0);
    expect(compareNames('Åland', 'Zeta', 'sv')).toBeGreaterThan(0);
    expect(compareNames('Ära', 'Åre', 'sv')).toBeGreaterThan(0);
    expect(compareNames('Öst', 'Äst', 'sv')).toBeGreaterThan(0);
  });

  it('sorts ö with o in English', () => {
    expect(compareNames('Örebro', 'Zeta', 'en')).toBeLessThan(0);
    expect(compareNames('Örebro', 'Piteå', 'en')).toBeLessThan(0);
  });

  it('is zero for equal names', () => {
    expect(compareNames('Gotland', 'Gotland', 'sv')).toBe(0);
  });
});

describe('warmFormatters', () => {
  it.each(['sv', 'en'] as const)(
    'builds the formatters the first screen uses (%s), so rendering it builds none',
    async (lang) => {
      vi.resetModules();
      const fresh = await import('../../src/lib/format');
      const made = { n: 0, d: 0 };
      const NF = Intl.NumberFormat;
      const DF = Intl.DateTimeFormat;
      // Counting stand-ins for the constructors (a function, so `new` works on them).
      const spyN = vi.spyOn(Intl, 'NumberFormat').mockImplementation(function (
        ...a: ConstructorParameters<typeof NF>
      ) {
        made.n++;
        return new NF(...a);
      } as never);
      const spyD = vi.spyOn(Intl, 'DateTimeFormat').mockImplementation(function (
        ...a: ConstructorParameters<typeof DF>
      ) {
        made.d++;
        return new DF(...a);
      } as never);
      try {
        fresh.warmFormatters(lang);
        expect(made.n).toBeGreaterThan(0);
        expect(made.d).toBeGreaterThan(0);
        const warmed = { ...made };
        fresh.formatNumber(4454, lang);
        fresh.formatPct(18, lang);
        fresh.formatMonthRange('2023-02', '2023-02', lang);
        fresh.formatDate('2023-12-31', lang);
        expect(made).toEqual(warmed);
        expect(fresh.formatNumber(1100, lang)).toBe(formatNumber(1100, lang));
      } finally {
        spyN.mockRestore();
        spyD.mockRestore();
      }
    },
  );
});
