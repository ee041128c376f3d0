/**
 * `npm run data:import`: the tidy CSV (the header `npm run data:csv` prints) back into the data
 * files, so that the people who keep the data can work in a spreadsheet. Pure: it takes the data
 * folder's files as they are and the CSV's text, and returns the files to write, or every error at
 * once (the CLI, src/cli/dataImport.ts, writes nothing then).
 *
 * What the CSV holds replaces what the files hold: a survey year that has rows in the CSV is
 * rebuilt from them as a whole (a cell without a row goes), and so are the named-doctor share and
 * the doctor gap when they have rows. What the CSV cannot carry is kept from the files: a
 * survey's questions, notes and publisher, the words of damaged table rows, what a decided count
 * counts, the English of a note whose Swedish is unchanged, the regions' formal names and the
 * reports' titles. A cell whose row is exactly what `data:csv` writes for it is kept as it is, so
 * `data:csv` then `data:import` rewrites every file byte for byte. Every value is checked against
 * the schema the app uses (schema.ts), row by row, and then the whole against validate.ts and the
 * coding rulebook (rules.ts).
 */
import * as v from 'valibot';
import { keepNumbersTogether } from '../i18n/format';
import { CSV_HEADER, NONE, asGivenNote, cellNote, tidyRows, type CsvRow } from './csv';
import { readCsv } from './csvRead';
import { didYouMean, nearest } from './nearest';
import { checkRules } from './rules';
import {
  ACTION_PLANS,
  ActionPlanCell,
  DECISIONS,
  DecidedCount,
  DecisionCell,
  Fieldwork,
  GapRow,
  GoalYearCell,
  STATUSES,
  ShareValue,
  TargetCell,
  type Dataset,
  type DataIndex,
  type Source,
  type SourceRef,
} from './schema';
import { sourceLabel } from './sources';
import { DataError, readDataset } from './validate';

/** A data folder's files: path relative to it (`surveys/2024.json`) → parsed JSON. */
export type DataFiles = Map<string, unknown>;

/** What an import gives: the files to write, or the errors that stop it. */
export interface ImportResult {
  /** Every file index.json lists, and index.json, as text to write; empty when there are errors. */
  files: Map<string, string>;
  /** Each names the CSV file, the row and the column, and what was expected. */
  errors: string[];
  /** What was kept or added that the person importing should know of. */
  notices: string[];
}

/** The CSV's national "region". */
const NATION = { code: 'SE', name: 'Sverige' } as const;

/** Survey cells: CSV indicator → answer field and its schema. */
const CELLS = {
  decision: { field: 'decision', schema: DecisionCell, values: DECISIONS },
  other_target: { field: 'otherTarget', schema: TargetCell, values: null },
  action_plan: { field: 'actionPlan', schema: ActionPlanCell, values: ACTION_PLANS },
  plan_goal_year: { field: 'planGoalYear', schema: GoalYearCell, values: null },
  target_year: { field: 'targetYear', schema: GoalYearCell, values: null },
} as const;
type CellIndicator = keyof typeof CELLS;

/** Doctor-gap figures: CSV indicator → field of a gap row. */
const GAP = {
  population: 'population',
  doctors: 'doctors',
  inhabitants_per_doctor: 'inhabitantsPerDoctor',
  doctors_needed: 'doctorsNeeded',
  increase_needed_pct: 'increaseNeededPct',
} as const;
type GapIndicator = keyof typeof GAP;

const SHARE = 'named_gp_share_pct';
const INDICATORS = [
  'fieldwork',
  'decided_count',
  ...Object.keys(CELLS),
  'answer_text',
  SHARE,
  ...Object.keys(GAP),
] as const;

/** Indicators that are only ever the report's own words or figures. */
const ONLY_REPORTED = new Set(['fieldwork', 'decided_count', 'answer_text']);

const isCell = (i: string): i is CellIndicator => i in CELLS;
const isGap = (i: string): i is GapIndicator => i in GAP;

/** One CSV row after its cells were read: the value typed for its indicator. */
interface Row {
  row: number;
  csv: CsvRow;
  value: string | number | null;
}

/** The JSON of one file, as an editable object. */
type Json = Record<string, unknown>;

/**
 * Reads a tidy CSV into the data folder's files.
 * @param text the CSV file's text (BOM, `;` or `,`, any line ends)
 * @param file the CSV's name, for the errors
 * @param base the data folder's files as they are (index.json and every file it lists)
 */
export async function importCsv(text: string, file: string, base: DataFiles): Promise<ImportResult> {
  const errors: string[] = [];
  const notices: string[] = [];
  const fail = (row: number, column: string, message: string) =>
    errors.push(`${file}, row ${row}, ${column}: ${message}`);
  const done = (): ImportResult => ({ files: new Map(), errors, notices });

  const dataset = await readDataset(async (p) => {
    if (!base.has(p)) throw new DataError(p, ['missing from the data folder']);
    return structuredClone(base.get(p));
  });
  const files = new Map([...base].map(([p, x]) => [p, structuredClone(x)]));
  const index = files.get('index.json') as DataIndex;
  const context = files.get(index.context) as { sources: Source[] };

  // 1. The file, row by row: each cell against what its column may hold.
  const { records, problems } = readCsv(text);
  for (const p of problems) errors.push(`${file}, ${p}`);
  const header = records[0];
  if (!header || header.fields.join(',') !== CSV_HEADER.join(',')) {
    errors.push(
      `${file}, row 1: expected the header ${CSV_HEADER.join(',')} (as npm run data:csv prints it), ` +
        `got ${header ? header.fields.join(',') : 'an empty file'}`,
    );
    return done();
  }
  const names = new Map<string, string>([[NATION.code, NATION.name]]);
  for (const r of dataset.regions) names.set(r.code, r.name);
  const byKey = new Map<string, Row>();
  const rows: Row[] = [];
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== CSV_HEADER.length) {
      fail(
        rec.row,
        '(row)',
        `${rec.fields.length} cells, expected ${CSV_HEADER.length}` +
          (rec.fields.length > CSV_HEADER.length ? ' (a separator inside a cell that is not quoted?)' : ''),
      );
      continue;
    }
    const csv = Object.fromEntries(CSV_HEADER.map((k, i) => [k, rec.fields[i]!])) as CsvRow;
    for (const k of ['region_code', 'region_name', 'indicator', 'period', 'status'] as const)
      csv[k] = csv[k].trim();
    // The data write a grouped number with a no-break space (the rulebook); a spreadsheet's
    // keyboard types a plain one, so "1 500" in a note or an answer is stored as "1\u00a0500".
    csv.note = keepNumbersTogether(csv.note);
    csv.value = keepNumbersTogether(csv.value);
    const before = errors.length;
    checkRegion(csv, rec.row, names, fail);
    if (!(INDICATORS as readonly string[]).includes(csv.indicator))
      fail(
        rec.row,
        'indicator',
        `"${csv.indicator}" is not one of ${INDICATORS.join(', ')}${didYouMean(csv.indicator, INDICATORS)}`,
      );
    if (!(STATUSES as readonly string[]).includes(csv.status))
      fail(
        rec.row,
        'status',
        `"${csv.status}" is not one of ${STATUSES.join(', ')}${didYouMean(csv.status, STATUSES)}`,
      );
    if (errors.length > before) continue;
    const value = readValue(csv, rec.row, dataset, fail);
    if (value === undefined) continue;
    const key = `${csv.region_code}|${csv.indicator}|${csv.period}`;
    const twin = byKey.get(key);
    if (twin) {
      fail(
        rec.row,
        '(row)',
        `a second row for ${csv.region_code} ${csv.indicator} ${csv.period}; row ${twin.row} has it`,
      );
      continue;
    }
    const row = { row: rec.row, csv, value };
    byKey.set(key, row);
    rows.push(row);
  }
  if (errors.length) return done();

  // 2. Sources: a citation as data:csv writes it, the short form "id, part", or a new report.
  const refOf = (r: Row, fallback: SourceRef | undefined): SourceRef | undefined => {
    if (r.csv.source.trim() === '') {
      if (!fallback) fail(r.row, 'source', 'name the report (publisher, "title" (date), part)');
      return fallback;
    }
    const ref = resolveSource(r.csv.source.trim(), context.sources, notices);
    if (!ref)
      fail(
        r.row,
        'source',
        `"${r.csv.source}" is no report of ${index.context}; write a new one as ` +
          `Publisher, "Title" (date), part${didYouMean(
            r.csv.source,
            context.sources.map((s) => sourceLabel(dataset, { doc: s.id, part: '' }).slice(0, -2)),
          )}`,
      );
    return ref;
  };

  // 3. The surveys in the CSV, each rebuilt from its rows.
  const rendered = new Map(tidyRows(dataset).map((r) => [`${r.region_code}|${r.indicator}|${r.period}`, r]));
  const unchanged = (r: Row) => {
    const was = rendered.get(`${r.csv.region_code}|${r.csv.indicator}|${r.csv.period}`);
    return was !== undefined && CSV_HEADER.every((k) => was[k] === r.csv[k]);
  };
  const surveyRows = rows.filter((r) => !isGap(r.csv.indicator) && r.csv.indicator !== SHARE);
  const years = [...new Set(surveyRows.map((r) => Number(r.csv.period)))].sort((a, b) => a - b);
  // The file index.json lists for a year, or surveys/YEAR.json for a new one.
  const surveyFile = (year: number) =>
    index.surveys.find((f) => (base.get(f) as Json).year === year) ?? `surveys/${year}.json`;
  /** Rows that say only that the report is silent, as a template leaves them. */
  const silent: Row[] = [];
  for (const year of years) {
    const mine = surveyRows.filter((r) => Number(r.csv.period) === year);
    const one = (code: string, indicator: string) =>
      mine.find((r) => r.csv.region_code === code && r.csv.indicator === indicator);
    const path = surveyFile(year);
    const old = files.get(path) as Json | undefined;
    const survey: Json = old ?? { year };
    const fieldworkRow = one(NATION.code, 'fieldwork');
    const countRow = one(NATION.code, 'decided_count');
    if (!fieldworkRow || !countRow) {
      for (const [ind, r] of [
        ['fieldwork', fieldworkRow],
        ['decided_count', countRow],
      ] as const)
        if (!r)
          errors.push(
            `${file}: survey ${year} has no ${ind} row (${NATION.code},${NATION.name},${ind},${year}); ` +
              'every survey in the CSV needs one',
          );
      continue;
    }

    // The survey's own source first: it is the default of its answers.
    const defaultRef = unchanged(fieldworkRow)
      ? (survey.source as SourceRef)
      : refOf(fieldworkRow, old ? (survey.source as SourceRef) : undefined);
    if (!defaultRef) continue;
    if (!unchanged(fieldworkRow)) {
      const [from, to] = String(fieldworkRow.value).split('/') as [string, string];
      const fieldwork = { from, to, asGiven: fieldworkRow.csv.note.trim() };
      schemaErrors(Fieldwork, fieldwork, fieldworkRow.row, { asGiven: 'note' }, fail);
      if (from > to) fail(fieldworkRow.row, 'value', `the fieldwork starts (${from}) after it ends (${to})`);
      survey.fieldwork = fieldwork;
      survey.source = defaultRef;
    }
    if (!old) {
      const doc = context.sources.find((s) => s.id === defaultRef.doc);
      survey.publisher = doc?.publisher ?? '';
      survey.fieldwork ??= {};
      survey.questions = [];
    }
    if (!unchanged(countRow)) {
      const count = (survey.decidedCount as Json | undefined) ?? {};
      count.value = countRow.value;
      count.quote = countRow.csv.note.trim();
      const ref = refOf(countRow, defaultRef);
      if (ref) count.source = ref;
      // The key order of a new count is the files' own.
      survey.decidedCount = old ? count : { value: count.value, quote: count.quote, source: count.source };
      schemaErrors(DecidedCount, survey.decidedCount, countRow.row, { quote: 'note' }, fail);
    }
    if (!old) {
      survey.source = defaultRef;
      survey.answers = [];
    }

    // Each region's answer: every cell from its row, in the files' order of fields.
    const oldAnswers = (survey.answers as Json[]).slice();
    const answers: Json[] = [];
    const order = old ? oldAnswers.map((a) => a.region as string) : dataset.regions.map((r) => r.code);
    for (const code of order) {
      const was = oldAnswers.find((a) => a.region === code);
      const answer: Json = was ? structuredClone(was) : { region: code };
      const decisionRow = one(code, 'decision');
      if (!decisionRow) {
        errors.push(
          `${file}: survey ${year} has no decision row for ${code} (${names.get(code)}); ` +
            'every region needs one (unknown,not_reported where the report says nothing)',
        );
        continue;
      }
      for (const [indicator, { field, schema }] of Object.entries(CELLS)) {
        const r = one(code, indicator);
        if (!r || isSilence(r)) {
          delete answer[field];
          if (r) silent.push(r);
          continue;
        }
        if (unchanged(r)) continue;
        const cell = cellFrom(r, answer[field] as Json | undefined, defaultRef, refOf, notices, file);
        schemaErrors(schema, cell, r.row, CELL_COLUMNS, fail);
        answer[field] = cell;
      }
      const textRow = one(code, 'answer_text');
      if (!textRow) delete answer.answerText;
      else if (!unchanged(textRow)) {
        if (textRow.csv.note !== '')
          fail(textRow.row, 'note', 'an answer text has no note (it is the region’s words, verbatim)');
        const paragraphs = String(textRow.value)
          .split('\n')
          .filter((p) => p.trim() !== '');
        if (!paragraphs.length)
          fail(textRow.row, 'value', 'an answer text needs the words; leave the row out if there are none');
        const ref = refOf(textRow, defaultRef);
        if (ref) answer.answerText = { paragraphs, source: ref };
      }
      answers.push(answer);
    }
    for (const r of mine)
      if (r.csv.region_code === NATION.code && !['fieldwork', 'decided_count'].includes(r.csv.indicator))
        fail(
          r.row,
          'region_code',
          `${r.csv.indicator} is a region's; the national rows (SE) of a survey are fieldwork and decided_count`,
        );
    survey.answers = answers;
    if (!old) {
      // A new survey in the files' key order, and in index.json in year order.
      const { year: y, publisher, fieldwork, questions, decidedCount, source, answers: a } = survey;
      files.set(path, { year: y, publisher, fieldwork, questions, decidedCount, source, answers: a });
      index.surveys = [...index.surveys, path].sort();
      notices.push(
        `survey ${year} is new: ${path} is added to index.json, without questions or notes ` +
          '(add them in the file if the report gives them)',
      );
    } else files.set(path, survey);
  }
  if (silent.length)
    notices.push(
      `${silent.length} rows say only not_reported (no value, no note): the report is silent there, ` +
        'and the files leave such cells out (the app shows them as unknown)',
    );
  const kept = dataset.surveys.map((s) => s.year).filter((y) => !years.includes(y));
  if (kept.length) notices.push(`kept as they are (no rows in the CSV): the surveys ${kept.join(', ')}`);

  // 4. The named-doctor share and the doctor gap, when the CSV has their rows.
  importShare(
    rows.filter((r) => r.csv.indicator === SHARE),
    index,
    files,
    refOf,
    fail,
    notices,
  );
  importGap(
    rows.filter((r) => isGap(r.csv.indicator)),
    index,
    files,
    refOf,
    fail,
    notices,
  );
  if (errors.length) return done();

  // 5. The whole: the app's own validation and the coding rulebook, then every row read back.
  const out = new Map([...files].map(([p, x]) => [p, JSON.stringify(x, null, 2) + '\n']));
  let result: Dataset;
  try {
    result = await readDataset(async (p) => JSON.parse(out.get(p) ?? 'null') as unknown);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    for (const p of e.problems) errors.push(`${file}: in ${e.file}, ${p}`);
    return done();
  }
  for (const breach of checkRules(result)) errors.push(`${file}: ${breach}${rowOfBreach(breach, byKey)}`);
  // Anything a row says that the files do not hold would be lost without a word: say so.
  const back = new Map(tidyRows(result).map((r) => [`${r.region_code}|${r.indicator}|${r.period}`, r]));
  for (const r of rows) {
    if (silent.includes(r)) continue;
    const now = back.get(`${r.csv.region_code}|${r.csv.indicator}|${r.csv.period}`);
    if (!now) {
      fail(r.row, '(row)', 'this row is not kept in the data files');
      continue;
    }
    if (r.csv.status !== now.status)
      fail(
        r.row,
        'status',
        `${r.csv.status} is stored as ${now.status}` +
          (isGap(r.csv.indicator) ? ' (a doctor-gap figure is reported exactly when it has a value)' : ''),
      );
    if (canonicalValue(r) !== now.value) fail(r.row, 'value', `"${r.csv.value}" is stored as "${now.value}"`);
    if (r.csv.note.trim() !== now.note)
      fail(
        r.row,
        'note',
        isGap(r.csv.indicator) || r.csv.indicator === SHARE
          ? `this note is written from ${r.csv.indicator === SHARE ? index.namedGpShare : index.doctorGap}, ` +
              `not read from the CSV; it reads "${now.note}"`
          : `"${r.csv.note}" is stored as "${now.note}"`,
      );
  }
  if (errors.length) return done();
  return { files: out, errors, notices };
}

/**
 * A row of an answer's optional cell that says only that the report gives nothing: not reported,
 * no value, no note, no source of its own. The files write that silence by leaving the cell out.
 */
function isSilence(r: Row): boolean {
  return (
    r.csv.indicator !== 'decision' &&
    r.csv.status === 'not_reported' &&
    (r.value === null || r.value === 'unknown') &&
    r.csv.note.trim() === '' &&
    r.csv.source.trim() === ''
  );
}

/** Which CSV column a value's schema issue is about, by the key it is at. */
const CELL_COLUMNS: Record<string, string> = { asGiven: 'note', note: 'note', source: 'source' };

/** The region code and name of a row: one of the 21 (or SE), and the name that goes with it. */
function checkRegion(
  csv: CsvRow,
  row: number,
  names: Map<string, string>,
  fail: (row: number, column: string, message: string) => void,
) {
  const code = csv.region_code;
  const byName = [...names].find(([, n]) => n.toLowerCase() === csv.region_name.toLowerCase())?.[0];
  if (!names.has(code)) {
    const guess = byName ?? nearest(code, [...names.keys()]);
    fail(
      row,
      'region_code',
      `"${code}" is not one of the 21 region codes (or SE for the nation)` +
        (guess ? `; did you mean "${guess}" (${names.get(guess)})?` : ''),
    );
    return;
  }
  if (names.get(code) !== csv.region_name) {
    const guess = nearest(csv.region_name, [...names.values()]);
    fail(
      row,
      'region_name',
      `"${csv.region_name}" is not the name of ${code}, which is "${names.get(code)}"` +
        (guess && guess !== names.get(code)
          ? `; "${guess}" is the name of ${[...names].find(([, n]) => n === guess)![0]}`
          : ''),
    );
  }
}

/**
 * A number as a spreadsheet may write it: a decimal comma, spaces (also no-break ones) between
 * thousands. Undefined when it is not a number.
 */
export function readNumber(s: string): number | undefined {
  const t = s.trim().replace(/(?<=\d)[\s\u00a0\u202f](?=\d{3}\b)/g, '');
  if (!/^[-+]?\d+([.,]\d+)?$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

/** A row's value typed for its indicator and period, or undefined after reporting why not. */
function readValue(
  csv: CsvRow,
  row: number,
  d: Dataset,
  fail: (row: number, column: string, message: string) => void,
): string | number | null | undefined {
  const { indicator, period } = csv;
  const raw = csv.value.trim();
  const periodOk = isGap(indicator)
    ? /^\d{4}$/.test(period)
    : indicator === SHARE
      ? /^\d{4}-\d{2}-\d{2}$/.test(period)
      : /^\d{4}$/.test(period);
  if (!periodOk) {
    fail(
      row,
      'period',
      `"${period}" is not ${indicator === SHARE ? 'a date YYYY-MM-DD' : 'a year'}` +
        (isGap(indicator) ? ` (the doctor gap's is ${d.doctorGap.year})` : ''),
    );
    return undefined;
  }
  const statuses = ONLY_REPORTED.has(indicator)
    ? ['reported']
    : isGap(indicator) || indicator === SHARE
      ? ['reported', 'not_reported']
      : STATUSES;
  if (!(statuses as readonly string[]).includes(csv.status)) {
    fail(
      row,
      'status',
      `${indicator} is ${statuses.join(' or ')}, not ${csv.status}` +
        (ONLY_REPORTED.has(indicator) ? ' (fill it in from the report)' : ''),
    );
    return undefined;
  }
  if (indicator === 'answer_text') return csv.value.replace(/\r\n?/g, '\n');
  if (indicator === 'fieldwork') {
    const m = /^(\d{4}-\d{2})(?:\/(\d{4}-\d{2}))?$/.exec(raw);
    if (!m) {
      fail(
        row,
        'value',
        `"${raw}" is not the months of the fieldwork, YYYY-MM/YYYY-MM (e.g. 2026-03/2026-04)`,
      );
      return undefined;
    }
    return `${m[1]}/${m[2] ?? m[1]}`;
  }
  const values = isCell(indicator) ? CELLS[indicator].values : null;
  if (values) {
    if (!(values as readonly string[]).includes(raw)) {
      fail(row, 'value', `"${raw}" is not one of ${values.join(', ')}${didYouMean(raw, values)}`);
      return undefined;
    }
    return raw;
  }
  // A number; empty for an unknown, "none" for a known none.
  if (raw === '') {
    if (indicator !== 'decided_count') return null;
    fail(row, 'value', "the report's count of regions that decided is needed");
    return undefined;
  }
  if (raw === NONE && isCell(indicator)) return null;
  const n = readNumber(raw);
  if (n === undefined) {
    fail(
      row,
      'value',
      `"${raw}" is not a number` +
        (isCell(indicator)
          ? ` (leave it empty for an unknown, write ${NONE} for a known none)`
          : ' (leave it empty for an unknown)'),
    );
    return undefined;
  }
  return n;
}

/**
 * One survey cell from its row, on top of the cell the file had (so its key order and what the
 * CSV does not carry stay): the value, the status, the source's words and the editors' note as
 * the note column has them, and the source.
 */
function cellFrom(
  r: Row,
  was: Json | undefined,
  defaultRef: SourceRef,
  refOf: (r: Row, fallback: SourceRef) => SourceRef | undefined,
  notices: string[],
  file: string,
): Json {
  const cell: Json = was ? structuredClone(was) : { value: r.value, status: r.csv.status };
  cell.value = r.value;
  cell.status = r.csv.status;
  const oldNote = was?.note as { sv: string; en: string } | undefined;
  const note = r.csv.note.trim();
  if (note !== cellNote([asGivenNote(was?.asGiven as string | undefined), oldNote?.sv])) {
    const m = /^I källan: "(.*?)"\.(?:\s+([\s\S]*))?$/.exec(note);
    const asGiven = m ? m[1]! : undefined;
    const sv = (m ? (m[2] ?? '') : note).trim();
    if (asGiven === undefined) delete cell.asGiven;
    else cell.asGiven = asGiven;
    if (sv === '') delete cell.note;
    else if (sv !== oldNote?.sv) {
      // The English follows in the file; until then English readers see the Swedish words.
      cell.note = { sv, en: sv };
      notices.push(
        `${file}, row ${r.row}: the note is new or changed; its English is a copy of the Swedish until ` +
          'someone translates it in the survey file (note.en)',
      );
    }
  }
  const ref = refOf(r, defaultRef);
  if (ref && ('source' in cell || !sameRef(ref, defaultRef))) cell.source = ref;
  return cell;
}

const sameRef = (a: SourceRef, b: SourceRef) => a.doc === b.doc && a.part === b.part;

/** Reports a schema's issues for the value built from one row, each under its CSV column. */
function schemaErrors(
  schema: v.GenericSchema,
  value: unknown,
  row: number,
  columns: Record<string, string>,
  fail: (row: number, column: string, message: string) => void,
) {
  const result = v.safeParse(schema, value, { abortPipeEarly: false });
  if (result.success) return;
  for (const issue of result.issues) {
    const key = issue.path?.[0]?.key;
    const column =
      typeof key === 'string'
        ? (columns[key] ?? (key === 'status' ? 'status' : 'value'))
        : /note/.test(issue.message)
          ? 'note'
          : 'value';
    fail(row, column, issue.message);
  }
}

/**
 * The source reference a citation names: data:csv's form (publisher, "title" (date), part) of a
 * report in context.json, the short form "id, part", or a new report in the full form, which is
 * added to the context's sources under an id like the publisher's others (`lf2026`).
 */
export function resolveSource(label: string, sources: Source[], notices: string[]): SourceRef | undefined {
  let best: SourceRef | undefined;
  let bestLength = 0;
  for (const s of sources) {
    const prefix = `${s.publisher}, "${s.title}" (${s.date}), `;
    if (label.startsWith(prefix) && label.length > prefix.length && prefix.length > bestLength) {
      best = { doc: s.id, part: label.slice(prefix.length) };
      bestLength = prefix.length;
    }
  }
  if (best) return best;
  const short = /^([^,"]+), (.+)$/s.exec(label);
  if (short && sources.some((s) => s.id === short[1])) return { doc: short[1]!, part: short[2]! };
  const full = /^(.+?), "(.+)" \(([^()]+)\), (.+)$/s.exec(label);
  if (!full) return undefined;
  const [, publisher, title, date, part] = full as unknown as [string, string, string, string, string];
  const year = /\d{4}/.exec(date)?.[0] ?? '';
  const sibling = sources.find((s) => s.publisher === publisher && /^[a-z]+\d{4}$/.test(s.id));
  const stem =
    sibling?.id.replace(/\d{4}$/, '') ??
    publisher
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/\s+/)
      .map((w) => w.replace(/[^a-z]/g, '')[0] ?? '')
      .join('');
  let id = `${stem}${year}`;
  for (let n = 2; sources.some((s) => s.id === id); n++) id = `${stem}${year}-${n}`;
  sources.push({ id, publisher, title, date });
  notices.push(
    `a new report is added to the context's sources as "${id}": ${publisher}, "${title}" (${date})`,
  );
  return { doc: id, part };
}

/** A row's value as data:csv would write it, to compare with what the files now hold. */
function canonicalValue(r: Row): string {
  if (r.value === null)
    return isCell(r.csv.indicator) && (r.csv.status === 'reported' || r.csv.status === 'inferred')
      ? NONE
      : '';
  if (r.csv.indicator === 'answer_text')
    return String(r.value)
      .split('\n')
      .filter((p) => p.trim() !== '')
      .join('\n');
  return String(r.value);
}

/** ` (row N)` for a rulebook breach that names a survey, a region and a field. */
function rowOfBreach(breach: string, byKey: Map<string, Row>): string {
  const m = /surveys\/(\d{4})\.json (SE-[A-Z]+) (\w+)/.exec(breach);
  if (!m) return '';
  const indicator = Object.entries(CELLS).find(([, c]) => c.field === m[3])?.[0];
  const r = indicator && byKey.get(`${m[2]}|${indicator}|${m[1]}`);
  return r ? ` (row ${r.row})` : '';
}

type RefOf = (r: Row, fallback: SourceRef | undefined) => SourceRef | undefined;
type Fail = (row: number, column: string, message: string) => void;

/** One period shared by a file's rows (a share date, a gap year), or an error on those that differ. */
function onePeriod(rows: Row[], what: string, fail: Fail): string {
  const period = rows[0]!.csv.period;
  for (const r of rows)
    if (r.csv.period !== period)
      fail(
        r.row,
        'period',
        `${what} is of one date; row ${rows[0]!.row} has ${period}, this row ${r.csv.period}`,
      );
  return period;
}

/** One source shared by a file's rows, which the file holds once. */
function oneSource(rows: Row[], refOf: RefOf, what: string, fail: Fail): SourceRef | undefined {
  const refs = rows.map((r) => refOf(r, undefined));
  const first = refs[0];
  refs.forEach((ref, i) => {
    if (ref && first && !sameRef(ref, first))
      fail(rows[i]!.row, 'source', `${what} has one source; row ${rows[0]!.row} names another`);
  });
  return first;
}

/** The named-doctor share from its rows: one date, one source, a row per region. */
function importShare(
  rows: Row[],
  index: DataIndex,
  files: DataFiles,
  refOf: RefOf,
  fail: Fail,
  notices: string[],
) {
  if (!rows.length) {
    notices.push(`kept as it is (no rows in the CSV): ${index.namedGpShare}`);
    return;
  }
  const share = files.get(index.namedGpShare) as Json & { values: Json[] };
  share.date = onePeriod(rows, 'the named-doctor share', fail);
  const source = oneSource(rows, refOf, 'the named-doctor share', fail);
  if (source) share.source = source;
  for (const entry of share.values) {
    const r = rows.find((x) => x.csv.region_code === entry.region);
    if (!r) {
      fail(
        rows[rows.length - 1]!.row,
        '(rows)',
        `no ${SHARE} row for ${String(entry.region)}; every region needs one`,
      );
      continue;
    }
    entry.value = r.value;
    entry.status = r.csv.status;
    schemaErrors(ShareValue, entry, r.row, {}, fail);
  }
  for (const r of rows)
    if (r.csv.region_code === NATION.code)
      fail(r.row, 'region_code', `${SHARE} is given per region, not for SE`);
}

/**
 * The doctor gap from its rows: five figures per region and for the nation; a region's row is
 * reported when it has all five.
 */
function importGap(
  rows: Row[],
  index: DataIndex,
  files: DataFiles,
  refOf: RefOf,
  fail: Fail,
  notices: string[],
) {
  if (!rows.length) {
    notices.push(`kept as it is (no rows in the CSV): ${index.doctorGap}`);
    return;
  }
  const gap = files.get(index.doctorGap) as Json & { rows: Json[]; national: Json };
  const year = onePeriod(rows, 'the doctor gap', fail);
  if (/^\d{4}$/.test(year)) gap.year = Number(year);
  const source = oneSource(rows, refOf, 'the doctor gap', fail);
  if (source) gap.source = source;
  const fill = (target: Json, code: string) => {
    const mine = rows.filter((r) => r.csv.region_code === code);
    let complete = true;
    for (const [indicator, field] of Object.entries(GAP)) {
      const r = mine.find((x) => x.csv.indicator === indicator);
      if (!r) {
        fail(
          rows[rows.length - 1]!.row,
          '(rows)',
          `no ${indicator} row for ${code}; the doctor gap needs all five figures`,
        );
        complete = false;
        continue;
      }
      // A figure's status follows its value (data:csv writes it so); the row's is derived below.
      target[field] = r.value;
      if (r.value === null) complete = false;
    }
    target.status = complete ? 'reported' : 'not_reported';
    return mine;
  };
  for (const row of gap.rows) {
    const mine = fill(row, row.region as string);
    const issues = v.safeParse(GapRow, row, { abortPipeEarly: false });
    if (!issues.success)
      for (const issue of issues.issues) {
        const key = issue.path?.[0]?.key;
        const indicator = Object.entries(GAP).find(([, f]) => f === key)?.[0];
        const r = mine.find((x) => x.csv.indicator === indicator) ?? mine[0];
        if (r) fail(r.row, 'value', issue.message);
      }
  }
  fill(gap.national, NATION.code);
}
