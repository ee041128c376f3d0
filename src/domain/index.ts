/**
 * The dashboard's vocabulary, in one place: the regions, the metrics a map can show, the views,
 * the interface languages, the statuses of a value, the what-if range, and the national guideline
 * as the data give it. The URL code (state/url.ts) only parses and serialises these words; the
 * classification, the charts, the formats and the components take them from here.
 */
import type { Dataset } from '../data/schema';

export { REGION_CODES, STATUSES, type RegionCode, type Status } from '../data/schema';

/** What a map can be coloured by: the decision on the guideline, the named-doctor share, the doctor gap. */
export const METRICS = ['decision', 'share', 'gap'] as const;
export type Metric = (typeof METRICS)[number];

/** The ways to look at the data: the map, the table, the changes between surveys, regions side by side. */
export const VIEWS = ['map', 'table', 'changes', 'compare'] as const;
export type View = (typeof VIEWS)[number];

/** Interface languages; Swedish first (the reports' language, and the default). */
export const LANGS = ['sv', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The what-if guideline's range and step (inhabitants per doctor). */
export const WHATIF = { min: 800, max: 2000, step: 50 } as const;

/** How many regions the compare view holds. */
export const COMPARE_MAX = 4;

/**
 * The national guideline (inhabitants per specialist in general practice) the report's doctor-gap
 * figures are computed for: the default of the what-if, read from the data, never written in code.
 */
export function guidelineOf(d: Dataset): number {
  return d.doctorGap.guideline;
}
