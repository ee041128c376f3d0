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

/**
 * Sweden fitted to a `width` × `height` container with FIT_PADDING around it, as MapLibre's
 * fitBounds does it (the smaller of the two axes' scales, the bounds' projected centre at the
 * container's centre), the zoom kept within ZOOM_RANGE.
 */
export function frame(width: number, height: number, geometry = GEOMETRY): Frame {
  const [w, s, e, n] = SWEDEN_BOUNDS;
  const [x0, y0] = project([w, n], geometry);
  const [x1, y1] = project([e, s], geometry);
  const fit = Math.min((width - 2 * FIT_PADDING) / (x1 - x0), (height - 2 * FIT_PADDING) / (y1 - y0));
  const rawZoom = geometry.zoom + Math.log2(Math.max(fit, 1e-9));
  const zoom = Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, rawZoom));
  const scale = 2 ** (zoom - geometry.zoom);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const vw = width / scale;
  const vh = height / scale;
  return {
    width,
    height,
    zoom,
    center: unproject([cx, cy], geometry),
    scale,
    viewBox: [cx - vw / 2, cy - vh / 2, vw, vh],
  };
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
