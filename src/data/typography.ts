/**
 * Typography the data must keep: a grouped number in any text ("NEJ, 1 500", "målet 1 100") has a
 * no-break space between its groups, so it never breaks across lines on screen or in an export.
 * `npm run data:check` fails on a plain space there, naming where it is.
 */
import { SPACED_GROUP } from '../i18n/format';

/**
 * Every string under `value` with a plain space inside a grouped number, as `where: "…text…"`.
 * `where` is the path from `root`; an element of a list that names its region or year is shown by
 * it (`surveys[2024].answers[SE-H].decision.asGiven`).
 */
export function spacedNumbers(value: unknown, root: string): string[] {
  if (typeof value === 'string') {
    SPACED_GROUP.lastIndex = 0;
    const m = SPACED_GROUP.exec(value);
    if (!m) return [];
    const around = value.slice(Math.max(0, m.index - 20), m.index + 25);
    return [`${root}: plain space inside a number in "…${around}…" (write a no-break space, U+00A0)`];
  }
  if (Array.isArray(value))
    return value.flatMap((x, i) => {
      const key =
        (x as { region?: unknown; year?: unknown } | null)?.region ?? (x as { year?: unknown })?.year;
      return spacedNumbers(x, `${root}[${typeof key === 'string' || typeof key === 'number' ? key : i}]`);
    });
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => spacedNumbers(v, root ? `${root}.${k}` : k));
  return [];
}
