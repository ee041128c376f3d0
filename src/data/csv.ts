/**
 * The tidy CSV users download: one row per region × indicator × period, generated from the same
 * validated dataset the app draws, so the download and the map cannot disagree.
 */
import { sourceLabel } from './sources.ts';
import type { Answer, Dataset, GapNational, GapRow, SourceRef, Status, Text } from './schema';

export const CSV_HEADER = [
  'region_code',
  'region_name',
  'indicator',
  'period',
  'value',
  'status',
  'note',
  'source',
] as const;

export type CsvRow = Record<(typeof CSV_HEADER)[number], string>;

/** The CSV's word for a known "none": no other target, a plan without a dated goal. */
export const NONE = 'none';

/**
 * A field a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return (OWASP, "CSV Injection"), possibly behind the single quotes this module adds,
 * so that a text that really starts with `'=` is told apart from a neutralised `=`. A number
 * (`-5`, `-1,5`) is not a formula and stays a number.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const NUMBER = /^[-+]?\d+([.,]\d+)?$/;

/**
 * Neutralises a field that a spreadsheet would evaluate, the OWASP way: a single quote before
 * it, which spreadsheets show as text. {@link unneutralise} undoes it exactly.
 */
export function neutralise(s: string): string {
  return FORMULA.test(s) && !NUMBER.test(s) ? `'${s}` : s;
}

/** Reads back a field written by {@link neutralise}: the one quote it added goes. */
export function unneutralise(s: string): string {
  return s.startsWith("'") && FORMULA.test(s) && !NUMBER.test(s.slice(1)) ? s.slice(1) : s;
}

/**
 * One field as written: neutralised where a spreadsheet would take it for a formula, then quoted
 * where RFC 4180 needs it (comma, quote, line break).
 */
export function csvField(raw: string): string {
  const s = neutralise(raw);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Serialises a grid of fields (header first) with CRLF line ends, as RFC 4180 asks. */
export function toCsvLines(lines: string[][]): string {
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Serialises rows under the fixed header. */
export function toCsv(rows: CsvRow[]): string {
  return toCsvLines([[...CSV_HEADER], ...rows.map((r) => CSV_HEADER.map((k) => r[k]))]);
}

/** A survey's fieldwork as one value: `2024-02/2024-04` (ISO 8601's interval of months). */
export function fieldworkValue(f: { from: string; to: string }): string {
  return `${f.from}/${f.to}`;
}

/** The note column of a cell: the source's own words, then the editors' note. */
export function cellNote(parts: Array<string | undefined>): string {
  return parts.filter((p) => p !== undefined && p !== '').join(' ');
}

/** How the source's own words are written in the note column. */
export const asGivenNote = (asGiven: string | undefined) => (asGiven ? `I källan: "${asGiven}".` : undefined);

/** Builds every row of the tidy dataset. Rows the reports are silent on are left out. */
export function tidyRows(d: Dataset): CsvRow[] {
  const rows: CsvRow[] = [];
  const push = (
    code: string,
    name: string,
    indicator: string,
    period: string,
    value: string | number | null,
    status: Status,
    n: string,
    src: SourceRef,
  ) =>
    rows.push({
      region_code: code,
      region_name: name,
      indicator,
      period,
      value: value === null ? '' : String(value),
      status,
      note: n,
      source: sourceLabel(d, src),
    });

  for (const s of d.surveys) {
    // When the survey was made, in the report's words; its source is the survey's own, the
    // default of its answers. With the decided count, this is what a new year needs beside the
    // answers (see src/data/import.ts).
    push(
      'SE',
      'Sverige',
      'fieldwork',
      String(s.year),
      fieldworkValue(s.fieldwork),
      'reported',
      s.fieldwork.asGiven,
      s.source,
    );
    push(
      'SE',
      'Sverige',
      'decided_count',
      String(s.year),
      s.decidedCount.value,
      'reported',
      s.decidedCount.quote,
      s.decidedCount.source,
    );
  }
  gapRows(d, 'SE', 'Sverige', d.doctorGap.national, push);

  for (const r of d.regions) {
    for (const s of d.surveys) {
      const a = s.answers.find((x) => x.region === r.code);
      if (!a) continue;
      const period = String(s.year);
      const cells: Array<
        [string, Answer['decision'] | Answer['otherTarget'] | Answer['actionPlan'] | Answer['planGoalYear']]
      > = [
        ['decision', a.decision],
        ['other_target', a.otherTarget],
        ['action_plan', a.actionPlan],
        ['plan_goal_year', a.planGoalYear],
        ['target_year', a.targetYear],
      ];
      for (const [indicator, c] of cells) {
        if (!c) continue;
        push(
          r.code,
          r.name,
          indicator,
          period,
          // A known "none" (no other target, no dated goal) is written out, so it never reads as
          // the empty cell of an unknown.
          c.value === null && (c.status === 'reported' || c.status === 'inferred') ? NONE : c.value,
          c.status,
          cellNote([asGivenNote(c.asGiven), c.note?.sv]),
          c.source ?? s.source,
        );
      }
      if (a.answerText)
        push(
          r.code,
          r.name,
          'answer_text',
          period,
          a.answerText.paragraphs.join('\n'),
          'reported',
          '',
          a.answerText.source,
        );
    }
    const share = d.namedGpShare.values.find((x) => x.region === r.code);
    if (share) {
      const n =
        share.status === 'not_reported'
          ? noteText(d.namedGpShare.notes.find((x) => x.id === 'not-reported')?.text)
          : '';
      push(
        r.code,
        r.name,
        'named_gp_share_pct',
        d.namedGpShare.date,
        share.value,
        share.status,
        n,
        d.namedGpShare.source,
      );
    }
    const gap = d.doctorGap.rows.find((x) => x.region === r.code);
    if (gap) gapRows(d, r.code, r.name, gap, push);
  }
  return rows;
}

function noteText(t: Text | undefined): string {
  return t?.sv ?? '';
}

function gapRows(
  d: Dataset,
  code: string,
  name: string,
  g: GapRow | GapNational,
  push: (
    c: string,
    n: string,
    i: string,
    p: string,
    v: number | null,
    s: Status,
    note: string,
    src: SourceRef,
  ) => void,
) {
  const period = String(d.doctorGap.year);
  const fields: Array<[string, number | null]> = [
    ['population', g.population],
    ['doctors', g.doctors],
    ['inhabitants_per_doctor', g.inhabitantsPerDoctor],
    ['doctors_needed', g.doctorsNeeded],
    ['increase_needed_pct', g.increaseNeededPct],
  ];
  for (const [indicator, value] of fields) {
    const status: Status = value === null ? 'not_reported' : 'reported';
    push(
      code,
      name,
      indicator,
      period,
      value,
      status,
      // The national row's note says what it covers, on each of its figures.
      value === null || !('region' in g) ? noteText(g.note) : '',
      d.doctorGap.source,
    );
  }
}

/** The whole tidy CSV of a dataset. */
export function datasetCsv(d: Dataset): string {
  return toCsv(tidyRows(d));
}
