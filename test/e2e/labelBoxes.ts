/**
 * What "the names can be read" means on the desktop map, for the Chromium suite and every engine:
 * the boxes of the drawn name labels, as the browser laid out their text.
 */
import { expect } from 'vitest';

/** A drawn label's box in page coordinates. */
export interface Rect {
  code: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** 21 labels, each inside the map's box, none overlapping another. */
export function expectReadable({
  labels,
  map,
}: {
  labels: Rect[];
  map: Pick<DOMRect, 'x' | 'y' | 'width' | 'height'>;
}): void {
  expect(labels).toHaveLength(21);
  for (const a of labels) {
    expect(a.width, a.code).toBeGreaterThan(20);
    expect(a.x, a.code).toBeGreaterThanOrEqual(map.x);
    expect(a.y, a.code).toBeGreaterThanOrEqual(map.y);
    expect(a.x + a.width, a.code).toBeLessThanOrEqual(map.x + map.width);
    expect(a.y + a.height, a.code).toBeLessThanOrEqual(map.y + map.height);
    for (const b of labels) {
      if (a === b) continue;
      const hit = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(hit, `${a.code} overlaps ${b.code}`).toBe(false);
    }
  }
}
