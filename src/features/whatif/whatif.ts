/**
 * What-if guideline maths. The report's Bilaga 4 gives, for 2019, each region's population and
 * inhabitants per doctor (specialists + half the available ST trainees). For a guideline of T
 * inhabitants per doctor:
 *   doctors today  = population / inhabitantsPerDoctor
 *   doctors needed = population / T − doctors today
 *   increase (%)   = (inhabitantsPerDoctor / T − 1) × 100
 * The report computed from unrounded doctor counts, so at T = 1 100 these reproduce its figures
 * within ±1 (checked for every region in the tests).
 */
import type { GapNational, GapRow } from '../../data/schema';
import { WHATIF } from '../../domain';

export interface GapFigures {
  doctorsNeeded: number;
  increasePct: number;
}

/** Doctors needed and percentage increase at guideline `target`; null where the report has no figures. */
export function gapAt(row: GapRow | GapNational, target: number): GapFigures | null {
  if (row.inhabitantsPerDoctor === null || row.inhabitantsPerDoctor === 0) return null;
  const today = row.population / row.inhabitantsPerDoctor;
  return {
    doctorsNeeded: row.population / target - today,
    increasePct: (row.inhabitantsPerDoctor / target - 1) * 100,
  };
}

/**
 * The figures to show at `target`: the report's own at its guideline (so every shown value traces
 * to a table cell), recomputed otherwise. `computed` says which.
 */
export function gapFigures(
  row: GapRow | GapNational,
  target: number,
  reportGuideline: number,
): (GapFigures & { computed: boolean }) | null {
  if (row.doctorsNeeded === null || row.increaseNeededPct === null) return null;
  if (target === reportGuideline)
    return { doctorsNeeded: row.doctorsNeeded, increasePct: row.increaseNeededPct, computed: false };
  const g = gapAt(row, target);
  return g && { ...g, computed: true };
}

/**
 * Reads a typed guideline: a whole number within the slider's range, snapped to its step.
 * Returns null for anything else (empty, text, out of range), which the field reports.
 */
export function snapTarget(
  raw: string,
  range: { min: number; max: number; step: number } = WHATIF,
): number | null {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (!/^\d{1,5}$/.test(s)) return null;
  const n = Number(s);
  if (n < range.min || n > range.max) return null;
  return range.min + Math.round((n - range.min) / range.step) * range.step;
}
