/**
 * A sourced cell in words, with whether it is an unknown (drawn muted, never as a value): the one
 * cell-to-words function of the panel, the table, the compare view and the changes view.
 */
import type { ActionPlanCell, DecisionCell, GoalYearCell, TargetCell } from '../data/schema';
import type { Dict } from '../i18n';
import type { Lang } from './';
import { formatNumber } from '../i18n/format';

type AnyCell = DecisionCell | ActionPlanCell | TargetCell | GoalYearCell;

/**
 * Every unknown, whether the report is silent, lost the cell or could not report, reads as the
 * one word for unknown (`t.panel.notStated`); the panel's status tag says which. A known "none"
 * (null) is `t.panel.noneValue`, never the unknown word.
 */
export function cellText(
  cell: AnyCell | undefined,
  kind: 'decision' | 'plan' | 'target' | 'year',
  t: Dict,
  lang: Lang,
): { value: string; unknown: boolean } {
  if (cell === undefined) return { value: t.panel.notStated, unknown: true };
  if (cell.status === 'not_legible' || cell.status === 'not_reported' || cell.value === 'unknown')
    return { value: t.panel.notStated, unknown: true };
  if (cell.value === null) return { value: t.panel.noneValue, unknown: false };
  switch (kind) {
    case 'decision':
      return { value: t.decisionValues[(cell as DecisionCell).value], unknown: false };
    case 'plan':
      return { value: t.actionPlans[(cell as ActionPlanCell).value], unknown: false };
    case 'target':
      return { value: formatNumber(cell.value as number, lang), unknown: false };
    case 'year':
      return { value: String(cell.value), unknown: false };
  }
}
