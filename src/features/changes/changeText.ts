/** A change between two surveys in words, e.g. "Beslut: Nej → Ja" or "Mål: 1 750 → 1 100". */
import type { ActionPlan, Decision } from '../../data/schema';
import type { Dict } from '../../i18n';
import type { Change } from '../panel/panel';
import type { Lang } from '../../domain';
import type { DecisionClass } from '../../domain/decision';
import { formatNumber } from '../../i18n/format';

export function changeText(c: Change, t: Dict, lang: Lang): string {
  const none = t.panel.noneValue;
  switch (c.kind) {
    case 'decision':
      return t.change.decision(t.decisionValues[c.from as Decision], t.decisionValues[c.to as Decision]);
    case 'class':
      return t.change.klass(
        t.decisionClasses[c.from as DecisionClass],
        t.decisionClasses[c.to as DecisionClass],
      );
    case 'target': {
      const f = (x: string | number | null) => (x === null ? none : formatNumber(Number(x), lang));
      return t.change.target(f(c.from), f(c.to));
    }
    case 'plan':
      return t.change.plan(t.actionPlans[c.from as ActionPlan], t.actionPlans[c.to as ActionPlan]);
    case 'goal':
      return t.change.goal(c.from === null ? none : String(c.from), c.to === null ? none : String(c.to));
  }
}
