/**
 * The URL owns the view. `parseView` and `serialiseView` are a pure pair: whatever a link says,
 * parsing gives a valid view (junk falls back to defaults), and serialising writes only what
 * differs from the defaults, in a fixed order, so every view has one canonical link.
 */
import {
  COMPARE_MAX,
  LANGS,
  METRICS,
  REGION_CODES,
  VIEWS,
  WHATIF,
  type Lang,
  type Metric,
  type RegionCode,
  type View,
} from '../domain';

export interface ViewState {
  metric: Metric;
  /** Survey year for the decision metric; null means the latest survey. */
  year: number | null;
  region: RegionCode | null;
  view: View;
  lang: Lang;
  /**
   * What-if guideline, inhabitants per doctor; null for the report's own guideline (the data's,
   * see domain.ts), which the link then leaves out.
   */
  target: number | null;
  /** Regions in the compare view, in the order picked. */
  compare: RegionCode[];
  /** The two surveys the changes view compares; null means the two latest. */
  from: number | null;
  to: number | null;
  /** Iframe mode: map, legend and summary only. */
  embed: boolean;
}

export const DEFAULT_VIEW: Readonly<ViewState> = Object.freeze({
  metric: 'decision',
  year: null,
  region: null,
  view: 'map',
  lang: 'sv',
  target: null,
  compare: [],
  from: null,
  to: null,
  embed: false,
});

/** Longer parameter values are junk by definition (the longest real value is 23 characters). */
const MAX_LEN = 64;

function pick<T extends string>(allowed: readonly T[], raw: string | null): T | undefined {
  return raw !== null && (allowed as readonly string[]).includes(raw) ? (raw as T) : undefined;
}

function regionCode(raw: string): RegionCode | undefined {
  const up = raw.trim().toUpperCase();
  return pick(REGION_CODES, up);
}

function surveyYear(raw: string | null): number | null {
  if (raw === null || !/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 2000 && y <= 2100 ? y : null;
}

/**
 * Parses a query string (with or without the leading `?`) into a complete, valid view.
 * Unknown parameters are ignored; invalid values fall back to the default.
 */
export function parseView(search: string): ViewState {
  const q = new URLSearchParams(search);
  const get = (k: string) => {
    const v = q.get(k);
    return v === null || v.length > MAX_LEN ? null : v;
  };
  const targetRaw = get('target');
  const targetNum = targetRaw !== null && /^\d{3,4}$/.test(targetRaw) ? Number(targetRaw) : NaN;
  const target =
    targetNum >= WHATIF.min && targetNum <= WHATIF.max && (targetNum - WHATIF.min) % WHATIF.step === 0
      ? targetNum
      : null;
  const compare: RegionCode[] = [];
  for (const part of (get('compare') ?? '').split(',')) {
    const c = regionCode(part);
    if (c && !compare.includes(c) && compare.length < COMPARE_MAX) compare.push(c);
  }
  const region = get('region');
  return {
    metric: pick(METRICS, get('metric')) ?? DEFAULT_VIEW.metric,
    year: surveyYear(get('year')),
    region: region === null ? null : (regionCode(region) ?? null),
    view: pick(VIEWS, get('view')) ?? DEFAULT_VIEW.view,
    lang: pick(LANGS, get('lang')) ?? DEFAULT_VIEW.lang,
    target,
    compare,
    from: surveyYear(get('from')),
    to: surveyYear(get('to')),
    embed: get('embed') === '1',
  };
}

/** Writes a view as a query string (with `?`, or '' for the default view), defaults omitted. */
export function serialiseView(s: ViewState): string {
  const q = new URLSearchParams();
  if (s.view !== DEFAULT_VIEW.view) q.set('view', s.view);
  if (s.metric !== DEFAULT_VIEW.metric) q.set('metric', s.metric);
  if (s.year !== null) q.set('year', String(s.year));
  if (s.region !== null) q.set('region', s.region);
  if (s.target !== null) q.set('target', String(s.target));
  if (s.compare.length) q.set('compare', s.compare.join(','));
  if (s.from !== null) q.set('from', String(s.from));
  if (s.to !== null) q.set('to', String(s.to));
  if (s.lang !== DEFAULT_VIEW.lang) q.set('lang', s.lang);
  if (s.embed) q.set('embed', '1');
  const str = q.toString().replace(/%2C/g, ',');
  return str ? `?${str}` : '';
}

/**
 * Settles the parts of a view that depend on the data: a survey year that is not one of the
 * surveys becomes null (the latest), and so do from/to; `from` must precede `to`; a what-if
 * target equal to the report's `guideline` becomes null (the report's own figures).
 */
export function resolveView(s: ViewState, surveyYears: readonly number[], guideline: number): ViewState {
  const known = (y: number | null) => (y !== null && surveyYears.includes(y) ? y : null);
  const latest = surveyYears.at(-1) ?? null;
  let year = known(s.year);
  if (year === latest) year = null;
  let from = known(s.from);
  let to = known(s.to);
  // `to` null means the latest survey; it needs an earlier survey to compare with, and `from`
  // must come strictly before whichever `to` is.
  if (to === latest || to === surveyYears[0]) to = null;
  if (from !== null && latest !== null && from >= (to ?? latest)) from = null;
  return { ...s, year, from, to, target: s.target === guideline ? null : s.target };
}

/**
 * The two surveys the changes view compares: `to` (default the latest) and `from` (default the
 * survey before `to`). Expects a view already settled by resolveView.
 */
export function changesYears(
  s: Pick<ViewState, 'from' | 'to'>,
  surveyYears: readonly number[],
): { from: number; to: number } {
  const to = s.to ?? surveyYears.at(-1) ?? 0;
  const from = s.from ?? surveyYears[surveyYears.indexOf(to) - 1] ?? surveyYears[0] ?? 0;
  return { from, to };
}
