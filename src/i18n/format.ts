/**
 * Number, percent and date formatting, and name sorting, per interface language.
 *
 * Written from locale tables, as d3-format does, rather than through Intl: the first Intl object
 * a page makes loads ICU's locale data, 20–60 ms of main thread on this project's machines, and a
 * returning visit renders its cached text with nothing else to overlap that with. The formats
 * are Intl's for sv-SE and en-GB (the unit tests check each against Intl over a sweep of values
 * and every month), and no longer depend on the browser's ICU version (en-GB's "Sep" is "Sept"
 * in recent ones). Region names sort as Intl.Collator sorts them (checked for every pair); other
 * text sorts through Intl.Collator itself (`compareText`), off the first screen's path.
 */
import type { Lang } from '../domain';

interface LocaleTable {
  /** The BCP 47 tag these formats are Intl's for (the dictionaries' `locale`), for Intl.Collator. */
  tag: string;
  /** Thousands separator. */
  group: string;
  decimal: string;
  /** The minus sign Intl uses: U+2212 in Swedish, the hyphen-minus in British English. */
  minus: string;
  /** A formatted number with the percent sign: `18 %` (no-break space) or `18%`. */
  percent: (s: string) => string;
  /** Short month names, January first, as Intl's `{ month: 'short' }`. */
  months: readonly string[];
}

const LOCALES: Record<Lang, LocaleTable> = {
  sv: {
    tag: 'sv-SE',
    group: '\u00a0',
    decimal: ',',
    minus: '\u2212',
    percent: (s) => `${s}\u00a0%`,
    months: ['jan.', 'feb.', 'mars', 'apr.', 'maj', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'],
  },
  en: {
    tag: 'en-GB',
    group: ',',
    decimal: '.',
    minus: '-',
    percent: (s) => `${s}%`,
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  },
};

/**
 * `x` (≥ 0, finite) rounded half away from zero to `digits` decimals, as an integer part and a
 * fraction part. Rounds the shortest decimal form of `x` (what `String(x)` prints), as Intl does,
 * so 1.005 rounds to 1.01 where `toFixed` would give 1.00.
 */
function roundDecimal(x: number, digits: number): { int: string; frac: string } {
  const s = String(x);
  if (/e/i.test(s)) {
    // Below 1e-6 or from 1e21 on: no value in this dataset; toFixed is exact enough there.
    const [int = '0', frac = ''] = x.toFixed(digits).split('.');
    return { int, frac };
  }
  const [int = '0', frac = ''] = s.split('.');
  if (frac.length <= digits) return { int, frac: frac.padEnd(digits, '0') };
  let kept = int + frac.slice(0, digits);
  if (frac.charCodeAt(digits) - 48 >= 5) {
    // Add one in the last kept place, carrying through nines.
    const d = kept.split('');
    let i = d.length - 1;
    while (i >= 0 && d[i] === '9') d[i--] = '0';
    if (i < 0) d.unshift('1');
    else d[i] = String(Number(d[i]) + 1);
    kept = d.join('');
  }
  return { int: kept.slice(0, kept.length - digits) || '0', frac: kept.slice(kept.length - digits) };
}

/** The digits of |n| in the locale's separators, without sign. */
function digitsOf(n: number, lang: Lang, digits: number): string {
  const { group, decimal } = LOCALES[lang];
  const { int, frac } = roundDecimal(Math.abs(n), digits);
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
  return digits > 0 ? `${grouped}${decimal}${frac}` : grouped;
}

/** Zero when `n` rounds to zero at `digits` decimals: a value never shows as "−0". */
const zeroed = (n: number, digits: number) => (Math.abs(n) < 0.5 / 10 ** digits ? 0 : n);

/**
 * A plain space inside a grouped number ("1 100", "10 319 473"): a line may break there and leave
 * "Beslut om 1" above "100". Every grouped number on screen uses a no-break space instead, in the
 * dictionaries, in the data and from these formats (a unit test scans all three).
 */
export const SPACED_GROUP = /(\d) (?=\d{3}(?!\d))/g;

/** `s` with every space inside a grouped number made a no-break space. */
export function keepNumbersTogether(s: string): string {
  return s.replace(SPACED_GROUP, '$1\u00a0');
}

/** `1 100` in Swedish (with a no-break space), `1,100` in English. */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  const v = zeroed(n, digits);
  return (v < 0 ? LOCALES[lang].minus : '') + digitsOf(v, lang, digits);
}

/** A percentage given in percent units: `18 %` in Swedish, `18%` in English. */
export function formatPct(pct: number, lang: Lang, digits = 0): string {
  return LOCALES[lang].percent(formatNumber(pct, lang, digits));
}

/** A signed percentage, e.g. `+99 %`; zero has no sign. */
export function formatSignedPct(pct: number, lang: Lang): string {
  const v = zeroed(pct, 0);
  const sign = v > 0 ? '+' : v < 0 ? LOCALES[lang].minus : '';
  return LOCALES[lang].percent(sign + digitsOf(v, lang, 0));
}

/** Year and short month name of a `YYYY-MM…` string. */
function yearMonth(ym: string, lang: Lang): { year: string; month: string } {
  const month = LOCALES[lang].months[Number(ym.slice(5, 7)) - 1];
  if (!/^\d{4}-\d{2}/.test(ym) || month === undefined) throw new RangeError(`not a YYYY-MM date: ${ym}`);
  return { year: ym.slice(0, 4), month };
}

/** The span of the survey years, first–last with an en dash; one year alone; empty for none. */
export function yearSpan(years: readonly number[]): string {
  if (!years.length) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}–${last}`;
}

/** A month range such as `feb.–apr. 2024` / `Feb–Apr 2024` from YYYY-MM strings. */
export function formatMonthRange(from: string, to: string, lang: Lang): string {
  const a = yearMonth(from, lang);
  const b = yearMonth(to, lang);
  if (from === to) return `${a.month} ${a.year}`;
  if (a.year === b.year) return `${a.month}–${b.month} ${b.year}`;
  return `${a.month} ${a.year}–${b.month} ${b.year}`;
}

/** A calendar date such as `31 dec. 2023` / `31 Dec 2023` from a YYYY-MM-DD string. */
export function formatDate(iso: string, lang: Lang): string {
  const { year, month } = yearMonth(iso, lang);
  const day = Number(iso.slice(8, 10));
  if (!(day >= 1 && day <= 31)) throw new RangeError(`not a YYYY-MM-DD date: ${iso}`);
  return `${day} ${month} ${year}`;
}

/**
 * The primary sort key of a name: case and accents folded as the language's collation does.
 * Swedish sorts å, ä, ö (and æ, ø) as letters of their own after z; ü as y. English treats every
 * accented letter as its base letter.
 */
function sortKey(s: string, lang: Lang): string {
  let t = s.normalize('NFC').toLowerCase();
  if (lang === 'sv') t = t.replace(/å/g, '{').replace(/[äæ]/g, '|').replace(/[öø]/g, '}').replace(/ü/g, 'y');
  // Any other accent (é, è, …) is folded into its letter.
  return t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Lower case before upper case where names differ only in case, as the collations do. */
const caseTie = (s: string) =>
  s.replace(/\p{L}/gu, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));

/**
 * Sorts region names as Intl.Collator does for the language (å, ä, ö after z in Swedish; checked
 * for every pair of the 21 names): letters, spaces and hyphens, which is what names hold. Free
 * text (answers, labels) sorts with `compareText`.
 */
export function compareNames(a: string, b: string, lang: Lang): number {
  const ka = sortKey(a, lang);
  const kb = sortKey(b, lang);
  if (ka !== kb) return ka < kb ? -1 : 1;
  if (a === b) return 0;
  const ta = caseTie(a);
  const tb = caseTie(b);
  return ta === tb ? (a < b ? -1 : 1) : ta < tb ? -1 : 1;
}

const collators: Partial<Record<Lang, Intl.Collator>> = {};

/**
 * Locale-aware comparison of any text (the table's answer cells), through Intl.Collator: made on
 * first use, which is never on the first screen's path.
 */
export function compareText(a: string, b: string, lang: Lang): number {
  const c = (collators[lang] ??= new Intl.Collator(LOCALES[lang].tag));
  return c.compare(a, b);
}
