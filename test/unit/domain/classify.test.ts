import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, GapRow, RegionCode } from '../../../src/data/schema';
import { REGION_CODES } from '../../../src/data/schema';
import {
  binIndex,
  classify,
  classifyCached,
  GAP_BREAKS,
  gapBreaks,
  SHARE_BREAKS,
  surveyFor,
  type Classification,
} from '../../../src/domain/classify';
import { METRICS, WHATIF, type Metric } from '../../../src/domain';
import { UNKNOWN_GREY } from '../../../src/domain/palette';
import { loadDataset } from '../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

function expectConsistent(c: Classification) {
  const all = c.classes.flatMap((k) => k.regions);
  expect(all).toHaveLength(21);
  expect(new Set(all)).toEqual(new Set(REGION_CODES));
  for (const k of c.classes)
    for (const code of k.regions) {
      const rv = c.byRegion[code];
      expect(rv.classId).toBe(k.id);
      expect(rv.color).toBe(k.color);
      expect(rv.code).toBe(code);
    }
  expect(new Set(c.classes.map((k) => k.id)).size).toBe(c.classes.length);
}

describe('legend classes hold every region exactly once', () => {
  const years = [null, 2022, 2023, 2024, 2025, 1999];
  const cases: Array<[Metric, number | null, number]> = [];
  for (const m of METRICS)
    for (const y of years) for (const t of [WHATIF.min, 1100, 1450, WHATIF.max]) cases.push([m, y, t]);

  it.each(cases)('%s, year %s, target %i', (metric, year, target) => {
    const c = classify(d, metric, year, target);
    expect(c.metric).toBe(metric);
    expectConsistent(c);
  });
});

describe('decision metric', () => {
  const counts = (c: Classification) => Object.fromEntries(c.classes.map((k) => [k.id, k.regions.length]));

  it('2025 (and the latest by default) counts', () => {
    const c = classify(d, 'decision', null, 1100);
    expect(counts(c)).toEqual({
      dated_plan: 3,
      plan: 1,
      decided: 0,
      equivalent: 1,
      on_the_way: 1,
      other_target: 1,
      no: 3,
      unknown: 11,
    });
    expect(classify(d, 'decision', 2025, 1100)).toEqual(c);
  });

  it('2024 counts put the 10 yes answers in the decided classes', () => {
    const c = counts(classify(d, 'decision', 2024, 1100));
    expect(c.dated_plan! + c.plan! + c.decided!).toBe(10);
    expect(c).toMatchObject({ dated_plan: 3, plan: 0, decided: 7, equivalent: 1, unknown: 0 });
  });

  it('unknown is grey and hatched; known classes are not', () => {
    const c = classify(d, 'decision', 2025, 1100);
    for (const k of c.classes) expect(k.pattern).toBe(k.id === 'unknown' ? 'unknown' : 'none');
    expect(c.classes.find((k) => k.id === 'unknown')!.color).toBe(UNKNOWN_GREY);
  });

  it('sort keys: furthest along highest, unknown null', () => {
    const c = classify(d, 'decision', 2025, 1100);
    expect(c.byRegion['SE-I'].sortKey).toBeGreaterThan(c.byRegion['SE-Z'].sortKey!);
    expect(c.byRegion['SE-Z'].sortKey).toBeGreaterThan(c.byRegion['SE-K'].sortKey!);
    expect(c.byRegion['SE-N'].sortKey).toBeNull();
    for (const code of REGION_CODES) expect(c.byRegion[code].value).toBeNull();
  });
});

describe('share metric', () => {
  it('puts the 55 % goal at a class boundary', () => {
    expect(SHARE_BREAKS).toContain(55);
    const c = classify(d, 'share', null, 1100);
    const lows = c.classes.map((k) => k.range?.[0]);
    expect(lows).toContain(55);
    expect(binIndex(55, SHARE_BREAKS)).not.toBe(binIndex(54.9, SHARE_BREAKS));
  });

  it('the classes at or above 55 % hold exactly the 10 regions at the goal', () => {
    const c = classify(d, 'share', null, 1100);
    const atGoal = c.classes.filter((k) => k.range && k.range[0] !== null && k.range[0] >= 55);
    expect(atGoal.flatMap((k) => k.regions)).toHaveLength(10);
  });

  it('ranges are contiguous and each value lies in its class range', () => {
    const c = classify(d, 'share', null, 1100);
    const numeric = c.classes.filter((k) => k.range);
    expect(numeric.map((k) => k.range)).toEqual([
      [null, 40],
      [40, 55],
      [55, 70],
      [70, 85],
      [85, null],
    ]);
    for (const k of numeric)
      for (const code of k.regions) {
        const v = c.byRegion[code].value!;
        const [lo, hi] = k.range!;
        if (lo !== null) expect(v).toBeGreaterThanOrEqual(lo);
        if (hi !== null) expect(v).toBeLessThan(hi);
      }
  });

  it.each([
    ['SE-K', 'share_0', 18],
    ['SE-C', 'share_0', 37],
    ['SE-T', 'share_1', 49],
    ['SE-I', 'share_2', 59],
    ['SE-H', 'share_3', 79],
    ['SE-W', 'share_3', 84],
    ['SE-O', 'share_4', 95],
    ['SE-Z', 'not_reported', null],
  ] as Array<[RegionCode, string, number | null]>)('%s → %s (%s)', (code, cls, value) => {
    const rv = classify(d, 'share', null, 1100).byRegion[code];
    expect(rv.classId).toBe(cls);
    expect(rv.value).toBe(value);
    expect(rv.pattern).toBe(value === null ? 'unknown' : 'none');
  });

  it('five regions are not reported', () => {
    const c = classify(d, 'share', null, 1100);
    expect(c.classes.find((k) => k.id === 'not_reported')!.regions.sort()).toEqual([
      'SE-AC',
      'SE-BD',
      'SE-F',
      'SE-S',
      'SE-Z',
    ]);
  });
});

describe('gap metric', () => {
  it("at the report's guideline shows the report's own increase for every region", () => {
    const c = classify(d, 'gap', null, 1100);
    for (const row of d.doctorGap.rows) {
      const rv = c.byRegion[row.region];
      expect(rv.value).toBe(row.increaseNeededPct);
    }
  });

  it.each([800, 950, 1100, 1500, 2000])('Gotland stays not reported at %i', (target) => {
    const rv = classify(d, 'gap', null, target).byRegion['SE-I'];
    expect(rv).toMatchObject({ classId: 'not_reported', pattern: 'unknown', value: null, sortKey: null });
  });

  // The breaks follow the target (issue 20); at 1 100 they fall at 80, 90, 100 and 110 %.
  it('at 1 100 the breaks are the fifths of the increases, rounded to 10 points', () => {
    const c = classify(d, 'gap', null, 1100);
    expect(c.classes.map((k) => k.range)).toEqual([
      [null, 0],
      [0, 80],
      [80, 90],
      [90, 100],
      [100, 110],
      [110, null],
      undefined,
    ]);
  });

  it.each([
    ['SE-Z', 'gap_1'], // 21 %
    ['SE-AC', 'gap_1'], // 52 %
    ['SE-H', 'gap_2'], // 80 %: on the break, so in the upper class
    ['SE-D', 'gap_3'], // 92 %
    ['SE-S', 'gap_4'], // 102 %
    ['SE-K', 'gap_5'], // 155 %
  ] as Array<[RegionCode, string]>)('at 1 100, %s → %s', (code, cls) => {
    expect(classify(d, 'gap', null, 1100).byRegion[code].classId).toBe(cls);
  });

  // Issue 20: at 800, 19 of the 20 regions with figures fell in one class.
  it('at every target of the what-if, no class holds more than 9 of the 20 regions with figures', () => {
    for (let target = WHATIF.min; target <= WHATIF.max; target += WHATIF.step) {
      const c = classify(d, 'gap', null, target);
      const sizes = c.classes.filter((k) => k.id !== 'not_reported').map((k) => k.regions.length);
      expect(
        sizes.reduce((a, b) => a + b),
        `${target}`,
      ).toBe(20);
      expect(Math.max(...sizes), `${target}: ${sizes.join(', ')}`).toBeLessThanOrEqual(9);
    }
  });

  it('at every target, each region sits in the class whose range holds the value shown', () => {
    for (let target = WHATIF.min; target <= WHATIF.max; target += WHATIF.step) {
      const c = classify(d, 'gap', null, target);
      for (const rv of Object.values(c.byRegion)) {
        if (rv.value === null) continue;
        const [lo, hi] = c.classes.find((k) => k.id === rv.classId)!.range!;
        if (rv.sortKey! <= 0) expect(rv.classId).toBe('gap_0');
        else {
          expect(rv.value).toBeGreaterThanOrEqual(lo!);
          if (hi !== null) expect(rv.value).toBeLessThan(hi);
        }
      }
    }
  });

  // Issue 20: Västra Götaland (1 993 per doctor) showed "0 %" in "under 50 %" at 2 000.
  it('at 2 000, regions already better staffed need no increase, Västra Götaland too', () => {
    const c = classify(d, 'gap', null, 2000);
    const none = c.classes.find((k) => k.id === 'gap_0')!;
    expect(none.range).toEqual([null, 0]);
    // Jämtland 1 331, Västerbotten 1 672, Jönköping 1 775, Gävleborg 1 939, Halland 1 952,
    // Kalmar 1 980, Västra Götaland 1 993 (−0.35 %, shown as 0 %)
    expect(none.regions.sort()).toEqual(['SE-AC', 'SE-F', 'SE-H', 'SE-N', 'SE-O', 'SE-X', 'SE-Z'].sort());
    for (const code of none.regions) expect(c.byRegion[code].sortKey).toBeLessThan(0);
    expect(c.byRegion['SE-O'].value === 0).toBe(true);
    expect(Object.is(c.byRegion['SE-O'].value, -0)).toBe(false);
  });

  it('classifies the rounded value, so a region shown as 90 % is in the class holding 90 %', () => {
    const row = d.doctorGap.rows.find((r) => r.region === 'SE-K')!;
    // 1 896 per doctor at a target of 1 000 is +89.6 %, shown as 90 %.
    const tweaked: GapRow = { ...row, inhabitantsPerDoctor: 1896 };
    const d2: Dataset = {
      ...d,
      doctorGap: { ...d.doctorGap, rows: d.doctorGap.rows.map((r) => (r.region === 'SE-K' ? tweaked : r)) },
    };
    const c = classify(d2, 'gap', null, 1000);
    const rv = c.byRegion['SE-K'];
    expect(rv.value).toBe(90);
    expect(c.classes.find((k) => k.id === rv.classId)!.range).toEqual([90, 100]);
    expect(rv.sortKey).toBeCloseTo(89.6, 6);
  });

  it('sort key grows with the gap', () => {
    const c = classify(d, 'gap', null, 1500);
    expect(c.byRegion['SE-K'].sortKey).toBeGreaterThan(c.byRegion['SE-AB'].sortKey!);
    expect(c.byRegion['SE-AB'].sortKey).toBeGreaterThan(c.byRegion['SE-Z'].sortKey!);
  });

  it('gapBreaks: strictly increasing from 0, GAP_BREAKS where fewer than five regions need more', () => {
    expect(gapBreaks([-3, 2, 4, 40])).toEqual([...GAP_BREAKS]);
    expect(gapBreaks([1, 1, 1, 1, 1, 1])).toEqual([0, 5, 10, 15, 20]);
    expect(gapBreaks([66, 109, 122, 142, 144, 148, 149, 154, 160, 163, 250])).toEqual([
      0, 120, 140, 150, 160,
    ]);
  });

  it('GAP_BREAKS and SHARE_BREAKS are increasing', () => {
    for (const b of [GAP_BREAKS, SHARE_BREAKS])
      for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!);
  });
});

describe('binIndex', () => {
  it.each([
    [-5, 0],
    [0, 1],
    [49.99, 1],
    [50, 2],
    [79, 2],
    [80, 3],
    [90, 4],
    [99, 4],
    [100, 5],
    [1000, 5],
  ])('%d → %i with the gap breaks', (value, i) => {
    expect(binIndex(value, GAP_BREAKS)).toBe(i);
  });

  it('an empty break list has one class', () => {
    expect(binIndex(123, [])).toBe(0);
  });
});

describe('surveyFor', () => {
  it.each([
    [null, 2025],
    [2022, 2022],
    [2024, 2024],
    [2030, 2025],
  ])('%s → %i', (year, expected) => {
    expect(surveyFor(d, year).year).toBe(expected);
  });
});

describe('classifyCached', () => {
  it('gives what classify gives, and the same object for the same map', async () => {
    const d = await loadDataset();
    for (const [metric, year, target] of [
      ['decision', 2023, 1100],
      ['decision', null, 1100],
      ['share', null, 1100],
      ['gap', null, 1500],
    ] as const) {
      const c = classifyCached(d, metric, year, target);
      expect(c).toEqual(classify(d, metric, year, target));
      expect(classifyCached(d, metric, year, target)).toBe(c);
    }
  });

  it('keys only on what the metric reads: the year for decision, the target for gap', async () => {
    const d = await loadDataset();
    expect(classifyCached(d, 'share', 2022, 1100)).toBe(classifyCached(d, 'share', 2025, 1600));
    expect(classifyCached(d, 'decision', 2024, 1100)).toBe(classifyCached(d, 'decision', 2024, 1500));
    expect(classifyCached(d, 'decision', 2023, 1100)).not.toBe(classifyCached(d, 'decision', 2024, 1100));
    expect(classifyCached(d, 'gap', null, 1100)).not.toBe(classifyCached(d, 'gap', null, 1500));
  });

  it('never hands one dataset’s classes to another', async () => {
    const d = await loadDataset();
    const other = structuredClone(d);
    other.namedGpShare.values[0] = { ...other.namedGpShare.values[0]!, value: 1 };
    const a = classifyCached(d, 'share', null, 1100);
    const b = classifyCached(other, 'share', null, 1100);
    expect(b).not.toBe(a);
    expect(b).toEqual(classify(other, 'share', null, 1100));
  });
});
