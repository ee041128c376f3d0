/**
 * `npm run data:template -- YEAR`: the rows of a new survey to fill in, in the tidy CSV's form:
 * the survey's fieldwork and decided count, and one row per region and indicator, every value
 * unknown (`not_reported`) until someone fills it in from the report.
 */
import { toCsv, type CsvRow } from './csv';
import type { Dataset } from './schema';

/** The indicators of a region's answer a template asks for, with an unknown value of each. */
const ANSWER_CELLS: ReadonlyArray<[string, string]> = [
  ['decision', 'unknown'],
  ['other_target', ''],
  ['action_plan', 'unknown'],
  ['plan_goal_year', ''],
  ['target_year', ''],
];

/**
 * The template's rows for a survey year. The source column is left empty: the survey's source
 * goes on its fieldwork row, and a region's cells take it unless they name another.
 * @throws Error when the year is already a survey (a correction edits the data:csv output).
 */
export function templateRows(d: Dataset, year: number): CsvRow[] {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new Error(`"${year}" is not a survey year`);
  if (d.surveys.some((s) => s.year === year))
    throw new Error(
      `${year} is already a survey; to correct it, edit the output of npm run data:csv and import that`,
    );
  const period = String(year);
  const row = (code: string, name: string, indicator: string, value: string): CsvRow => ({
    region_code: code,
    region_name: name,
    indicator,
    period,
    value,
    status: 'not_reported',
    note: '',
    source: '',
  });
  return [
    row('SE', 'Sverige', 'fieldwork', ''),
    row('SE', 'Sverige', 'decided_count', ''),
    ...d.regions.flatMap((r) =>
      ANSWER_CELLS.map(([indicator, value]) => row(r.code, r.name, indicator, value)),
    ),
  ];
}

/** The template as CSV text. */
export function templateCsv(d: Dataset, year: number): string {
  return toCsv(templateRows(d, year));
}
