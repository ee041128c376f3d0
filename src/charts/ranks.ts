/**
 * Regions ranked by the two measured figures (share with a named GP, inhabitants per doctor),
 * the chosen region highlighted and the goal or guideline marked.
 */
import type { Dataset, RegionCode } from '../data/schema';
import type { Dict } from '../i18n';
import type { Lang } from '../domain';
import { formatNumber, formatPct } from '../i18n/format';
import { CHART_COLORS, type BarsSpec, type RefLine } from './spec';

interface RankItem {
  code: RegionCode;
  name: string;
  value: number;
}

function rankBars(
  items: RankItem[],
  code: RegionCode | null,
  label: string,
  ref: RefLine,
  fmt: (n: number) => string,
  t: Dict,
  max: number | null,
): BarsSpec {
  const sorted = [...items].sort((a, b) => b.value - a.value);
  const bars = sorted.map((x) => ({
    label: x.name,
    value: x.value,
    text: fmt(x.value),
    color:
      code === null ? CHART_COLORS.neutral : x.code === code ? CHART_COLORS.highlight : CHART_COLORS.muted,
    emphasis: x.code === code,
  }));
  return {
    kind: 'bars',
    label,
    valueLabel: label,
    bars,
    max,
    ref,
    table: {
      head: [t.table.region, label],
      rows: bars.map((b) => [b.label + (b.emphasis ? ' ◀' : ''), b.text]),
    },
  };
}

const nameOf = (d: Dataset, code: RegionCode) => d.regions.find((r) => r.code === code)!.name;

/** Share with a named GP, all reporting regions ranked, the region highlighted, the 55 % goal marked. */
export function shareRankChart(d: Dataset, code: RegionCode | null, t: Dict, lang: Lang): BarsSpec {
  const items = d.namedGpShare.values.flatMap((v) =>
    v.value === null ? [] : [{ code: v.region, name: nameOf(d, v.region), value: v.value }],
  );
  const goal = d.context.namedGpGoal.pct;
  return rankBars(
    items,
    code,
    t.charts.shareRank,
    { value: goal, label: t.charts.goal(formatPct(goal, lang)) },
    (n) => formatPct(n, lang),
    t,
    100,
  );
}

/** Inhabitants per doctor (2019), all regions with figures ranked, the region highlighted, the target marked. */
export function gapRankChart(
  d: Dataset,
  code: RegionCode | null,
  target: number,
  t: Dict,
  lang: Lang,
): BarsSpec {
  const items = d.doctorGap.rows.flatMap((r) =>
    r.inhabitantsPerDoctor === null
      ? []
      : [{ code: r.region, name: nameOf(d, r.region), value: r.inhabitantsPerDoctor }],
  );
  const label = target === d.doctorGap.guideline ? t.charts.guideline : formatNumber(target, lang);
  return rankBars(
    items,
    code,
    t.charts.gapRank,
    { value: target, label },
    (n) => formatNumber(n, lang),
    t,
    null,
  );
}
