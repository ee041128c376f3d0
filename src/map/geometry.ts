/**
 * The map's geometry and framing, shared by both renderers. The paths (public/geo/sweden-paths.json,
 * built by `npm run geo`) are Web Mercator, as MapLibre draws it, in pixels of a world
 * 512 × 2^zoom wide, simplified for the national view; they come with the main chunk (~9 KB
 * gzipped), so the SVG map is drawn with the first text. `frame()` is MapLibre's fitBounds for
 * Sweden in a container of a given size, so the SVG map and the MapLibre map, handed the same
 * centre and zoom, show the same picture.
 */
import paths from '../../public/geo/sweden-paths.json';
import type { RegionCode } from '../data/schema';

/** Sweden with Gotland and the far north: [west, south, east, north]. */
export const SWEDEN_BOUNDS: [number, number, number, number] = [10.9, 55.3, 24.2, 69.1];
/** Space (CSS pixels) kept around Sweden when it is fitted to the map. */
export const FIT_PADDING = 12;
/** The zoom range the map allows: MapLibre's, and the SVG map's fitting obeys the minimum too. */
export const ZOOM_RANGE = { min: 2.5, max: 9 } as const;

/** A region's path and label point in the national geometry. */
export interface RegionShape {
  code: RegionCode;
  /** Label point [lon, lat] (Natural Earth's): where keyboard tooltips and labels anchor. */
  label: [number, number];
  /** The label point projected, in path units. */
  at: [number, number];
  /** SVG path data in path units. */
  d: string;
}

export interface NationalGeometry {
  /** The zoom whose world the path units are pixels of. */
  zoom: number;
  /** World width in path units: 512 × 2^zoom. */
  worldSize: number;
  regions: RegionShape[];
  /** The context land (neighbouring countries and Sweden's own outline), one path. */
  land: string;
}

/** The national geometry as `npm run geo` wrote it. */
export const GEOMETRY = paths as NationalGeometry;

/** [lon, lat] in Web Mercator path units of `geometry`. */
export function project([lon, lat]: readonly [number, number], geometry = GEOMETRY): [number, number] {
  const r = (lat * Math.PI) / 180;
  const w = geometry.worldSize;
  return [((lon + 180) / 360) * w, ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * w];
}

/** Path units → [lon, lat]: the inverse of project(). */
export function unproject([x, y]: readonly [number, number], geometry = GEOMETRY): [number, number] {
  const w = geometry.worldSize;
  const lon = (x / w) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / w))) * 180) / Math.PI;
  return [lon, lat];
}

/** A view of the map: what a renderer needs to place the national geometry in a container. */
export interface Frame {
  width: number;
  height: number;
  /** MapLibre's zoom (512 px tiles) and centre [lon, lat] for the same view. */
  zoom: number;
  center: [number, number];
  /** CSS pixels per path unit. */
  scale: number;
  /** The SVG viewBox [x, y, width, height] in path units that shows exactly this view. */
  viewBox: [number, number, number, number];
}

/** Space (CSS pixels) kept free on each side of the map when something is fitted to it. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The same padding on every side. */
export const pad = (p: number): Padding => ({ top: p, right: p, bottom: p, left: p });

/** Bounds [x0, y0, x1, y1] in path units. */
export type PathBounds = [number, number, number, number];

/** The view of a `width` × `height` container at MapLibre's `zoom` and `center` [lon, lat]. */
export function frameAt(
  width: number,
  height: number,
  zoom: number,
  center: readonly [number, number],
  geometry = GEOMETRY,
): Frame {
  const scale = 2 ** (zoom - geometry.zoom);
  const [cx, cy] = project(center, geometry);
  const vw = width / scale;
  const vh = height / scale;
  return {
    width,
    height,
    zoom,
    center: [center[0], center[1]],
    scale,
    viewBox: [cx - vw / 2, cy - vh / 2, vw, vh],
  };
}

/**
 * `bounds` (path units) fitted to a `width` × `height` container with `padding` kept free, as
 * MapLibre's fitBounds does it: the smaller of the two axes' scales, the bounds' centre at the
 * centre of the unpadded part, the zoom kept within ZOOM_RANGE and at most `maxZoom`.
 */
export function fitFrame(
  bounds: PathBounds,
  width: number,
  height: number,
  padding: Padding,
  maxZoom: number = ZOOM_RANGE.max,
  geometry = GEOMETRY,
): Frame {
  const [x0, y0, x1, y1] = bounds;
  const fit = Math.min(
    (width - padding.left - padding.right) / Math.max(x1 - x0, 1e-9),
    (height - padding.top - padding.bottom) / Math.max(y1 - y0, 1e-9),
  );
  const rawZoom = geometry.zoom + Math.log2(Math.max(fit, 1e-9));
  const zoom = Math.min(maxZoom, ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, rawZoom));
  const scale = 2 ** (zoom - geometry.zoom);
  // The view's centre, so that the bounds' centre falls in the middle of the unpadded part.
  const cx = (x0 + x1) / 2 + (padding.right - padding.left) / 2 / scale;
  const cy = (y0 + y1) / 2 + (padding.bottom - padding.top) / 2 / scale;
  return frameAt(width, height, zoom, unproject([cx, cy], geometry), geometry);
}

/** Sweden's bounds in path units. */
export function swedenBounds(geometry = GEOMETRY): PathBounds {
  const [w, s, e, n] = SWEDEN_BOUNDS;
  const [x0, y0] = project([w, n], geometry);
  const [x1, y1] = project([e, s], geometry);
  return [x0, y0, x1, y1];
}

/**
 * Sweden fitted to a `width` × `height` container with FIT_PADDING around it, as MapLibre's
 * fitBounds does it (the smaller of the two axes' scales, the bounds' projected centre at the
 * container's centre), the zoom kept within ZOOM_RANGE.
 */
export function frame(width: number, height: number, geometry = GEOMETRY): Frame {
  return fitFrame(swedenBounds(geometry), width, height, pad(FIT_PADDING), ZOOM_RANGE.max, geometry);
}

/** The bounds of SVG path data as geo/build.mjs writes it (M x y, relative l segments, z), in path units. */
export function pathBounds(d: string): PathBounds {
  const b: PathBounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of d.split('z')) {
    const m = /^M(-?[\d.]+) (-?[\d.]+)(?:l(.*))?$/.exec(ring.trim());
    if (!m) continue;
    let x = Number(m[1]);
    let y = Number(m[2]);
    const nums = m[3] ? m[3].trim().split(/\s+/).map(Number) : [];
    for (let i = -2; i < nums.length; i += 2) {
      if (i >= 0) {
        x += nums[i]!;
        y += nums[i + 1]!;
      }
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
  }
  return b;
}

/** A region's bounds in path units (its mainland and islands together). */
export function regionBounds(code: RegionCode, geometry = GEOMETRY): PathBounds {
  const r = geometry.regions.find((x) => x.code === code);
  return r ? pathBounds(r.d) : swedenBounds(geometry);
}

/**
 * How close a chosen region is brought: zoom 6 shows Blekinge, the smallest, about a quarter of
 * the desktop map wide, with its neighbours around it for bearings.
 */
export const REGION_MAX_ZOOM = 6;
/** Space kept around a chosen region, beyond what covers the map (a bottom sheet). */
export const REGION_PADDING = 40;

/**
 * The view that frames a chosen region in a `width` × `height` map: its bounds fitted with
 * REGION_PADDING, more where something covers the map (`cover`, CSS pixels per side).
 */
export function regionFrame(
  code: RegionCode,
  width: number,
  height: number,
  cover: Partial<Padding> = {},
  geometry = GEOMETRY,
): Frame {
  const p = pad(REGION_PADDING);
  const padding: Padding = {
    top: p.top + (cover.top ?? 0),
    right: p.right + (cover.right ?? 0),
    bottom: p.bottom + (cover.bottom ?? 0),
    left: p.left + (cover.left ?? 0),
  };
  // A cover that leaves too little map: frame in what is left of it, at least a third.
  const minW = width / 3;
  const minH = height / 3;
  if (width - padding.left - padding.right < minW) padding.left = padding.right = (width - minW) / 2;
  if (height - padding.top - padding.bottom < minH) {
    const over = minH - (height - padding.top - padding.bottom);
    padding.bottom = Math.max(0, padding.bottom - over);
  }
  return fitFrame(regionBounds(code, geometry), width, height, padding, REGION_MAX_ZOOM, geometry);
}

/** The frame between `a` and `b` at `t` (0–1): zoom and centre in path units interpolated, for a short camera move. */
export function between(a: Frame, b: Frame, t: number, geometry = GEOMETRY): Frame {
  const pa = project(a.center, geometry);
  const pb = project(b.center, geometry);
  const c = unproject([pa[0] + (pb[0] - pa[0]) * t, pa[1] + (pb[1] - pa[1]) * t], geometry);
  return frameAt(b.width, b.height, a.zoom + (b.zoom - a.zoom) * t, c, geometry);
}

/** A point in path units → CSS pixels in the container of `f`. */
export function toScreen(f: Frame, [x, y]: readonly [number, number]): { x: number; y: number } {
  return { x: (x - f.viewBox[0]) * f.scale, y: (y - f.viewBox[1]) * f.scale };
}

/**
 * The hatch of unknown and inferred regions, as the MapLibre style draws it (patterns.ts: '/'
 * lines on a 12-pixel tile at pixel ratio 2): a 6 × 6 pattern tile of path data and line width.
 * MapLibre's lines are the pixels where x + y is 0 or 1 (mod 12), whose centres lie on
 * x + y = 1.5 image pixels, 0.75 units: so these run x + y = 0.75, 6.75 and 12.75 (the tile's
 * corners), each 1 unit wide across x, 1/√2 across the line.
 */
export const HATCH_PATH = 'M-1 1.75l2.75-2.75M-0.25 7l7.25-7.25M5.75 7l1.25-1.25';
export const HATCH_WIDTH = 0.71;

/**
 * Path units per hatch unit at a map zoom: MapLibre draws a pattern in the pixels of the tiles it
 * shows (zoom rounded down), so its lines are 6 px apart at a whole zoom and wider apart until
 * the next; anchored, like MapLibre's, to the world's origin.
 */
export function hatchUnit(zoom: number, geometry = GEOMETRY): number {
  return 2 ** (geometry.zoom - Math.floor(zoom));
}
