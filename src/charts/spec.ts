/**
 * The library-neutral chart spec: what a chart says (categories, series, scales, colours,
 * labels and the same information as a table), computed by pure builders and drawn by one thin
 * adapter per renderer (`chartjs/` for the region panel, `svg/` for the national overview).
 * No renderer reads another's options; each draws only these fields.
 */

/** The same information as a chart, as a table: for screen readers, print and the tests. */
export interface ChartTable {
  head: string[];
  rows: string[][];
}

/** A dashed reference line across the value axis (the 55 % goal, the guideline) and its label. */
export interface RefLine {
  value: number;
  label: string;
}

/** Stacked columns per category (one segment per stack), optionally with a line drawn over them. */
export interface ColumnsSpec {
  kind: 'columns';
  /** Accessible name of the chart. */
  label: string;
  /** The column labels, left to right. */
  categories: string[];
  /** One stacked segment per category each, bottom to top. */
  stacks: Array<{ label: string; values: number[]; color: string }>;
  /** A series drawn as a line with points over the columns, or null. */
  line: { label: string; values: number[] } | null;
  /** The value axis: from 0 to `max`, ticks every `step`, titled. */
  yAxis: { max: number; step: number; title: string };
  table: ChartTable;
}

/** Horizontal bars, one per row in the order given, with a reference line. */
export interface BarsSpec {
  kind: 'bars';
  label: string;
  /** The value axis's name (the series' name in a tooltip). */
  valueLabel: string;
  bars: Array<{
    label: string;
    value: number;
    /** The value as the reader reads it (units included). */
    text: string;
    color: string;
    /** The chosen region: its label is drawn bold. */
    emphasis: boolean;
  }>;
  /** The axis's fixed end (100 for a percentage), or null to fit the largest value. */
  max: number | null;
  ref: RefLine;
  table: ChartTable;
}

/** Point marks: a known answer, one inferred from the report's words, an unknown. */
export type PointShape = 'circle' | 'triangle' | 'diamond';

/** One value per category on an ordered categorical scale, joined by a stepped line. */
export interface StepsSpec {
  kind: 'steps';
  label: string;
  /** The x categories, left to right. */
  categories: string[];
  /** The ordered y categories, top to bottom. */
  levels: string[];
  /** One point per category: its level (an index into `levels`), colour and shape. */
  points: Array<{ level: number; color: string; shape: PointShape }>;
  table: ChartTable;
}

/** Every chart the dashboard draws. */
export type ChartSpec = ColumnsSpec | BarsSpec | StepsSpec;

/** Colours the builders share: bars of other regions, the chosen one, bars with none chosen, ink. */
export const CHART_COLORS = {
  muted: '#c9d3dc',
  highlight: '#1d3557',
  neutral: '#6b8aa6',
  ink: '#111111',
} as const;

/** A round step (1, 2 or 5 × 10ⁿ) giving about `count` intervals up to `max`. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/**
 * A category label set on at most two lines of at most about `max` characters, broken at the
 * space nearest the middle ("Beslut och politiskt beslutad plan med målår" on two lines): the
 * panel's axis has room for half a sentence, not a whole one. Short labels stay on one line.
 */
export function wrapLabel(text: string, max = 24): string[] {
  if (text.length <= max) return [text];
  let best = -1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1))
    if (best === -1 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  return best === -1 ? [text] : [text.slice(0, best), text.slice(best + 1)];
}
