import { describe, expect, it } from 'vitest';
import {
  between,
  frame,
  pathBounds,
  project,
  REGION_MAX_ZOOM,
  regionBounds,
  regionFrame,
  swedenBounds,
} from '../../../src/map/geometry';
import { REGION_CODES } from '../../../src/data/schema';

/** True when bounds `b` lie inside the viewBox of `f`. */
const contains = (f: ReturnType<typeof frame>, b: number[]) =>
  b[0]! >= f.viewBox[0] &&
  b[1]! >= f.viewBox[1] &&
  b[2]! <= f.viewBox[0] + f.viewBox[2] &&
  b[3]! <= f.viewBox[1] + f.viewBox[3];

describe('framing a chosen region', () => {
  it('reads a path’s bounds from its rings', () => {
    expect(pathBounds('M10 20l5 -5 -10 0zM0 0l1 1z')).toEqual([0, 0, 15, 20]);
  });

  it('every region’s bounds lie within Sweden’s and contain its label point', () => {
    const sw = swedenBounds();
    for (const code of REGION_CODES) {
      const b = regionBounds(code);
      expect(b[0], code).toBeGreaterThanOrEqual(sw[0] - 1);
      expect(b[2], code).toBeLessThanOrEqual(sw[2] + 1);
      expect(b[2] - b[0], code).toBeGreaterThan(0);
    }
    const k = regionBounds('SE-K');
    const [x, y] = project([15.216, 56.293]);
    expect(x > k[0] && x < k[2] && y > k[1] && y < k[3]).toBe(true);
  });

  it('frames Blekinge at the desktop map: all of it in view, the view a small part of Sweden’s', () => {
    const national = frame(608, 550);
    const k = regionFrame('SE-K', 608, 550);
    expect(contains(k, regionBounds('SE-K'))).toBe(true);
    expect(k.viewBox[2] * k.viewBox[3]).toBeLessThan((national.viewBox[2] * national.viewBox[3]) / 20);
    expect(k.zoom).toBeLessThanOrEqual(REGION_MAX_ZOOM);
    // Norrbotten, the largest, is framed too, and zoomed in less.
    const bd = regionFrame('SE-BD', 608, 550);
    expect(contains(bd, regionBounds('SE-BD'))).toBe(true);
    expect(bd.zoom).toBeLessThan(k.zoom);
  });

  it('a bottom sheet over the map moves the region into the part left visible', () => {
    const free = regionFrame('SE-K', 358, 600);
    const covered = regionFrame('SE-K', 358, 600, { bottom: 300 });
    const b = regionBounds('SE-K');
    // The region's foot lies above the sheet's top, in CSS pixels of the map.
    expect((b[3] - covered.viewBox[1]) * covered.scale).toBeLessThanOrEqual(300);
    expect(covered.viewBox[1]).toBeGreaterThan(free.viewBox[1]);
  });

  it('moves between two views: from the first to the second', () => {
    const a = frame(608, 550);
    const b = regionFrame('SE-K', 608, 550);
    expect(between(a, b, 0).zoom).toBeCloseTo(a.zoom, 9);
    expect(between(a, b, 1).viewBox.map((v) => Math.round(v))).toEqual(b.viewBox.map((v) => Math.round(v)));
    expect(between(a, b, 0.5).zoom).toBeCloseTo((a.zoom + b.zoom) / 2, 9);
  });
});
