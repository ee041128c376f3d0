/**
 * Words for classes and values, shared by the legend, the list, the tooltip, the table and the
 * exports, so a region is described the same way everywhere.
 */
import type { Dict } from '../i18n';
import type { Dataset, RegionCode, Survey } from '../data/schema';
import { surveyFor, type Classification, type LegendClass, type Pattern, type RegionValue } from './classify';
import { answerMove, type DecisionClass } from './decision';
import type { Lang, Metric } from './';
import { formatNumber, formatPct, formatSignedPct } from '../i18n/format';
import type { GapFigures } from '../features/whatif/whatif';

/** The legend label of a class. */
export function classLabel(
  c: Pick<LegendClass, 'id' | 'range'>,
  metric: Metric,
  t: Dict,
  lang: Lang,
): string {
  if (c.id === 'not_reported') return metric === 'share' ? t.notReportedShare : t.notReportedGap;
  if (metric === 'decision') return t.decisionClasses[c.id as DecisionClass];
  const [lo, hi] = c.range ?? [null, null];
  const pct = (x: number) => formatPct(x, lang);
  if (metric === 'gap' && lo === null) return t.range.noIncrease;
  if (lo === null || (metric === 'gap' && lo === 0)) return t.range.under(pct(hi!));
  if (hi === null) return t.range.atLeast(pct(lo));
  // Whole percentages: the class [40, 55) reads "40–54 %".
  return t.range.between(formatNumber(lo, lang), pct(hi - 1));
}

/** A region's value in words: the class for decisions, the number otherwise. */
export function valueText(rv: RegionValue, metric: Metric, t: Dict, lang: Lang): string {
  if (metric === 'decision') {
    const label = t.decisionClasses[rv.classId as DecisionClass];
    return rv.pattern === 'inferred' ? `${label} (${t.statuses.inferred.toLowerCase()})` : label;
  }
  if (rv.value === null) return metric === 'share' ? t.notReportedShare : t.notReportedGap;
  return metric === 'share' ? formatPct(rv.value, lang) : increaseWords(rv.sortKey ?? rv.value, t, lang);
}

/**
 * An increase in doctors in words, from the unrounded percentage: "+99 %"; "+0,3 %" where it
 * rounds to nothing but is still an increase; "ingen ökning behövs" where the region already has
 * enough doctors, with how far below ("ingen ökning (−33 %)") once that shows as a whole percent.
 */
export function increaseWords(pct: number, t: Dict, lang: Lang): string {
  const whole = Math.round(pct) || 0;
  if (pct <= 0) return whole === 0 ? t.range.noIncrease : t.panel.noIncrease(formatSignedPct(whole, lang));
  return whole === 0 ? `+${formatPct(pct, lang, 1)}` : formatSignedPct(whole, lang);
}

/** The legend class object a region belongs to. */
export function classOf(c: Classification, rv: RegionValue): LegendClass | undefined {
  return c.classes.find((x) => x.id === rv.classId);
}

/** Doctors needed, in words: a count, "N färre" where a guideline needs fewer, or not reported. */
export function neededText(f: GapFigures | null, t: Dict, lang: Lang): string {
  if (f === null) return t.notReportedGap;
  const n = Math.round(f.doctorsNeeded);
  return n < 0 ? t.panel.fewer(formatNumber(-n, lang)) : formatNumber(n, lang);
}

/** Increase needed, in words (`increaseWords`), or not reported. */
export function increaseText(f: GapFigures | null, t: Dict, lang: Lang): string {
  return f === null ? t.notReportedGap : increaseWords(f.increasePct, t, lang);
}

/** Why a survey's unknown regions are unknown, and which survey has the most known answers. */
export interface UnknownReason {
  /** Regions whose decision the source lost (the 2025 table's marks). */
  lost: number;
  /** Regions whose answer the source does not give (2022: only clear yeses were named). */
  notGiven: number;
  /** The latest survey with the most known decisions, where it knows more than this one. */
  fuller: { year: number; known: number } | null;
}

/** Counts a survey's unknown decisions by why they are unknown (null = the latest survey). */
export function unknownReason(d: Dataset, year: number | null): UnknownReason {
  const s = surveyFor(d, year);
  const unknown = s.answers.filter((a) => a.decision.value === 'unknown');
  const knownIn = (x: Survey) => x.answers.filter((a) => a.decision.value !== 'unknown').length;
  let best: Survey = s;
  for (const x of d.surveys)
    if (knownIn(x) >= knownIn(best) && (knownIn(x) > knownIn(best) || x.year > best.year)) best = x;
  return {
    lost: unknown.filter((a) => a.decision.status === 'not_legible').length,
    notGiven: unknown.filter((a) => a.decision.status !== 'not_legible').length,
    fuller: knownIn(best) > knownIn(s) ? { year: best.year, known: knownIn(best) } : null,
  };
}

/** One note under the legend; `pattern` draws a swatch beside it. */
export interface LegendNote {
  id: 'goal' | 'inferred' | 'unknown' | 'nja';
  pattern: Pattern | null;
  text: string;
  /** A survey to offer instead, where more answers are known. */
  offer?: number;
}

/**
 * The notes under the legend (and, those with a swatch, under an exported map): where the old
 * goal lies, what hatching means, why regions are unknown in words a reader understands (for
 * decisions: the marks lost from the copy of the report), and what the report's "NJA" means.
 */
export function legendNotes(
  d: Dataset,
  c: Classification,
  year: number | null,
  t: Dict,
  lang: Lang,
): LegendNote[] {
  const has = (p: Pattern) =>
    c.classes.some((k) => k.regions.length > 0 && k.pattern === p) ||
    Object.values(c.byRegion).some((r) => r.pattern === p);
  const out: LegendNote[] = [];
  if (c.metric === 'share')
    out.push({
      id: 'goal',
      pattern: null,
      text: t.shareGoalNote(formatPct(d.context.namedGpGoal.pct, lang)),
    });
  if (has('inferred')) out.push({ id: 'inferred', pattern: 'inferred', text: t.inferredLegend });
  if (has('unknown')) {
    let text = t.unknownLegend;
    if (c.metric === 'decision') {
      const why = unknownReason(d, year);
      if (why.lost) text += ` ${t.unknownWhy.lost(why.lost)}`;
      if (why.notGiven) text += ` ${t.unknownWhy.notGiven(why.notGiven)}`;
      if (why.fuller) text += ` ${t.unknownWhy.fuller(why.fuller.year, why.fuller.known, d.regions.length)}`;
      out.push({ id: 'unknown', pattern: 'unknown', text, offer: why.fuller?.year });
    } else {
      // Share and gap have one grey class, named for what the report says ("could not report"):
      // the note uses the legend's own label for it rather than a second word for the same regions.
      const grey = c.classes.find((k) => k.id === 'not_reported');
      if (grey)
        out.push({
          id: 'unknown',
          pattern: 'unknown',
          text: t.notReportedLegend(classLabel(grey, c.metric, t, lang), grey.regions.length),
        });
    }
  }
  if (c.metric === 'decision' && c.classes.some((k) => k.id === 'on_the_way'))
    out.push({ id: 'nja', pattern: null, text: t.njaNote });
  return out;
}

/**
 * The tooltip's context below a region's name and value, as Our World in Data gives it: its rank
 * among the regions with a value (share: highest first; gap: largest increase first), or for
 * decisions how many regions share its class and how it moved since the previous survey (as the
 * changes view and the panel tell it: decision.ts `answerMove`).
 */
export function regionContext(
  d: Dataset,
  c: Classification,
  code: RegionCode,
  year: number | null,
  t: Dict,
): string[] {
  const rv = c.byRegion[code];
  if (c.metric !== 'decision') {
    if (rv.sortKey === null) return [];
    const ranked = Object.values(c.byRegion).filter((r) => r.sortKey !== null);
    const rank = 1 + ranked.filter((r) => r.sortKey! > rv.sortKey!).length;
    return [
      c.metric === 'share'
        ? t.tooltip.shareRank(rank, ranked.length)
        : t.tooltip.gapRank(rank, ranked.length),
    ];
  }
  const out: string[] = [];
  const same = c.classes.find((k) => k.id === rv.classId)?.regions.length ?? 0;
  if (rv.classId !== 'unknown') out.push(t.tooltip.inClass(same));
  const s = surveyFor(d, year);
  const i = d.surveys.indexOf(s);
  const prev = i > 0 ? d.surveys[i - 1]! : null;
  const a = prev?.answers.find((x) => x.region === code);
  const b = s.answers.find((x) => x.region === code);
  if (prev && a && b) {
    const m = answerMove(a, b);
    const from = t.decisionClasses[m.from];
    out.push(
      m.direction === 1
        ? t.tooltip.up(prev.year, from)
        : m.direction === -1
          ? t.tooltip.down(prev.year, from)
          : m.direction === 0
            ? t.tooltip.same(prev.year)
            : t.tooltip.unknownMove(prev.year),
    );
  }
  return out;
}
