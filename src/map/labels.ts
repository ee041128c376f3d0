/**
 * Region names on the map: where each of the 21 labels stands, computed once per framing, pure.
 * The large northern and western regions carry their name inside; the small southern and eastern
 * ones are named in two columns in the margins (the sea to the east, the land to the west), each
 * joined to its region by a leader line, and spaced so that no two labels touch. Positions are
 * computed in CSS pixels of a frame (geometry.ts) and handed back in path units too, so the SVG
 * map draws them in its own coordinates and MapLibre places them with map.project(): zoomed in,
 * they only move apart. Where the frame is too small for all 21 without overlap (a phone), the
 * layout says so and the renderers name only the chosen region.
 */
import type { RegionCode } from '../data/schema';
import { GEOMETRY, project, toScreen, unproject, type Frame } from './geometry';

/** The labels' type size in CSS pixels, and their line height. */
export const LABEL_FONT_SIZE = 11;
export const LABEL_LINE_HEIGHT = 13;
/** Space kept between two labels in a column, and between a label and its leader's end. */
const GAP = 3;

/** Where a region's name goes: inside it, or in the west or east margin with a leader line. */
export type LabelSide = 'inside' | 'west' | 'east';

interface Placement {
  side: LabelSide;
  /** Inside: the label's centre [lon, lat] where the region's own label point would crowd a neighbour. */
  at?: [number, number];
  /** Inside: the name is set on two lines, broken at its space. */
  wrap?: boolean;
}

/**
 * Each region's placement, tuned by eye at the desktop map (about 600 × 550 px, 1440 × 900) and
 * checked by the unit test (no overlaps there) and the browser test (none as drawn). The west
 * column holds the regions between Västra Götaland and the east coast that are too small for their
 * names; the east column the coastal ones and Gotland.
 */
export const PLACEMENT: Record<RegionCode, Placement> = {
  'SE-BD': { side: 'inside', at: [19.6, 67.1] },
  'SE-AC': { side: 'inside', at: [17.6, 64.9] },
  'SE-Z': { side: 'inside', at: [13.6, 63.7], wrap: true },
  'SE-Y': { side: 'inside', at: [17.6, 62.75] },
  'SE-X': { side: 'inside', at: [16.3, 61.5] },
  'SE-W': { side: 'inside', at: [14.3, 61.0] },
  'SE-S': { side: 'inside', at: [13.1, 60.05] },
  'SE-O': { side: 'inside', at: [12.25, 58.7], wrap: true },
  'SE-E': { side: 'inside', at: [15.6, 58.15] },
  'SE-M': { side: 'inside', at: [13.55, 55.95] },
  'SE-U': { side: 'east' },
  'SE-C': { side: 'east' },
  'SE-AB': { side: 'east' },
  'SE-D': { side: 'east' },
  'SE-I': { side: 'east' },
  'SE-H': { side: 'east' },
  'SE-K': { side: 'east' },
  'SE-T': { side: 'west' },
  'SE-F': { side: 'west' },
  'SE-N': { side: 'west' },
  'SE-G': { side: 'west' },
};

/** Longitudes the columns keep to: the west one ends left of the west coast, the east one starts right of Gotland. */
const WEST_EDGE = 11.3;
const EAST_EDGE = 19.4;

/** The name a region carries on the map: "Jönköping" and "Örebro", without the "län" the map need not say. */
export function mapName(name: string): string {
  return name.replace(/s? län$/, '');
}

/**
 * An approximate width of `text` in CSS pixels at the labels' size: semibold sans-serif averages
 * about 0.65 em a character (measured in Chromium's system-ui; wide enough for DejaVu Sans). Used
 * where no canvas is at hand: the layout and its test.
 */
export function approxTextWidth(text: string, size = LABEL_FONT_SIZE): number {
  return text.length * size * 0.65;
}

/** A rectangle in CSS pixels of the frame. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One region's name as placed. */
export interface PlacedLabel {
  code: RegionCode;
  side: LabelSide;
  /** The lines of text (two for a wrapped name). */
  lines: string[];
  /** Text alignment at `x`: centred inside, ending at the west column, starting at the east one. */
  align: 'middle' | 'end' | 'start';
  /** The text's anchor (alignment point, vertical centre of the block) in CSS pixels of the frame. */
  x: number;
  y: number;
  /** The same point in path units (geometry.ts), for a renderer that is panned and zoomed. */
  at: [number, number];
  /** The label's box in CSS pixels of the frame (approximate text width). */
  box: Box;
  /** The leader line from the label's side to the region's label point, in CSS pixels; null inside. */
  leader: [{ x: number; y: number }, { x: number; y: number }] | null;
  /** The leader in path units. */
  leaderAt: [[number, number], [number, number]] | null;
}

/** The layout of all 21 names in a frame, and whether it fits. */
export interface LabelLayout {
  labels: PlacedLabel[];
  /** True when no two labels overlap and every label lies inside the frame. */
  fits: boolean;
}

/** True when two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when `b` lies wholly inside a `width` × `height` frame. */
export function inside(b: Box, width: number, height: number): boolean {
  return b.x >= 0 && b.y >= 0 && b.x + b.width <= width && b.y + b.height <= height;
}

/**
 * Spreads a column's labels (sorted by their wanted centre) so that neighbours are at least
 * `step` apart, keeping each as near its wanted place as that allows: a label pushed down by
 * the one above pushes the ones below it, and a group that would leave the frame's foot is moved
 * back up as a whole.
 */
export function spread(wanted: readonly number[], step: number, min: number, max: number): number[] {
  const out: number[] = [];
  for (const [i, w] of wanted.entries())
    out.push(i === 0 ? Math.max(min, w) : Math.max(w, out[i - 1]! + step));
  for (let i = out.length - 1; i >= 0; i--) {
    const limit = i === out.length - 1 ? max : out[i + 1]! - step;
    if (out[i]! > limit) out[i] = limit;
  }
  return out;
}

/**
 * Ink kept off a region's label point (CSS pixels): that point is where the tooltip points and
 * where a colour can be read off the map, so a name stands just above or below it.
 */
export const ANCHOR_CLEARANCE = 4;

/** A label centre `c` of a block `height` tall, moved up or down just enough to leave `anchor` clear. */
function clearOf(c: { x: number; y: number }, height: number, anchor: { x: number; y: number }) {
  const half = height / 2 + ANCHOR_CLEARANCE;
  if (Math.abs(c.y - anchor.y) >= half) return c;
  return { x: c.x, y: c.y <= anchor.y ? anchor.y - half : anchor.y + half };
}

/** The screen point of a [lon, lat] in frame `f`. */
const screen = (f: Frame, lonLat: [number, number]) => toScreen(f, project(lonLat));
/** A screen point of frame `f` in path units. */
const pathUnits = (f: Frame, p: { x: number; y: number }): [number, number] => [
  p.x / f.scale + f.viewBox[0],
  p.y / f.scale + f.viewBox[1],
];

/**
 * Places the 21 names (`names`: each region's name, as the reader's language has it) in frame
 * `f`. `measure` gives a line's width in CSS pixels (approxTextWidth by default; a renderer
 * may pass a canvas measurement).
 */
export function layoutLabels(
  names: Partial<Record<RegionCode, string>>,
  f: Frame,
  measure: (text: string) => number = (t) => approxTextWidth(t),
): LabelLayout {
  const labels: PlacedLabel[] = [];
  const columns: Record<'west' | 'east', Array<{ code: RegionCode; anchor: { x: number; y: number } }>> = {
    west: [],
    east: [],
  };
  for (const r of GEOMETRY.regions) {
    const p = PLACEMENT[r.code];
    const name = mapName(names[r.code] ?? r.code);
    const anchor = toScreen(f, r.at);
    if (p.side !== 'inside') {
      columns[p.side].push({ code: r.code, anchor });
      continue;
    }
    const lines = p.wrap && name.includes(' ') ? name.split(' ') : [name];
    const width = Math.max(...lines.map(measure));
    const height = lines.length * LABEL_LINE_HEIGHT;
    const c = clearOf(p.at ? screen(f, p.at) : anchor, height, anchor);
    labels.push({
      code: r.code,
      side: 'inside',
      lines,
      align: 'middle',
      x: c.x,
      y: c.y,
      at: pathUnits(f, c),
      box: { x: c.x - width / 2, y: c.y - height / 2, width, height },
      leader: null,
      leaderAt: null,
    });
  }
  for (const side of ['west', 'east'] as const) {
    const col = columns[side].sort((a, b) => a.anchor.y - b.anchor.y);
    const ys = spread(
      col.map((c) => c.anchor.y),
      LABEL_LINE_HEIGHT + GAP,
      LABEL_LINE_HEIGHT / 2,
      f.height - LABEL_LINE_HEIGHT / 2,
    );
    const edge = screen(f, [side === 'west' ? WEST_EDGE : EAST_EDGE, 58]).x;
    for (const [i, c] of col.entries()) {
      const name = mapName(names[c.code] ?? c.code);
      const width = measure(name);
      const y = ys[i]!;
      const x = edge;
      const end = { x: side === 'west' ? x + GAP : x - GAP, y };
      // The leader stops short of the label point, which stays clear (ANCHOR_CLEARANCE).
      const dx = c.anchor.x - end.x;
      const dy = c.anchor.y - end.y;
      const len = Math.hypot(dx, dy) || 1;
      const tip = {
        x: c.anchor.x - (dx / len) * ANCHOR_CLEARANCE,
        y: c.anchor.y - (dy / len) * ANCHOR_CLEARANCE,
      };
      const leader: [{ x: number; y: number }, { x: number; y: number }] = [end, tip];
      labels.push({
        code: c.code,
        side,
        lines: [name],
        align: side === 'west' ? 'end' : 'start',
        x,
        y,
        at: pathUnits(f, { x, y }),
        box: {
          x: side === 'west' ? x - width : x,
          y: y - LABEL_LINE_HEIGHT / 2,
          width,
          height: LABEL_LINE_HEIGHT,
        },
        leader,
        leaderAt: [pathUnits(f, end), pathUnits(f, tip)],
      });
    }
  }
  const fits =
    labels.every((l) => inside(l.box, f.width, f.height)) &&
    labels.every((a, i) => labels.every((b, j) => j <= i || !overlaps(a.box, b.box)));
  return { labels, fits };
}

/** [lon, lat] of a point in path units: where MapLibre is asked to project a label. */
export function lonLatOf(at: readonly [number, number]): [number, number] {
  return unproject(at);
}

/**
 * The labels a renderer draws: all 21 where they fit in the national frame `f`; where they do not
 * (a phone), only the chosen region's name, centred on its label point and kept inside the frame.
 */
export function shownLabels(layout: LabelLayout, selected: RegionCode | null, f: Frame): PlacedLabel[] {
  if (layout.fits) return layout.labels;
  const l = layout.labels.find((x) => x.code === selected);
  const r = GEOMETRY.regions.find((x) => x.code === selected);
  if (!l || !r) return [];
  const name = l.lines.join(' ');
  const width = approxTextWidth(name);
  const a = toScreen(f, r.at);
  const x = Math.min(f.width - width / 2 - 2, Math.max(width / 2 + 2, a.x));
  const y = Math.min(f.height - LABEL_LINE_HEIGHT, Math.max(LABEL_LINE_HEIGHT, a.y));
  return [
    {
      code: l.code,
      side: 'inside',
      lines: [name],
      align: 'middle',
      x,
      y,
      at: pathUnits(f, { x, y }),
      box: { x: x - width / 2, y: y - LABEL_LINE_HEIGHT / 2, width, height: LABEL_LINE_HEIGHT },
      leader: null,
      leaderAt: null,
    },
  ];
}

/** How much closer than the national framing a view must be for its names to stand on the regions themselves. */
export const CLOSE_ZOOM = 0.5;

/**
 * The names in a close view `f` (a chosen region framed, or the reader's zoom): each region's
 * name on its own label point, no leaders, the chosen region first, then the others north to
 * south, each left out where it would leave the view or touch one already placed.
 */
export function closeLabels(
  names: Partial<Record<RegionCode, string>>,
  f: Frame,
  selected: RegionCode | null,
  measure: (text: string) => number = (t) => approxTextWidth(t),
): PlacedLabel[] {
  const order = [...GEOMETRY.regions].sort(
    (a, b) => Number(b.code === selected) - Number(a.code === selected) || a.at[1] - b.at[1],
  );
  const out: PlacedLabel[] = [];
  // Every region's label point stays clear, as in the national layout.
  const points = GEOMETRY.regions.map((r) => toScreen(f, r.at));
  for (const r of order) {
    const name = mapName(names[r.code] ?? r.code);
    const a = toScreen(f, r.at);
    const c = clearOf({ x: a.x, y: a.y - 1 }, LABEL_LINE_HEIGHT, a);
    const width = measure(name);
    const box = { x: c.x - width / 2, y: c.y - LABEL_LINE_HEIGHT / 2, width, height: LABEL_LINE_HEIGHT };
    const m = ANCHOR_CLEARANCE;
    const onPoint = points.some(
      (q) => q.x > box.x - m && q.x < box.x + width + m && q.y > box.y - m && q.y < box.y + box.height + m,
    );
    if (onPoint || !inside(box, f.width, f.height) || out.some((o) => overlaps(o.box, box))) continue;
    out.push({
      code: r.code,
      side: 'inside',
      lines: [name],
      align: 'middle',
      x: c.x,
      y: c.y,
      at: pathUnits(f, c),
      box,
      leader: null,
      leaderAt: null,
    });
  }
  return out;
}
