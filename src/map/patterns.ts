/**
 * Hatch patterns drawn as raw pixels (no canvas, no sprite request), so "unknown" and "inferred"
 * never depend on colour alone. The legend draws the same hatches with CSS gradients.
 */

export interface PatternImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * A square tile of diagonal lines on a transparent ground.
 * @param size tile size in pixels (the lines repeat seamlessly across tiles)
 * @param rgba line colour
 * @param width line width in pixels
 * @param direction '/' rising to the right, '\\' falling
 */
export function hatch(
  size: number,
  rgba: [number, number, number, number],
  width: number,
  direction: '/' | '\\',
): PatternImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const d = direction === '/' ? (x + y) % size : (x - y + size) % size;
      if (d < width) data.set(rgba, (y * size + x) * 4);
    }
  return { width: size, height: size, data };
}

/**
 * The map's hatch: dark, half-transparent diagonal lines. Over the grey fill it marks unknown or
 * not reported; over a class colour, inferred. Readable on yellow and on blue alike.
 */
export const HATCH = () => hatch(12, [0, 0, 0, 140], 2, '/');
