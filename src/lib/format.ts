/** Number, percent and date formatting through Intl, per interface language. */
import type { Lang } from './state/url';

const LOCALES: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };
// Building an Intl formatter costs far more than using one (a metric switch formats dozens of
// values): each is made once per language and options.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator>(
  kind: string,
  lang: Lang,
  opts: object,
  make: (locale: string) => T,
): T {
  const key = kind + lang + JSON.stringify(opts);
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make(LOCALES[lang])));
  return f;
}

const nf = (lang: Lang, opts: Intl.NumberFormatOptions) =>
  cached('n', lang, opts, (l) => new Intl.NumberFormat(l, opts));
const df = (lang: Lang, opts: Intl.DateTimeFormatOptions) =>
  cached('d', lang, opts, (l) => new Intl.DateTimeFormat(l, { ...opts, timeZone: 'UTC' }));

/** `1 100` in Swedish, `1,100` in English. */
export function formatNumber(n: number, lang: Lang, digits = 0): string {
  // A value that rounds to zero is zero, never "−0".
  if (Math.abs(n) < 0.5 / 10 ** digits) n = 0;
  return nf(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);
}

/** A percentage given in percent units: `18 %` in Swedish, `18%` in English. */
export function formatPct(pct: number, lang: Lang, digits = 0): string {
  return nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
    pct / 100,
  );
}

/** A signed percentage, e.g. `+99 %`. */
export function formatSignedPct(pct: number, lang: Lang): string {
  return nf(lang, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(
    pct / 100,
  );
}

/** A month range such as `feb.–apr. 2024` / `Feb–Apr 2024` from YYYY-MM strings. */
export function formatMonthRange(from: string, to: string, lang: Lang): string {
  const d = (ym: string) => new Date(`${ym}-15T12:00:00Z`);
  const month = df(lang, { month: 'short' });
  const monthYear = df(lang, { month: 'short', year: 'numeric' });
  if (from === to) return monthYear.format(d(from));
  if (from.slice(0, 4) === to.slice(0, 4)) return `${month.format(d(from))}–${monthYear.format(d(to))}`;
  return `${monthYear.format(d(from))}–${monthYear.format(d(to))}`;
}

/** A calendar date such as `31 dec. 2023` / `31 Dec 2023`. */
export function formatDate(iso: string, lang: Lang): string {
  return df(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(`${iso}T12:00:00Z`));
}

/** Locale-aware string comparison for sorting region names (å, ä, ö after z in Swedish). */
export function compareNames(a: string, b: string, lang: Lang): number {
  return cached('c', lang, {}, (l) => new Intl.Collator(l)).compare(a, b);
}

/**
 * Builds the formatters the first screen uses, by using each once. The first Intl object of a
 * page loads the locale's data (~20 ms of main thread, more on a busy machine); done while the
 * data is on its way, it is not paid when the data arrives and the text renders.
 */
export function warmFormatters(lang: Lang): void {
  formatNumber(1100, lang);
  formatPct(55, lang);
  formatMonthRange('2024-02', '2024-04', lang);
  formatDate('2023-12-31', lang);
  compareNames('Örebro', 'Östergötland', lang);
}
