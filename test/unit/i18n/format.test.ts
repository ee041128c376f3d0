import { describe, expect, it } from 'vitest';
import {
  compareNames,
  compareText,
  formatDate,
  formatMonthRange,
  formatNumber,
  formatPct,
  formatSignedPct,
} from '../../../src/i18n/format';

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

/*
 * The formats are written from locale tables (format.ts); Intl is the reference they must match.
 * Node's ICU here and Chromium's agree on these locales; where a browser's ICU differs (en-GB's
 * "Sep"/"Sept"), the dashboard keeps the tables' form on every browser.
 */
const LOCALE = { sv: 'sv-SE', en: 'en-GB' } as const;
const LANGS = ['sv', 'en'] as const;
/** A deterministic sweep of values: integers, halves, the rounding edges, the data's ranges. */
function sweep(): number[] {
  const xs = [0, 0.5, 1.5, 2.5, 0.05, 0.15, 0.25, 0.35, 1.005, 1.015, 2.675, 9.95, 99.95, 999.5, 9999.5];
  for (let i = 0; i <= 3000; i += 7) xs.push(i, i + 0.5, i / 10, i / 100, i * 1000 + 0.45);
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 2000; i++) xs.push(Math.round(rnd() * 10 ** (1 + (i % 8))) / 10 ** (i % 4));
  return [...xs, ...xs.map((x) => -x)];
}

describe('the formats match Intl', () => {
  it.each(LANGS)('formatNumber at 0, 1 and 2 decimals (%s)', (lang) => {
    for (const digits of [0, 1, 2])
      for (const x of sweep()) {
        // Intl would print "−0" for a negative value that rounds to zero; the app prints "0".
        const v = Math.abs(x) < 0.5 / 10 ** digits ? 0 : x;
        const want = new Intl.NumberFormat(LOCALE[lang], {
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }).format(v);
        expect(formatNumber(x, lang, digits), `${x} at ${digits}`).toBe(want);
      }
  });

  it.each(LANGS)('formatPct at 0 and 1 decimals (%s)', (lang) => {
    for (const digits of [0, 1])
      for (const x of sweep().filter((v) => Math.abs(v) < 1000)) {
        const v = Math.abs(x) < 0.5 / 10 ** digits ? 0 : x;
        // Intl's unit style rounds the percent value itself; its percent style would first divide
        // by 100 and round 0.35 % down to 0.3 % (0.0034999…), which the tables do not copy.
        const want = new Intl.NumberFormat(LOCALE[lang], {
          style: 'unit',
          unit: 'percent',
          maximumFractionDigits: digits,
          minimumFractionDigits: digits,
        }).format(v);
        expect(formatPct(x, lang, digits), `${x} at ${digits}`).toBe(want);
      }
  });

  it.each(LANGS)('formatSignedPct (%s)', (lang) => {
    for (const x of sweep().filter((v) => Math.abs(v) < 1000)) {
      const want = new Intl.NumberFormat(LOCALE[lang], {
        style: 'unit',
        unit: 'percent',
        signDisplay: 'exceptZero',
        maximumFractionDigits: 0,
      }).format(x);
      expect(formatSignedPct(x, lang), String(x)).toBe(want);
    }
  });

  it.each(LANGS)('formatMonthRange and formatDate for every month (%s)', (lang) => {
    const df = (o: Intl.DateTimeFormatOptions) =>
      new Intl.DateTimeFormat(LOCALE[lang], { ...o, timeZone: 'UTC' });
    for (let m = 1; m <= 12; m++) {
      const ym = `2024-${String(m).padStart(2, '0')}`;
      const d = new Date(`${ym}-15T12:00:00Z`);
      expect(formatMonthRange(ym, ym, lang)).toBe(df({ month: 'short', year: 'numeric' }).format(d));
      const next = `2024-${String((m % 12) + 1).padStart(2, '0')}`;
      if (m < 12)
        expect(formatMonthRange(ym, next, lang)).toBe(
          `${df({ month: 'short' }).format(d)}–${df({ month: 'short', year: 'numeric' }).format(new Date(`${next}-15T12:00:00Z`))}`,
        );
      for (const day of ['01', '09', '28'])
        expect(formatDate(`${ym}-${day}`, lang)).toBe(
          df({ day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${ym}-${day}T12:00:00Z`)),
        );
    }
  });

  it('refuses what is not a date', () => {
    expect(() => formatDate('2023-13-01', 'sv')).toThrow(RangeError);
    expect(() => formatMonthRange('Feb 2024', '2024-04', 'en')).toThrow(RangeError);
    expect(() => formatDate('2023-12', 'en')).toThrow(RangeError);
  });
});

describe('compareNames matches Intl.Collator', () => {
  it.each(LANGS)('for every pair of region names, and a few more (%s)', async (lang) => {
    const { loadDataset } = await import('../helpers');
    const names = [
      ...(await loadDataset()).regions.map((r) => r.name),
      'Åland',
      'Ära',
      'Öst',
      'Äst',
      'Zeta',
      'Piteå',
      'Malmö',
      'Mora',
      'Ödeshög',
      'Umeå',
      'Västerås',
      'Vänersborg',
    ];
    const collator = new Intl.Collator(LOCALE[lang]);
    for (const a of names)
      for (const b of names)
        expect(Math.sign(compareNames(a, b, lang)), `${a} vs ${b}`).toBe(Math.sign(collator.compare(a, b)));
  });

  it('puts lower case first where names differ only in case, as Intl does', () => {
    for (const lang of LANGS) {
      const collator = new Intl.Collator(LOCALE[lang]);
      for (const [a, b] of [
        ['gotland', 'Gotland'],
        ['Örebro', 'örebro'],
        ['Västra götaland', 'Västra Götaland'],
      ])
        expect(Math.sign(compareNames(a!, b!, lang)), `${a} vs ${b}`).toBe(
          Math.sign(collator.compare(a!, b!)),
        );
    }
  });

  it('reads names in either Unicode form alike', () => {
    const nfd = 'Örebro'.normalize('NFD');
    expect(compareNames(nfd, 'Zeta', 'sv')).toBeGreaterThan(0);
    expect(compareNames(nfd, 'Zeta', 'en')).toBeLessThan(0);
  });
});

describe('compareText', () => {
  it.each(LANGS)('is Intl.Collator for any text (%s)', (lang) => {
    const texts = ['NEJ, 1 500', 'JA', 'NJA – på väg', '«Ja»', 'ja', 'Öppet', '1 100', 'TYP'];
    const collator = new Intl.Collator(LOCALE[lang]);
    for (const a of texts)
      for (const b of texts)
        expect(Math.sign(compareText(a, b, lang))).toBe(Math.sign(collator.compare(a, b)));
  });
});
