/**
 * The table view's model: columns and rows for the current metric, with the same classes as the
 * map, and a stable sort. Also the source of the "this view" CSV export.
 */
import type { Dataset, RegionCode } from '../../data/schema';
import type { Dict } from '../../i18n';
import type { Classification } from '../../domain/classify';
import { surveyFor } from '../../domain/classify';
import { classLabel, classOf, increaseText, neededText } from '../../domain/describe';
import { cellText } from '../../domain/cellText';
import { formatNumber, formatPct, compareNames, compareText } from '../../i18n/format';
import type { Lang, Metric } from '../../domain';
import { gapFigures } from '../whatif/whatif';
import { toCsvLines } from '../../data/csv';

export interface Column {
  id: string;
  label: string;
  numeric: boolean;
}

export interface Cell {
  text: string;
  /** Sort key; null sorts last in either direction. */
  sort: number | string | null;
  /** Raw value for the CSV export ('' when unknown). */
  raw: string;
}

export interface Row {
  code: RegionCode;
  color: string;
  pattern: string;
  cells: Cell[];
}

export interface TableModel {
  columns: Column[];
  rows: Row[];
}

const cell = (
  text: string,
  sort: number | string | null,
  raw: string = sort === null ? '' : String(sort),
): Cell => ({
  text,
  sort,
  raw,
});

/** Builds the table for a metric; rows in the regions' file order. */
export function tableModel(
  d: Dataset,
  c: Classification,
  metric: Metric,
  year: number | null,
  target: number,
  t: Dict,
  lang: Lang,
): TableModel {
  const n = (x: number | null) => (x === null ? '–' : formatNumber(x, lang));
  const columns: Column[] = [{ id: 'region', label: t.table.region, numeric: false }];
  const rows: Row[] = d.regions.map((r) => {
    const rv = c.byRegion[r.code];
    return {
      code: r.code,
      color: rv.color,
      pattern: rv.pattern,
      cells: [cell(r.name, r.name)],
    };
  });
  const classCell = (code: RegionCode) => {
    const rv = c.byRegion[code];
    const cls = classOf(c, rv)!;
    const label =
      classLabel(cls, metric, t, lang) +
      (rv.pattern === 'inferred' ? ` (${t.statuses.inferred.toLowerCase()})` : '');
    return cell(label, rv.sortKey, label);
  };

  if (metric === 'decision') {
    const s = surveyFor(d, year);
    columns.push(
      { id: 'class', label: t.table.klass, numeric: false },
      { id: 'asGiven', label: t.table.decisionAsGiven, numeric: false },
      { id: 'target', label: t.panel.otherTarget, numeric: true },
      { id: 'plan', label: t.panel.actionPlan, numeric: false },
      { id: 'goal', label: t.panel.goalYear, numeric: true },
    );
    for (const row of rows) {
      const a = s.answers.find((x) => x.region === row.code)!;
      const dec = a.decision;
      const decText = dec.asGiven ?? cellText(dec, 'decision', t, lang).value;
      // cellText tells unknown and none apart, in the same words as the panel and compare.
      const known = <T>(x: { value: T; status: string } | undefined) =>
        x && x.status !== 'not_legible' && x.status !== 'not_reported' && x.value !== 'unknown'
          ? x.value
          : null;
      const target = known(a.otherTarget);
      const plan = known(a.actionPlan);
      const goal = known(a.planGoalYear);
      row.cells.push(
        classCell(row.code),
        cell(decText, decText),
        cell(cellText(a.otherTarget, 'target', t, lang).value, target, target === null ? '' : String(target)),
        cell(
          cellText(a.actionPlan, 'plan', t, lang).value,
          plan === null ? null : t.actionPlans[plan],
          plan ?? '',
        ),
        cell(cellText(a.planGoalYear, 'year', t, lang).value, goal, goal === null ? '' : String(goal)),
      );
    }
  } else if (metric === 'share') {
    columns.push(
      { id: 'share', label: t.metrics.share, numeric: true },
      { id: 'class', label: t.table.klass, numeric: false },
    );
    for (const row of rows) {
      const rv = c.byRegion[row.code];
      row.cells.push(
        rv.value === null ? cell(t.notReportedShare, null) : cell(formatPct(rv.value, lang), rv.value),
        classCell(row.code),
      );
    }
  } else {
    const computed = target !== d.doctorGap.guideline;
    columns.push(
      { id: 'population', label: t.panel.population, numeric: true },
      { id: 'doctors', label: t.panel.doctors, numeric: true },
      { id: 'perDoctor', label: t.panel.perDoctor, numeric: true },
      {
        id: 'needed',
        label: t.panel.needed(formatNumber(target, lang)) + (computed ? ` (${t.panel.computed})` : ''),
        numeric: true,
      },
      { id: 'increase', label: t.panel.increase + (computed ? ` (${t.panel.computed})` : ''), numeric: true },
      { id: 'class', label: t.table.klass, numeric: false },
    );
    for (const row of rows) {
      const g = d.doctorGap.rows.find((x) => x.region === row.code)!;
      const f = gapFigures(g, target, d.doctorGap.guideline);
      const needed = f === null ? null : Math.round(f.doctorsNeeded);
      const inc = f === null ? null : Math.round(f.increasePct);
      row.cells.push(
        cell(n(g.population), g.population),
        cell(n(g.doctors), g.doctors),
        cell(n(g.inhabitantsPerDoctor), g.inhabitantsPerDoctor),
        cell(neededText(f, t, lang), needed),
        cell(increaseText(f, t, lang), inc),
        classCell(row.code),
      );
    }
  }
  return { columns, rows };
}

/** The table of an app's current view (what the table view shows and "this view" CSV saves). */
export function tableModelOf(app: {
  dataset: Dataset | null;
  classification: Classification | null;
  view: { metric: Metric; year: number | null };
  /** The what-if target on screen (the view's, or the report's guideline). */
  target: number;
  t: Dict;
  lang: Lang;
}): TableModel | null {
  if (!app.dataset || !app.classification) return null;
  const { metric, year } = app.view;
  return tableModel(app.dataset, app.classification, metric, year, app.target, app.t, app.lang);
}

/**
 * Sorts rows by a column, ascending or descending; unknowns (null) always last; ties keep the
 * name order, so the result is stable.
 */
export function sortRows(rows: readonly Row[], col: number, dir: 'asc' | 'desc', lang: Lang): Row[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a.cells[col]?.sort ?? null;
    const y = b.cells[col]?.sort ?? null;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (x !== y) {
      const cmp =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : col === 0
            ? compareNames(String(x), String(y), lang)
            : compareText(String(x), String(y), lang);
      if (cmp !== 0) return sign * cmp;
    }
    return compareNames(String(a.cells[0]?.sort), String(b.cells[0]?.sort), lang);
  });
}

/** The table as CSV (region code first), for "download this view". */
export function tableCsv(m: TableModel): string {
  return toCsvLines([
    ['region_code', ...m.columns.map((c) => c.label)],
    ...m.rows.map((r) => [r.code, ...r.cells.map((c) => c.raw)]),
  ]);
}
