/**
 * The data contract, defined once. Every file under public/data is parsed with these schemas
 * (in the app, in `npm run data:check` and in the tests), and the TypeScript types are derived
 * from them, so the checked shape and the typed shape cannot drift apart.
 *
 * Valibot is used rather than hand-written guards because it derives types from the schema and
 * reports the path to a bad value, at about 3 KB gzipped for the parts used (it tree-shakes).
 */
import * as v from 'valibot';

/** ISO 3166-2 codes of Sweden's 21 counties, whose areas are the 21 healthcare regions. */
export const REGION_CODES = [
  'SE-AB',
  'SE-AC',
  'SE-BD',
  'SE-C',
  'SE-D',
  'SE-E',
  'SE-F',
  'SE-G',
  'SE-H',
  'SE-I',
  'SE-K',
  'SE-M',
  'SE-N',
  'SE-O',
  'SE-S',
  'SE-T',
  'SE-U',
  'SE-W',
  'SE-X',
  'SE-Y',
  'SE-Z',
] as const;

export const RegionCode = v.picklist(
  REGION_CODES,
  (i) => `expected an ISO 3166-2 region code, got ${i.received}`,
);
export type RegionCode = v.InferOutput<typeof RegionCode>;

/**
 * How a value relates to the source (the coding rulebook, public/data/README.md, says when each
 * applies; src/data/rules.ts checks the whole dataset against it).
 * - reported: the report states it for this region and survey (a table cell, the region's own
 *   answer, or a sentence that names the region and states the value).
 * - not_reported: the report gives no value for this region (it could not report, or the source
 *   names only other regions); the value is unknown.
 * - not_legible: the report had it, but the text extraction lost it (the 2025 table's marks).
 * - inferred: not stated outright, but the report's own words for this survey make it so; a
 *   note says which words and how.
 */
export const STATUSES = ['reported', 'not_reported', 'not_legible', 'inferred'] as const;
export const Status = v.picklist(STATUSES);
export type Status = v.InferOutput<typeof Status>;

/** A short text in both interface languages (notes written by the dashboard's editors). */
export const Text = v.strictObject({
  sv: v.pipe(v.string(), v.nonEmpty()),
  en: v.pipe(v.string(), v.nonEmpty()),
});
export type Text = v.InferOutput<typeof Text>;

/** Where in which report a value stands: `doc` is a source id of context.json, `part` a section. */
export const SourceRef = v.strictObject({
  doc: v.pipe(v.string(), v.nonEmpty()),
  part: v.pipe(v.string(), v.nonEmpty()),
});
export type SourceRef = v.InferOutput<typeof SourceRef>;

const Year = v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100));
const Target = v.pipe(v.number(), v.integer(), v.minValue(500), v.maxValue(3000));

/**
 * Builds the schema of one sourced value: the value, its status, and why, where that matters.
 * `unknownValue` is what an unknown value is written as; where it means nothing else
 * (`'unknown'`), it can never be `reported` or `inferred`: a value nobody gave is not reported.
 * Where it can also mean a known "none" (null: no other target, no dated goal), a reported or
 * inferred null is that "none".
 */
function cell<T extends v.GenericSchema>(value: T, unknownValue: v.InferOutput<T>) {
  return v.pipe(
    v.strictObject({
      value,
      status: Status,
      /** The words or mark of the source cell, verbatim, e.g. "NEJ, 1 500". */
      asGiven: v.optional(v.string()),
      note: v.optional(Text),
      source: v.optional(SourceRef),
    }),
    v.check(
      (c) => c.status !== 'inferred' || c.note !== undefined,
      'an inferred value needs a note saying why',
    ),
    v.check(
      (c) => (c.status === 'not_legible' || c.status === 'not_reported' ? c.value === unknownValue : true),
      `a value that is not legible or not reported must be ${JSON.stringify(unknownValue)}`,
    ),
    v.check(
      (c) =>
        unknownValue !== 'unknown' ||
        c.value !== 'unknown' ||
        c.status === 'not_legible' ||
        c.status === 'not_reported',
      'an unknown value is not legible or not reported, never reported or inferred',
    ),
  );
}

/** The region's decision on the guideline 1 100. */
export const DECISIONS = ['yes', 'partly', 'equivalent', 'no', 'unknown'] as const;
export const Decision = v.picklist(DECISIONS);
export type Decision = v.InferOutput<typeof Decision>;

/** The state of an action plan for reaching the guideline. */
export const ACTION_PLANS = ['political', 'official', 'drafting', 'none', 'unknown'] as const;
export const ActionPlan = v.picklist(ACTION_PLANS);
export type ActionPlan = v.InferOutput<typeof ActionPlan>;

export const DecisionCell = cell(Decision, 'unknown');
export const ActionPlanCell = cell(ActionPlan, 'unknown');
export const TargetCell = cell(v.nullable(Target), null);
export const GoalYearCell = cell(v.nullable(Year), null);
export type DecisionCell = v.InferOutput<typeof DecisionCell>;
export type ActionPlanCell = v.InferOutput<typeof ActionPlanCell>;
export type TargetCell = v.InferOutput<typeof TargetCell>;
export type GoalYearCell = v.InferOutput<typeof GoalYearCell>;

/**
 * One region's answer in one survey. A missing optional field means the report says nothing
 * about it for this survey; the app shows that as unknown.
 */
export const Answer = v.strictObject({
  region: RegionCode,
  decision: DecisionCell,
  otherTarget: v.optional(TargetCell),
  actionPlan: v.optional(ActionPlanCell),
  planGoalYear: v.optional(GoalYearCell),
  /**
   * The year by which the region's decided target is to be reached, where the report gives one
   * that is not an action plan's goal (there is no plan yet, or the report says there is none).
   */
  targetYear: v.optional(GoalYearCell),
  /** The region's own comment, verbatim in Swedish, one string per paragraph. */
  answerText: v.optional(
    v.strictObject({
      paragraphs: v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1)),
      source: SourceRef,
    }),
  ),
  /** Words that survived in the region's row of a damaged table, verbatim, cell by cell. */
  tableText: v.optional(v.pipe(v.array(v.pipe(v.string(), v.nonEmpty())), v.minLength(1))),
});
export type Answer = v.InferOutput<typeof Answer>;

const YearMonth = v.pipe(v.string(), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'));

export const Question = v.strictObject({
  /** The question as the report gives it, in Swedish. */
  text: v.pipe(v.string(), v.nonEmpty()),
  /** verbatim: the report quotes it; paraphrase: the report retells it; column: a table heading. */
  form: v.picklist(['verbatim', 'paraphrase', 'column']),
});
export type Question = v.InferOutput<typeof Question>;

/** When a survey was made. */
export const Fieldwork = v.strictObject({
  from: YearMonth,
  to: YearMonth,
  /** The report's own words for the dates, e.g. "mars/april 2024". */
  asGiven: v.pipe(v.string(), v.nonEmpty()),
});

/** The nationally reported number of regions that decided to strive for 1 100. */
export const DecidedCount = v.strictObject({
  value: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(21)),
  /**
   * What the number counts, in the source's words: regions that decided (the default), or
   * only regions that answered a clear yes (Dagens Medicin 2022, as the 2024 report cites it).
   */
  counts: v.optional(v.picklist(['decided', 'clear_yes'])),
  quote: v.pipe(v.string(), v.nonEmpty()),
  source: SourceRef,
});

/** One survey of the regions, with every region's answer. */
export const Survey = v.pipe(
  v.strictObject({
    /** The survey year; also its value in the URL (`year=2024`). */
    year: Year,
    publisher: v.pipe(v.string(), v.nonEmpty()),
    fieldwork: Fieldwork,
    questions: v.array(Question),
    /** The nationally reported number of regions that decided to strive for 1 100. */
    decidedCount: DecidedCount,
    /** Default source of the answers; a cell's own `source` overrides it. */
    source: SourceRef,
    notes: v.optional(v.array(Text)),
    answers: v.pipe(
      v.array(Answer),
      v.length(21, 'expected one answer for each of the 21 regions'),
      v.check((a) => new Set(a.map((x) => x.region)).size === 21, 'each region must answer exactly once'),
    ),
  }),
  v.check((s) => s.fieldwork.from <= s.fieldwork.to, 'fieldwork.from must not be after fieldwork.to'),
);
export type Survey = v.InferOutput<typeof Survey>;

export const Region = v.strictObject({
  code: RegionCode,
  /** The short name the reports use, e.g. "Jönköpings län". */
  name: v.pipe(v.string(), v.nonEmpty()),
  /** The formal name, e.g. "Region Jönköpings län". */
  formalName: v.pipe(v.string(), v.nonEmpty()),
});
export type Region = v.InferOutput<typeof Region>;

export const Regions = v.pipe(
  v.array(Region),
  v.length(21, 'expected the 21 regions'),
  v.check((a) => new Set(a.map((r) => r.code)).size === 21, 'region codes must be unique'),
);

const Pct = v.pipe(
  v.number(),
  v.minValue(0),
  v.maxValue(100, (i) => `a share is at most 100, got ${i.received}`),
);

export const ShareValue = v.pipe(
  v.strictObject({
    region: RegionCode,
    value: v.nullable(Pct),
    status: v.picklist(['reported', 'not_reported']),
  }),
  v.check(
    (s) => (s.value === null) === (s.status === 'not_reported'),
    'value is null exactly when not reported',
  ),
);
export type ShareValue = v.InferOutput<typeof ShareValue>;

/** Share of inhabitants with a named regular doctor (fast namngiven läkarkontakt). */
export const NamedGpShare = v.strictObject({
  date: v.pipe(v.string(), v.isoDate()),
  values: v.pipe(
    v.array(ShareValue),
    v.length(21, 'expected a value or a not_reported entry for each of the 21 regions'),
    v.check((a) => new Set(a.map((x) => x.region)).size === 21, 'each region must appear once'),
  ),
  source: SourceRef,
  /** The figure's own attribution, verbatim. */
  sourceLine: v.pipe(v.string(), v.nonEmpty()),
  notes: v.array(v.strictObject({ id: v.string(), text: Text, quote: v.optional(v.string()) })),
});
export type NamedGpShare = v.InferOutput<typeof NamedGpShare>;

const Count = v.pipe(v.number(), v.integer(), v.minValue(0));

const GapFigures = {
  population: Count,
  doctors: v.nullable(Count),
  inhabitantsPerDoctor: v.nullable(Count),
  doctorsNeeded: v.nullable(Count),
  increaseNeededPct: v.nullable(Count),
  status: v.picklist(['reported', 'not_reported']),
  note: v.optional(Text),
};

export const GapRow = v.pipe(
  v.strictObject({ region: RegionCode, ...GapFigures }),
  v.check(
    (r) =>
      r.status === 'not_reported' ||
      [r.doctors, r.inhabitantsPerDoctor, r.doctorsNeeded].every((x) => x !== null),
    'a reported row needs all five figures',
  ),
);
export type GapRow = v.InferOutput<typeof GapRow>;
export const GapNational = v.strictObject(GapFigures);
export type GapNational = v.InferOutput<typeof GapNational>;

/**
 * Bilaga 4: doctors needed in primary care to reach the guideline, figures for 2019. Where a
 * region has no figures, the national row must say (its `note`) what it covers.
 */
export const DoctorGap = v.pipe(
  v.strictObject({
    year: Year,
    guideline: Count,
    rows: v.pipe(
      v.array(GapRow),
      v.length(21, 'expected a row for each of the 21 regions'),
      v.check((a) => new Set(a.map((x) => x.region)).size === 21, 'each region must appear once'),
    ),
    national: GapNational,
    source: SourceRef,
    sourceLine: v.pipe(v.string(), v.nonEmpty()),
    comment: v.pipe(v.string(), v.nonEmpty()),
  }),
  v.check(
    (g) => g.rows.every((r) => r.status === 'reported') || g.national.note !== undefined,
    'the national row needs a note saying what it covers when a region has no figures',
  ),
);
export type DoctorGap = v.InferOutput<typeof DoctorGap>;

export const Source = v.strictObject({
  id: v.pipe(v.string(), v.nonEmpty()),
  publisher: v.pipe(v.string(), v.nonEmpty()),
  title: v.pipe(v.string(), v.nonEmpty()),
  /** When, in the report's words. */
  date: v.pipe(v.string(), v.nonEmpty()),
  /** How the dashboard knows it: the report itself, or as cited by another report. */
  via: v.optional(v.string()),
});
export type Source = v.InferOutput<typeof Source>;

export const Context = v.strictObject({
  guideline: v.strictObject({
    perSpecialist: Count,
    perStTrainee: Count,
    authority: v.string(),
    year: Year,
    quote: v.string(),
    source: SourceRef,
  }),
  namedGpGoal: v.strictObject({
    pct: Pct,
    deadline: v.pipe(v.string(), v.isoDate()),
    quote: v.string(),
    source: SourceRef,
  }),
  sources: v.pipe(v.array(Source), v.minLength(1)),
});
export type Context = v.InferOutput<typeof Context>;

const JsonPath = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9/_-]*\.json$/, 'expected a relative path to a .json file'),
);

/** public/data/index.json: which file holds what. Adding a survey means adding a line here. */
export const DataIndex = v.strictObject({
  regions: JsonPath,
  context: JsonPath,
  namedGpShare: JsonPath,
  doctorGap: JsonPath,
  surveys: v.pipe(v.array(JsonPath), v.minLength(1)),
});
export type DataIndex = v.InferOutput<typeof DataIndex>;

/** Everything the app shows, after each file is validated and the files are checked together. */
export interface Dataset {
  regions: Region[];
  context: Context;
  namedGpShare: NamedGpShare;
  doctorGap: DoctorGap;
  /** Sorted by year, oldest first. */
  surveys: Survey[];
}
