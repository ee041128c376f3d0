import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset, GapRow, RegionCode } from '../../../../src/data/schema';
import { gapAt, gapFigures, snapTarget } from '../../../../src/features/whatif/whatif';
import { WHATIF } from '../../../../src/domain';
import { loadDataset } from '../../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

const row = (code: RegionCode) => d.doctorGap.rows.find((r) => r.region === code)!;
const reported = () => d.doctorGap.rows.filter((r) => r.status === 'reported');

describe('gapAt at the report’s guideline 1 100', () => {
  it('reproduces every region’s doctorsNeeded and increaseNeededPct within ±1', () => {
    const rows = [...reported(), d.doctorGap.national];
    expect(rows).toHaveLength(21);
    for (const r of rows) {
      const g = gapAt(r, 1100)!;
      expect(Math.abs(g.doctorsNeeded - r.doctorsNeeded!), JSON.stringify(r)).toBeLessThanOrEqual(1);
      expect(Math.abs(g.increasePct - r.increaseNeededPct!), JSON.stringify(r)).toBeLessThanOrEqual(1);
    }
  });

  it('gapFigures at 1 100 gives the report’s figures exactly, not computed', () => {
    for (const r of reported())
      expect(gapFigures(r, 1100, 1100)).toEqual({
        doctorsNeeded: r.doctorsNeeded,
        increasePct: r.increaseNeededPct,
        computed: false,
      });
    expect(gapFigures(d.doctorGap.national, 1100, d.doctorGap.guideline)).toEqual({
      doctorsNeeded: 4454,
      increasePct: 90,
      computed: false,
    });
  });
});

describe('gapFigures at other guidelines follow the formula', () => {
  it.each([
    ['SE-AB', 800, 1881.934, 173.25],
    ['SE-AB', 1500, 496.78, 45.733],
    ['SE-AB', 2000, 101.022, 9.3],
    ['SE-K', 1500, 49.507, 86.867],
    ['SE-K', 800, 142.693, 250.375],
    ['SE-Z', 1500, -11.063, -11.267],
    ['SE-Z', 2000, -32.846, -33.45],
  ] as Array<[RegionCode, number, number, number]>)(
    '%s at %i: %d doctors, %d %%',
    (code, target, needed, pct) => {
      const g = gapFigures(row(code), target, 1100)!;
      expect(g.computed).toBe(true);
      expect(g.doctorsNeeded).toBeCloseTo(needed, 2);
      expect(g.increasePct).toBeCloseTo(pct, 2);
    },
  );

  it('national at 1 500: 1 952 doctors, +40 %', () => {
    const g = gapFigures(d.doctorGap.national, 1500, 1100)!;
    expect(Math.round(g.doctorsNeeded)).toBe(1952);
    expect(Math.round(g.increasePct)).toBe(40);
  });

  it.each([800, 950, 1500, 2000])('at %i every region matches population/T − population/ipd', (target) => {
    for (const r of reported()) {
      const g = gapFigures(r, target, 1100)!;
      const ipd = r.inhabitantsPerDoctor!;
      expect(g.doctorsNeeded).toBeCloseTo(r.population / target - r.population / ipd, 6);
      expect(g.increasePct).toBeCloseTo((ipd / target - 1) * 100, 6);
    }
  });

  it('a stricter guideline never needs fewer doctors', () => {
    for (const r of reported()) {
      let prev = Infinity;
      for (let t = WHATIF.min; t <= WHATIF.max; t += WHATIF.step) {
        const g = gapAt(r, t)!;
        expect(g.doctorsNeeded).toBeLessThan(prev);
        prev = g.doctorsNeeded;
      }
    }
  });

  it('no increase is needed exactly at the region’s own ratio', () => {
    const r = row('SE-Z');
    const g = gapAt(r, r.inhabitantsPerDoctor!)!;
    expect(g.increasePct).toBeCloseTo(0, 9);
    expect(g.doctorsNeeded).toBeCloseTo(0, 9);
  });
});

describe('Gotland (not reported)', () => {
  it('has no figures at any target', () => {
    const g = row('SE-I');
    for (let t = WHATIF.min; t <= WHATIF.max; t += WHATIF.step) {
      expect(gapFigures(g, t, 1100)).toBeNull();
      expect(gapAt(g, t)).toBeNull();
    }
  });

  it('gapAt is null for a zero ratio rather than Infinity', () => {
    const z: GapRow = { ...row('SE-K'), inhabitantsPerDoctor: 0 };
    expect(gapAt(z, 1100)).toBeNull();
  });
});

describe('snapTarget', () => {
  it.each([
    ['1 234', 1250],
    ['1234', 1250],
    ['1224', 1200],
    ['1225', 1250],
    ['1 100', 1100],
    ['1\u00a0100', 1100],
    ['1\u202f100', 1100],
    ['  900 ', 900],
    ['800', 800],
    ['2000', 2000],
    ['1999', 2000],
    ['801', 800],
    ['0900', 900],
    ['799', null],
    ['2001', null],
    ['2024', null],
    ['0', null],
    ['abc', null],
    ['', null],
    ['   ', null],
    ['-900', null],
    ['1100.5', null],
    ['1,100', null],
    ['1e3', null],
    ['123456', null],
  ])('%j → %s', (raw, expected) => {
    expect(snapTarget(raw)).toBe(expected);
  });

  it('snaps to a custom range', () => {
    expect(snapTarget('17', { min: 10, max: 30, step: 5 })).toBe(15);
    expect(snapTarget('18', { min: 10, max: 30, step: 5 })).toBe(20);
    expect(snapTarget('31', { min: 10, max: 30, step: 5 })).toBeNull();
  });

  it('every snapped value is a valid URL target', () => {
    for (let n = WHATIF.min; n <= WHATIF.max; n += 7) {
      const s = snapTarget(String(n))!;
      expect((s - WHATIF.min) % WHATIF.step).toBe(0);
      expect(Math.abs(s - n)).toBeLessThanOrEqual(WHATIF.step / 2);
    }
  });
});
