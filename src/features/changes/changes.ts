/**
 * Changes between two surveys: which regions moved up or down the decision classes nationally,
 * and, for one region, the two answers side by side.
 */
import type { Dataset, RegionCode } from '../../data/schema';
import { answerOf } from '../../domain/classify';
import { answerMove, type DecisionClass } from '../../domain/decision';

export interface ClassMove {
  code: RegionCode;
  from: DecisionClass;
  to: DecisionClass;
  /** +1 up the classes (further along), −1 down, 0 unchanged. */
  direction: -1 | 0 | 1;
}

export interface MovesSummary {
  up: ClassMove[];
  down: ClassMove[];
  same: ClassMove[];
  /** Regions unknown in either survey: no move can be told. */
  unknown: RegionCode[];
}

/** Moves between the surveys of years `from` and `to` (decision.ts `answerMove`, as the panel tells them). */
export function classMoves(
  d: Dataset,
  regionOrder: readonly RegionCode[],
  from: number,
  to: number,
): MovesSummary {
  const out: MovesSummary = { up: [], down: [], same: [], unknown: [] };
  if (!d.surveys.some((s) => s.year === from) || !d.surveys.some((s) => s.year === to)) return out;
  for (const code of regionOrder) {
    const a = answerOf(d, from, code);
    const b = answerOf(d, to, code);
    const m = a && b ? answerMove(a, b) : null;
    if (!m || m.direction === null) {
      out.unknown.push(code);
      continue;
    }
    const move: ClassMove = { code, from: m.from, to: m.to, direction: m.direction };
    (m.direction === 1 ? out.up : m.direction === -1 ? out.down : out.same).push(move);
  }
  return out;
}

/** The paragraph that, in the 2024 report, introduces a region's earlier answer. */
export const EARLIER_MARK = 'Tidigare svar:';

/**
 * A verbatim answer split at "Tidigare svar:": the current answer, and the earlier answer the
 * report quotes (Kalmar, Östergötland), if any.
 */
export function splitEarlier(paragraphs: readonly string[]): { current: string[]; earlier: string[] | null } {
  const at = paragraphs.findIndex((p) => p.trim() === EARLIER_MARK);
  if (at < 0) return { current: [...paragraphs], earlier: null };
  return { current: paragraphs.slice(0, at), earlier: paragraphs.slice(at + 1) };
}

export type TextSide =
  | { kind: 'answer'; year: number; paragraphs: string[] }
  | { kind: 'earlier'; year: number; paragraphs: string[] }
  | { kind: 'table'; year: number; paragraphs: string[] }
  | { kind: 'none'; year: number };

/**
 * The texts to set side by side for a region between two surveys. Where the older survey has no
 * text but the newer one quotes the region's earlier answer, that quote stands on the left,
 * labelled as such (the report does not date it).
 */
export function textPair(
  d: Dataset,
  code: RegionCode,
  from: number,
  to: number,
): { left: TextSide; right: TextSide; diffable: boolean } {
  const side = (year: number): TextSide => {
    const a = answerOf(d, year, code);
    if (a?.answerText)
      return { kind: 'answer', year, paragraphs: splitEarlier(a.answerText.paragraphs).current };
    if (a?.tableText) return { kind: 'table', year, paragraphs: a.tableText };
    return { kind: 'none', year };
  };
  let left = side(from);
  const right = side(to);
  if (left.kind === 'none') {
    const b = answerOf(d, to, code);
    const earlier = b?.answerText ? splitEarlier(b.answerText.paragraphs).earlier : null;
    if (earlier?.length) left = { kind: 'earlier', year: to, paragraphs: earlier };
  }
  const text = (k: TextSide['kind']) => k === 'answer' || k === 'earlier';
  return { left, right, diffable: text(left.kind) && text(right.kind) };
}
