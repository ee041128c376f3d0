/**
 * Validation of the data files: each file against its schema, then the files against each other.
 * Used by the app's loader, by `npm run data:check` and by the tests, so all three agree.
 */
import * as v from 'valibot';
import {
  Context,
  DataIndex,
  DoctorGap,
  NamedGpShare,
  Regions,
  Survey,
  type Dataset,
  type SourceRef,
} from './schema.ts';

/** A data file that is missing, unreadable or not what the contract says. */
export class DataError extends Error {
  override name = 'DataError';
  /**
   * @param file path of the file relative to the data folder, e.g. `surveys/2024.json`
   * @param problems one line per problem: `path.to.value: what was expected`
   */
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
  }
}

/** Renders valibot issues as `path: message` lines, e.g. `answers[3].decision.value: …`. */
export function formatIssues(issues: readonly v.BaseIssue<unknown>[]): string[] {
  return issues.map((issue) => {
    const path = (issue.path ?? [])
      .map((p) => (typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`))
      .join('')
      .replace(/^\./, '');
    return `${path || '(file)'}: ${issue.message}`;
  });
}

/**
 * Parses one file's JSON value with a schema.
 * @throws DataError naming the file, the path to each bad value and what was expected.
 */
export function parseFile<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  file: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value, { abortPipeEarly: false });
  if (!result.success) throw new DataError(file, formatIssues(result.issues));
  return result.output;
}

/** Reads one data file (relative path) and returns its parsed JSON; rejects with a DataError. */
export type ReadJson = (path: string) => Promise<unknown>;

/**
 * Reads `index.json` and every file it lists, validates each one and the whole, and returns the
 * dataset. The same function serves the browser (fetch) and Node (fs).
 */
export async function readDataset(readJson: ReadJson): Promise<Dataset> {
  const index = parseFile(DataIndex, await readJson('index.json'), 'index.json');
  const [regions, context, namedGpShare, doctorGap, ...surveys] = await Promise.all([
    readJson(index.regions).then((x) => parseFile(Regions, x, index.regions)),
    readJson(index.context).then((x) => parseFile(Context, x, index.context)),
    readJson(index.namedGpShare).then((x) => parseFile(NamedGpShare, x, index.namedGpShare)),
    readJson(index.doctorGap).then((x) => parseFile(DoctorGap, x, index.doctorGap)),
    ...index.surveys.map((f) => readJson(f).then((x) => parseFile(Survey, x, f))),
  ]);
  const order = surveys.map((s, i) => ({ s, file: index.surveys[i]! })).sort((a, b) => a.s.year - b.s.year);
  const dataset: Dataset = { regions, context, namedGpShare, doctorGap, surveys: order.map((x) => x.s) };
  checkDataset(
    dataset,
    order.map((x) => x.file),
  );
  return dataset;
}

/**
 * Checks what no single file can: unique survey years and source references that resolve.
 * @param surveyFiles the survey file names, in the dataset's order, for error messages
 * @throws DataError
 */
export function checkDataset(
  d: Dataset,
  surveyFiles: string[] = d.surveys.map((s) => `surveys/${s.year}.json`),
): void {
  const years = d.surveys.map((s) => s.year);
  const dup = years.find((y, i) => years.indexOf(y) !== i);
  if (dup !== undefined)
    throw new DataError('index.json', [`surveys: two files hold the survey year ${dup}`]);

  const known = new Set(d.context.sources.map((s) => s.id));
  const bad = (ref: SourceRef | undefined) => ref !== undefined && !known.has(ref.doc);
  const msg = (ref: SourceRef) => `source.doc "${ref.doc}" is not a source id of the context file`;
  if (bad(d.namedGpShare.source)) throw new DataError('named-gp-share.json', [msg(d.namedGpShare.source)]);
  if (bad(d.doctorGap.source)) throw new DataError('doctor-gap.json', [msg(d.doctorGap.source)]);
  for (const s of d.context.sources)
    if (s.via !== undefined && !known.has(s.via))
      throw new DataError('context.json', [`sources: via "${s.via}" is unknown`]);
  d.surveys.forEach((s, i) => {
    const file = surveyFiles[i] ?? String(s.year);
    const problems: string[] = [];
    const check = (ref: SourceRef | undefined, path: string) => {
      if (bad(ref)) problems.push(`${path}: ${msg(ref!)}`);
    };
    check(s.source, 'source');
    check(s.decidedCount.source, 'decidedCount.source');
    s.answers.forEach((a, j) => {
      for (const key of ['decision', 'otherTarget', 'actionPlan', 'planGoalYear', 'targetYear'] as const)
        check(a[key]?.source, `answers[${j}].${key}.source`);
      check(a.answerText?.source, `answers[${j}].answerText.source`);
    });
    if (problems.length) throw new DataError(file, problems);
  });
}
