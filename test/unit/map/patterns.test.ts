import { describe, expect, it } from 'vitest';
import { hatch, HATCH, type PatternImage } from '../../../src/map/patterns';

const alphaAt = (img: PatternImage, x: number, y: number) => img.data[(y * img.width + x) * 4 + 3]!;
const setCount = (img: PatternImage) => {
  let n = 0;
  for (let i = 3; i < img.data.length; i += 4) if (img.data[i]! > 0) n++;
  return n;
};

describe('hatch patterns', () => {
  it.each([['map hatch', HATCH, 12, [0, 0, 0, 140]]] as const)(
    '%s: %i px square, RGBA, some but not all pixels set',
    (_name, make, size, rgba) => {
      const img = make();
      expect(img.width).toBe(size);
      expect(img.height).toBe(size);
      expect(img.data).toBeInstanceOf(Uint8Array);
      expect(img.data.length).toBe(size * size * 4);
      const n = setCount(img);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(size * size);
      // Each set pixel has the line colour; the rest is fully transparent.
      for (let i = 0; i < img.data.length; i += 4) {
        const px = [...img.data.slice(i, i + 4)];
        if (px[3]! > 0) expect(px).toEqual([...rgba]);
        else expect(px).toEqual([0, 0, 0, 0]);
      }
    },
  );

  it("the map hatch rises to the right ('/'), as the legend's CSS hatch does", () => {
    const i = HATCH();
    // '\' passes through (1,1); '/' through (size-1, 1).
    expect(alphaAt(i, i.width - 1, 1)).toBeGreaterThan(0);
    expect(alphaAt(i, 1, 1)).toBe(0);
  });

  it.each([
    [8, 1, '/'],
    [8, 2, '\\'],
    [14, 2, '\\'],
    [12, 3, '/'],
  ] as const)(
    'size %i, width %i, %s: exactly width pixels per row, seamless across tiles',
    (size, width, dir) => {
      const img = hatch(size, [1, 2, 3, 4], width, dir);
      expect(setCount(img)).toBe(size * width);
      for (let y = 0; y < size; y++) {
        let row = 0;
        for (let x = 0; x < size; x++) if (alphaAt(img, x, y) > 0) row++;
        expect(row).toBe(width);
      }
      // Seamless: the pixel after the right edge (wrapping to x = 0) continues the diagonal.
      for (let y = 0; y < size; y++)
        for (let x = 0; x < size; x++) {
          const nx = (x + 1) % size;
          const ny = dir === '/' ? (y - 1 + size) % size : (y + 1) % size;
          expect(alphaAt(img, nx, ny) > 0).toBe(alphaAt(img, x, y) > 0);
        }
    },
  );

  it('a 4 px "/" hatch of width 1 is the anti-diagonal', () => {
    const img = hatch(4, [9, 9, 9, 9], 1, '/');
    const grid = Array.from({ length: 4 }, (_, y) =>
      Array.from({ length: 4 }, (_, x) => (alphaAt(img, x, y) ? '#' : '.')).join(''),
    );
    expect(grid).toEqual(['#...', '...#', '..#.', '.#..']);
  });
});
