import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  FIT_PADDING,
  frame,
  GEOMETRY,
  project,
  SWEDEN_BOUNDS,
  toScreen,
  unproject,
  ZOOM_RANGE,
} from '../../../src/map/geometry';
import { REGION_CODES } from '../../../src/data/schema';

/** The rings of a path as written by geo/build.mjs: M x y, then relative l segments, z. */
function rings(d: string): Array<Array<[number, number]>> {
  return d
    .split('z')
    .filter(Boolean)
    .map((ring) => {
      const m = /^M(-?\d+) (-?\d+)l(.*)$/.exec(ring);
      if (!m) throw new Error(`unexpected ring ${ring.slice(0, 40)}`);
      const pts: Array<[number, number]> = [[Number(m[1]), Number(m[2])]];
      const nums = m[3]!.split(' ').map(Number);
      for (let i = 0; i < nums.length; i += 2) {
        const [x, y] = pts[pts.length - 1]!;
        pts.push([x + nums[i]!, y + nums[i + 1]!]);
      }
      return pts;
    });
}

/** Even-odd point in polygon over every ring. */
function inside([x, y]: [number, number], rs: Array<Array<[number, number]>>): boolean {
  let c = false;
  for (const r of rs)
    for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
      const [xi, yi] = r[i]!;
      const [xj, yj] = r[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  return c;
}

describe('public/geo/sweden-paths.json (the SVG map)', () => {
  it('holds the 21 regions, each with a path and a label point inside it', () => {
    expect(GEOMETRY.regions.map((r) => r.code).sort()).toEqual([...REGION_CODES].sort());
    for (const r of GEOMETRY.regions) {
      expect(r.d.length).toBeGreaterThan(20);
      expect(r.at).toEqual(project(r.label).map((v) => Math.round(v * 10) / 10));
      expect([r.code, inside(r.at, rings(r.d))]).toEqual([r.code, true]);
    }
  });

  it('is Web Mercator in pixels of the world at its zoom', () => {
    expect(GEOMETRY.worldSize).toBe(512 * 2 ** GEOMETRY.zoom);
    const all = GEOMETRY.regions.flatMap((r) => rings(r.d).flat());
    const [w, s, e, n] = SWEDEN_BOUNDS;
    const [x0, y0] = project([w, n]);
    const [x1, y1] = project([e, s]);
    // Every region point lies within Sweden's bounds (a unit of rounding allowed).
    for (const [x, y] of all) {
      expect(x).toBeGreaterThanOrEqual(x0 - 1);
      expect(x).toBeLessThanOrEqual(x1 + 1);
      expect(y).toBeGreaterThanOrEqual(y0 - 1);
      expect(y).toBeLessThanOrEqual(y1 + 1);
    }
  });

  it('is small enough to come with the first chunk: under 12 KB gzipped', () => {
    const bytes = gzipSync(readFileSync('public/geo/sweden-paths.json'), { level: 9 }).length;
    expect(bytes).toBeLessThan(12 * 1024);
  });
});

describe('project / unproject', () => {
  it('are inverse', () => {
    for (const p of [
      [10.9, 55.3],
      [24.2, 69.1],
      [18.07, 59.33],
    ] as Array<[number, number]>) {
      const back = unproject(project(p));
      expect(back[0]).toBeCloseTo(p[0], 9);
      expect(back[1]).toBeCloseTo(p[1], 9);
    }
  });

  it('put the equator and the prime meridian at the middle of the world', () => {
    expect(project([0, 0])).toEqual([GEOMETRY.worldSize / 2, GEOMETRY.worldSize / 2]);
  });
});

describe('frame (MapLibre fitBounds for Sweden)', () => {
  const [w, s, e, n] = SWEDEN_BOUNDS;
  type P = { x: number; y: number };
  const corners = (f: ReturnType<typeof frame>): [P, P] => [
    toScreen(f, project([w, n])),
    toScreen(f, project([e, s])),
  ];

  it.each([
    [575, 530],
    [366, 480],
    [1200, 400],
    [600, 900],
  ])('%i × %i: Sweden fills one axis up to the padding and is centred on both', (width, height) => {
    const f = frame(width, height);
    const [a, b] = corners(f);
    const left = a.x;
    const right = width - b.x;
    const top = a.y;
    const bottom = height - b.y;
    // Centred.
    expect(left).toBeCloseTo(right, 6);
    expect(top).toBeCloseTo(bottom, 6);
    // The binding axis keeps exactly the padding; the other at least it.
    expect(Math.min(left, top)).toBeCloseTo(FIT_PADDING, 6);
    expect(Math.max(left, top)).toBeGreaterThanOrEqual(FIT_PADDING - 1e-6);
    // The viewBox shows exactly the container at this scale.
    expect(f.viewBox[2] * f.scale).toBeCloseTo(width, 6);
    expect(f.viewBox[3] * f.scale).toBeCloseTo(height, 6);
    // MapLibre's centre and zoom for the same view.
    const c = project(f.center);
    expect(toScreen(f, c).x).toBeCloseTo(width / 2, 6);
    expect(toScreen(f, c).y).toBeCloseTo(height / 2, 6);
    expect(2 ** (f.zoom - GEOMETRY.zoom)).toBeCloseTo(f.scale, 12);
  });

  it('never goes below the minimum zoom: a tiny container shows part of Sweden, as MapLibre would', () => {
    const f = frame(120, 120);
    expect(f.zoom).toBe(ZOOM_RANGE.min);
    const [a, b] = corners(f);
    expect(b.y - a.y).toBeGreaterThan(120);
  });
});

describe('SWEDEN_BOUNDS', () => {
  it('is [west, south, east, north] around Sweden', () => {
    const [w, s, e, n] = SWEDEN_BOUNDS;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    // Smygehuk (55.34 N), Treriksröset (69.06 N), Haparanda (24.1 E), Koster (11.0 E).
    expect(s).toBeLessThanOrEqual(55.34);
    expect(n).toBeGreaterThanOrEqual(69.06);
    expect(e).toBeGreaterThanOrEqual(24.1);
    expect(w).toBeLessThanOrEqual(11.0);
  });
});
