import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RegionCode } from '../../../../src/data/schema';
import { REGION_CODES } from '../../../../src/data/schema';
import { DICTS, loadDataset } from '../../helpers';
import { classify, answerOf } from '../../../../src/domain/classify';
import { cellText } from '../../../../src/domain/cellText';
import { compareColumns } from '../../../../src/features/compare/compare';
import { tableModel } from '../../../../src/features/table/table';
import type { Lang } from '../../../../src/domain';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const LANGS: Lang[] = ['sv', 'en'];

describe('compareColumns', () => {
  // Issue 20: Kronoberg's goal year was "inget" in the table and panel, "uppgift saknas" in compare.
  it.each(LANGS)(
    '%s: Kronoberg 2025 has a political plan and no goal year ("none"), as in the table',
    (lang) => {
      const t = DICTS[lang];
      const [c] = compareColumns(d, ['SE-G'], 2025, 1100, t, lang);
      expect(c!.goal).toEqual({ value: t.panel.noneValue, unknown: false });
      expect(c!.plan).toEqual({ value: t.actionPlans.political, unknown: false });
    },
  );

  it.each(LANGS)('%s: every region and survey, plan and goal year in the words of the table', (lang) => {
    const t = DICTS[lang];
    for (const s of d.surveys) {
      const table = tableModel(d, classify(d, 'decision', s.year, 1100), 'decision', s.year, 1100, t, lang);
      const col = (id: string) => table.columns.findIndex((c) => c.id === id);
      const cols = compareColumns(d, REGION_CODES, s.year, 1100, t, lang);
      for (const c of cols) {
        const row = table.rows.find((r) => r.code === c.code)!;
        expect(c.plan.value, `${c.code} ${s.year}`).toBe(row.cells[col('plan')]!.text);
        expect(c.goal.value, `${c.code} ${s.year}`).toBe(row.cells[col('goal')]!.text);
        // …and of the panel, which calls cellText on the same cells.
        expect(c.goal).toEqual(cellText(answerOf(d, s.year, c.code)?.planGoalYear, 'year', t, lang));
      }
    }
  });

  it('columns come in the order chosen, with every survey in each timeline', () => {
    const codes: RegionCode[] = ['SE-Z', 'SE-AB', 'SE-G'];
    const cols = compareColumns(d, codes, 2024, 1500, DICTS.sv, 'sv');
    expect(cols.map((c) => c.code)).toEqual(codes);
    for (const c of cols) expect(c.timeline.map((e) => e.survey.year)).toEqual([2022, 2023, 2024, 2025]);
    expect(cols[1]!.gap!.figures!.computed).toBe(true);
  });
});

describe('one word for unknown', () => {
  // Issue 20: the decision table said "uppgift saknas" in one column and "Okänt" in another.
  it.each(LANGS)('%s: every unknown cell of the decision table, in every survey, reads the same', (lang) => {
    const t = DICTS[lang];
    const words = new Set(
      [t.panel.notStated, t.decisionValues.unknown, t.actionPlans.unknown, t.decisionClasses.unknown].map(
        (w) => w.toLowerCase(),
      ),
    );
    expect(words.size).toBe(1);
    const seen = new Set<string>();
    for (const s of d.surveys) {
      const table = tableModel(d, classify(d, 'decision', s.year, 1100), 'decision', s.year, 1100, t, lang);
      for (const r of table.rows)
        for (const c of r.cells.slice(1)) if (c.sort === null) seen.add(c.text.toLowerCase());
    }
    // Unknown cells sort as null; a known "none" has a sort key of its own only for the plan.
    seen.delete(t.panel.noneValue.toLowerCase());
    expect([...seen]).toEqual([...words]);
  });
});
