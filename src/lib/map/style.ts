/**
 * The map style, built in code: no tile server, no remote glyphs or sprites, nothing fetched.
 * Regions are coloured through feature-state (`color`, already dimmed where it should be,
 * `pattern`, `dim`, `hover`, `selected`, `highlight`), so switching metric or year never
 * re-uploads geometry or rebuilds expressions.
 */
import type { ExpressionSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import tiles from '../../../public/geo/tiles/index.json';

export const COLORS = {
  /** Drawn by the map frame's CSS background (app.css), behind the transparent canvas. */
  sea: '#dde7ef',
  land: '#ebe8e3',
  landBorder: '#c9c3ba',
  regionBorder: '#ffffff',
  noData: '#f2f2f2',
  outline: '#111111',
} as const;

/** Sweden with Gotland and the far north: [west, south, east, north]. */
export const SWEDEN_BOUNDS: [number, number, number, number] = [10.9, 55.3, 24.2, 69.1];

/** Feature-state keys the style reads. */
export interface RegionState {
  color?: string;
  pattern?: 'none' | 'inferred' | 'unknown';
  dim?: boolean;
  hover?: boolean;
  selected?: boolean;
  highlight?: boolean;
}

const state = (key: keyof RegionState): ExpressionSpecification => ['feature-state', key];
const flag = (key: keyof RegionState): ExpressionSpecification => ['boolean', state(key), false];
/** How much of a dimmed region's own colour shows (outside a highlighted legend class). */
export const DIM = 0.3;
/** Dimmed regions' hatches fade with them. */
const opacity = (full: number): ExpressionSpecification => ['case', flag('dim'), full * DIM, full];

/**
 * `color` mixed into `ground` so that `share` of it shows: what a fill of opacity `share` over
 * `ground` looks like. The map dims a region by handing it this colour rather than through
 * fill-opacity: one feature-state expression less for MapLibre to re-evaluate on every restyle,
 * and the fill stays opaque. Colours are `#rrggbb`; anything else is returned unchanged.
 */
export function mix(color: string, ground: string, share: number): string {
  const parse = (hex: string) =>
    /^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : null;
  const a = parse(color);
  const b = parse(ground);
  if (!a || !b) return color;
  return `#${a
    .map((c, i) =>
      Math.round(c * share + b[i]! * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Name of the hatch image the style uses; see patterns.ts. */
export const PATTERN = 'hatch';

/** Names of the vector tile sets geo/build.mjs writes; each tile's one layer has the same name. */
export type TileSet = keyof typeof tiles.sets;

/**
 * A vector source for one of the tile sets under `{baseUrl}geo/tiles/`: zoom range and bounds as
 * the geo build wrote them (index.json), so MapLibre never asks for a tile the build did not
 * write. `baseUrl` is absolute (the app's base resolved against the page): MapLibre's worker
 * fetches the tiles and has no page to resolve a relative URL against.
 */
export function tileSource(set: TileSet, baseUrl: string): VectorSourceSpecification {
  const { minzoom, maxzoom, bounds } = tiles.sets[set];
  return {
    type: 'vector',
    tiles: [`${baseUrl}geo/tiles/${set}/{z}/{x}/{y}.pbf`],
    minzoom,
    maxzoom,
    bounds: bounds as [number, number, number, number],
    ...(set === 'regions' ? { promoteId: { regions: 'code' } } : {}),
  };
}

/**
 * Builds the style, its sources the pre-built vector tiles under the app's absolute base URL
 * (`new URL(import.meta.env.BASE_URL, location.href)`). The tiles were cut by geo/build.mjs from
 * the same topology the rest of the app reads, so the worker only decodes them: no GeoJSON
 * crosses to it, and no geojson-vt runs.
 */
export function buildStyle(baseUrl: string): StyleSpecification {
  return {
    version: 8,
    // No glyphs and no sprite: nothing outside the app's origin is ever requested.
    sources: {
      // Coarse tiling for the muted context (zoom 4 at most): the view needs a handful of tiles.
      land: tileSource('land', baseUrl),
      regions: tileSource('regions', baseUrl),
    },
    layers: [
      // No background layer: MapLibre draws one per tile on every frame. The canvas is
      // transparent and the map frame behind it is the sea (COLORS.sea, in app.css).
      // Context land is one merged shape without borders: it only needs to read as land.
      {
        id: 'land',
        type: 'fill',
        source: 'land',
        'source-layer': 'land',
        paint: {
          // Land never has feature-state, so this is always COLORS.land; written like the regions'
          // colour, it makes MapLibre draw both fills with one shader program instead of
          // compiling two (each costs milliseconds on a software renderer).
          'fill-color': ['coalesce', ['feature-state', 'color'], COLORS.land],
          // An antialiased fill also draws its edge with a second program (MapLibre's fill
          // outline). The land is a muted context shape, light on the light sea: its edge
          // needs none.
          'fill-antialias': false,
        },
      },
      {
        id: 'region-fill',
        type: 'fill',
        source: 'regions',
        'source-layer': 'regions',
        paint: {
          // The border line below draws every region edge, coast included, antialiased: a fill
          // outline pass under it would be a second shader and draw call for nothing.
          'fill-antialias': false,
          // Dimming is mixed into `color` (see mix()), so the fill needs no opacity expression.
          'fill-color': ['coalesce', state('color'), COLORS.noData],
        },
      },
      {
        // One hatch for both: over grey it reads as unknown, over a class colour as inferred.
        id: 'region-hatch',
        type: 'fill',
        source: 'regions',
        'source-layer': 'regions',
        paint: {
          'fill-antialias': false,
          'fill-pattern': PATTERN,
          'fill-opacity': ['case', ['==', ['coalesce', state('pattern'), 'none'], 'none'], 0, opacity(1)],
        },
      },
      {
        id: 'region-border',
        type: 'line',
        source: 'regions',
        'source-layer': 'regions',
        paint: {
          'line-color': COLORS.regionBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 7, 1.5],
          // Always 1. Written per feature, as the outline's opacity is, so that both lines
          // draw with one shader program: MapLibre compiles one per set of per-feature
          // properties, and each costs tens of milliseconds on a software renderer.
          'line-opacity': ['case', flag('selected'), 1, 1],
        },
      },
      {
        // Hover, legend highlight and selection in one layer: width and opacity from feature-state.
        id: 'region-outline',
        type: 'line',
        source: 'regions',
        'source-layer': 'regions',
        paint: {
          'line-color': COLORS.outline,
          'line-width': 2.5,
          'line-opacity': ['case', ['any', flag('selected'), flag('hover'), flag('highlight')], 1, 0],
        },
      },
    ],
  };
}
