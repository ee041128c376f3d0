/**
 * Citations: how a source reference (a report and a part of it, schema.ts `SourceRef`) reads on
 * screen, in the CSV and in the exports.
 */
import type { Dataset, SourceRef } from './schema';

/** A publisher's name in the reader's language (the dictionary's `publisher`); the CSV keeps the data's. */
type Publisher = (name: string) => string;
const same: Publisher = (name) => name;

/** A readable citation for a source reference, e.g. `Sveriges läkarförbund, "Kartläggning: …" (mars/april 2024), Bilaga 4`. */
export function sourceLabel(d: Dataset, ref: SourceRef, publisher: Publisher = same): string {
  const s = d.context.sources.find((x) => x.id === ref.doc);
  if (!s) return `${ref.doc}, ${ref.part}`;
  return `${publisher(s.publisher)}, "${s.title}" (${s.date}), ${ref.part}`;
}

/** A short citation for the panel, e.g. `Sveriges läkarförbund 2024, Bilaga 4`. */
export function shortSourceLabel(d: Dataset, ref: SourceRef, publisher: Publisher = same): string {
  const s = d.context.sources.find((x) => x.id === ref.doc);
  if (!s) return `${ref.doc}, ${ref.part}`;
  const year = s.date.match(/\d{4}/)?.[0] ?? s.date;
  return `${publisher(s.publisher)} ${year}, ${ref.part}`;
}

/**
 * A figure's own source line as the report prints it ("Källa: Regionernas redovisningar …"),
 * without its "Källa:": the panel puts it after its own citation under a label of its own, so
 * "Källa" is not said twice.
 */
export function reportSourceLine(line: string): string {
  return line.replace(/^\s*källa\s*:\s*/i, '');
}

/**
 * The source of what a metric's map shows: the survey's report for decisions, the share's and
 * the doctor gap's own tables otherwise. Null while the survey is not known.
 */
export function metricSource(
  d: Dataset,
  metric: 'decision' | 'share' | 'gap',
  survey: { source: SourceRef } | null,
): SourceRef | null {
  if (metric === 'decision') return survey?.source ?? null;
  return metric === 'share' ? d.namedGpShare.source : d.doctorGap.source;
}
