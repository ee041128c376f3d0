/**
 * The compare view's model: for each chosen region, its decision class in every survey, its
 * action plan and plan goal year in the survey on the map (in the words of cellText, as the
 * table and the panel say them), its share and its doctor gap.
 */
import type { Dataset, RegionCode } from '../../data/schema';
import type { Dict } from '../../i18n';
import type { Lang } from '../../domain';
import { answerOf } from '../../domain/classify';
import { cellText } from '../../domain/cellText';
import { rankedGap, rankedShare, regionTimeline } from '../panel/panel';

/** One region's column. */
export interface CompareColumn {
  code: RegionCode;
  timeline: ReturnType<typeof regionTimeline>;
  plan: ReturnType<typeof cellText>;
  goal: ReturnType<typeof cellText>;
  share: ReturnType<typeof rankedShare>;
  gap: ReturnType<typeof rankedGap>;
}

/** The columns for `codes`, with the plan and goal year of the survey of `year`. */
export function compareColumns(
  d: Dataset,
  codes: readonly RegionCode[],
  year: number,
  target: number,
  t: Dict,
  lang: Lang,
): CompareColumn[] {
  return codes.map((code) => {
    const a = answerOf(d, year, code);
    return {
      code,
      timeline: regionTimeline(d, code),
      plan: cellText(a?.actionPlan, 'plan', t, lang),
      goal: cellText(a?.planGoalYear, 'year', t, lang),
      share: rankedShare(d, code),
      gap: rankedGap(d, code, target),
    };
  });
}
