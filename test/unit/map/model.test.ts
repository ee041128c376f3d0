import { describe, expect, it } from 'vitest';
import { COLORS, DIM, mapModel, mix, type MapFocus } from '../../../src/map/model';
import { classify } from '../../../src/domain/classify';
import { readDataset } from '../../../src/data/validate';
import { fsReader } from '../../../src/cli/fsReader';
import type { RegionCode } from '../../../src/data/schema';

const d = await readDataset(fsReader('public/data'));
const none: MapFocus = { selected: null, hovered: null, highlighted: new Set() };
const byCode = (looks: ReturnType<typeof mapModel>) => new Map(looks.map((l) => [l.code, l]));

describe('mapModel', () => {
  it('draws nothing before the data: the renderers show the plain geometry', () => {
    expect(mapModel(null, none)).toEqual([]);
  });

  it.each([
    ['decision', 2022],
    ['decision', 2025],
    ['share', null],
    ['gap', null],
  ] as const)(
    '%s %s: every region in its class colour and pattern, no outline, nothing dimmed',
    (metric, year) => {
      const c = classify(d, metric, year, 1100);
      const looks = mapModel(c, none);
      expect(looks).toHaveLength(21);
      for (const l of looks) {
        expect([l.code, l.fill, l.pattern]).toEqual([
          l.code,
          c.byRegion[l.code].color,
          c.byRegion[l.code].pattern,
        ]);
        expect(l.outline).toBe('none');
        expect(l.dim).toBe(false);
      }
    },
  );

  it('a highlighted class keeps its regions and dims the others, mixed into the land colour', () => {
    const c = classify(d, 'decision', 2024, 1100);
    const no = c.classes.find((k) => k.id === 'no')!.regions;
    const looks = byCode(mapModel(c, { ...none, highlighted: new Set(no) }));
    for (const [code, l] of looks) {
      const inClass = no.includes(code);
      expect(l.dim).toBe(!inClass);
      expect(l.fill).toBe(inClass ? c.byRegion[code].color : mix(c.byRegion[code].color, COLORS.land, DIM));
      expect(l.outline).toBe(inClass ? 'highlight' : 'none');
    }
  });

  it('outlines the selection first, then the hover, then the highlighted class', () => {
    const c = classify(d, 'share', null, 1100);
    const all = new Set(Object.keys(c.byRegion) as RegionCode[]);
    const looks = byCode(mapModel(c, { selected: 'SE-I', hovered: 'SE-AB', highlighted: all }));
    expect(looks.get('SE-I')!.outline).toBe('selected');
    expect(looks.get('SE-AB')!.outline).toBe('hover');
    expect(looks.get('SE-K')!.outline).toBe('highlight');
    const same = byCode(mapModel(c, { selected: 'SE-I', hovered: 'SE-I', highlighted: new Set() }));
    expect(same.get('SE-I')!.outline).toBe('selected');
  });

  it('hatches stay hatches when dimmed: inferred and unknown are never carried by colour alone', () => {
    const c = classify(d, 'decision', 2025, 1100);
    const looks = mapModel(c, { ...none, highlighted: new Set<RegionCode>(['SE-AB']) });
    for (const l of looks) expect(l.pattern).toBe(c.byRegion[l.code].pattern);
    expect(looks.filter((l) => l.pattern === 'unknown').length).toBeGreaterThan(0);
  });
});

describe('mix', () => {
  it.each([
    ['#000000', '#ffffff', 0.3, '#b3b3b3'],
    ['#ffffff', '#000000', 1, '#ffffff'],
    ['#0072b2', '#ebe8e3', 0, '#ebe8e3'],
    ['#0072b2', '#ebe8e3', DIM, '#a5c5d4'],
    ['red', '#ffffff', 0.3, 'red'],
  ])('mix(%s, %s, %d) = %s', (a, b, share, want) => expect(mix(a, b, share)).toBe(want));

  it('is what a fill of that opacity over the ground looks like, channel by channel', () => {
    const c = [0x56, 0xb4, 0xe9];
    const g = [0xeb, 0xe8, 0xe3];
    const got = mix('#56b4e9', '#ebe8e3', DIM);
    c.forEach((x, i) => {
      const want = Math.round(x * DIM + g[i]! * (1 - DIM));
      expect(parseInt(got.slice(1 + 2 * i, 3 + 2 * i), 16)).toBe(want);
    });
  });
});
