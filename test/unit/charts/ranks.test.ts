import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, RegionCode } from '../../../src/data/schema';
import { DICTS, loadDataset } from '../helpers';
import { gapRankChart, shareRankChart } from '../../../src/charts/ranks';
import type { BarsSpec } from '../../../src/charts/spec';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

describe('rank charts', () => {
  const colors = (s: BarsSpec) => s.bars.map((b) => b.color);
  const values = (s: BarsSpec) => s.bars.map((b) => b.value);

  it.each(['SE-K', 'SE-O', 'SE-AB'] as RegionCode[])(
    'share, %s: 16 bars, descending, one highlighted',
    (code) => {
      const s = shareRankChart(d, code, DICTS.en, 'en');
      const data = values(s);
      expect(data).toHaveLength(16);
      expect(data).toEqual([...data].sort((a, b) => b - a));
      expect(s.table.rows).toHaveLength(data.length);
      const name = d.regions.find((r) => r.code === code)!.name;
      const i = s.bars.findIndex((b) => b.label === name);
      expect(i).toBeGreaterThanOrEqual(0);
      expect(s.bars.filter((b) => b.emphasis)).toEqual([s.bars[i]]);
      const others = colors(s).filter((_, j) => j !== i);
      expect(new Set(others).size).toBe(1);
      expect(others).not.toContain(colors(s)[i]);
      const marked = s.table.rows.filter((r) => r[0]!.endsWith(' ◀'));
      expect(marked).toEqual([[`${name} ◀`, expect.any(String)]]);
      expect(s.table.rows[i]![0]).toBe(`${name} ◀`);
    },
  );

  it.each([
    ['share', () => shareRankChart(d, null, DICTS.en, 'en')],
    ['gap', () => gapRankChart(d, null, 1100, DICTS.en, 'en')],
  ] as Array<[string, () => BarsSpec]>)(
    '%s with no region chosen: no bar highlighted, no marker',
    (_n, make) => {
      const s = make();
      expect(new Set(colors(s)).size).toBe(1);
      expect(s.bars.some((b) => b.emphasis)).toBe(false);
      expect(s.table.rows.some((r) => r[0]!.includes('◀'))).toBe(false);
      expect(s.table.rows).toHaveLength(s.bars.length);
    },
  );

  it('share: 95 % first, 18 % last, the 55 % goal marked, on a 0–100 axis', () => {
    const s = shareRankChart(d, 'SE-K', DICTS.en, 'en');
    expect(s.table.rows[0]).toEqual(['Västra Götaland', '95%']);
    expect(s.table.rows.at(-1)).toEqual(['Blekinge ◀', '18%']);
    expect(s.ref).toMatchObject({ value: 55 });
    expect(s.max).toBe(100);
    // The bars' texts are the table's values: one wording of each value.
    expect(s.bars.map((b) => b.text)).toEqual(s.table.rows.map((r) => r[1]));
  });

  it.each([
    [1100, 'Guideline 1,100'],
    [1500, '1,500'],
  ])('gap at %i: 20 bars (no Gotland), reference line labelled %j', (target, label) => {
    const s = gapRankChart(d, 'SE-AB', target, DICTS.en, 'en');
    expect(values(s)).toHaveLength(20);
    expect(s.table.rows).toHaveLength(20);
    expect(s.bars.map((b) => b.label)).not.toContain('Gotland');
    expect(values(s)[0]).toBe(2803);
    expect(s.ref).toEqual({ value: target, label });
    expect(s.max).toBeNull();
  });
});
