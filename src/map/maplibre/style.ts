/**
 * The MapLibre style, built in code: no tile server, no remote glyphs or sprites, nothing
 * fetched. Regions are coloured through feature-state, each region's look from the map model
 * (`color`, already dimmed where it should be, `pattern`, `dim`, `outline`), so switching metric
 * or year never re-uploads geometry or rebuilds expressions.
 */
import type { ExpressionSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import tiles from '../../../public/geo/tiles/index.json';
import { COLORS, DIM, type RegionLook } from '../model';

export { COLORS };

/** Feature-state keys the style reads: a region's look (model.ts) as MapLibre takes it. */
export interface RegionState {
  color?: string;
  pattern?: 'none' | 'inferred' | 'unknown';
  dim?: boolean;
  outline?: boolean;
}

/** A region's look as feature-state. */
export function featureState(look: RegionLook): RegionState {
  return { color: look.fill, pattern: look.pattern, dim: look.dim, outline: look.outline !== 'none' };
}

const state = (key: keyof RegionState): ExpressionSpecification => ['feature-state', key];
const flag = (key: keyof RegionState): ExpressionSpecification => ['boolean', state(key), false];
/** Dimmed regions' hatches fade with them. */
const opacity = (full: number): ExpressionSpecification => ['case', flag('dim'), full * DIM, full];

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
      // transparent and the map frame behind it is the sea (COLORS.sea, in MapView.svelte's style).
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
          'line-opacity': ['case', flag('outline'), 1, 1],
        },
      },
      {
        // Selection, hover and legend highlight: one outline, shown where the model says.
        id: 'region-outline',
        type: 'line',
        source: 'regions',
        'source-layer': 'regions',
        paint: {
          'line-color': COLORS.outline,
          'line-width': 2.5,
          'line-opacity': ['case', flag('outline'), 1, 0],
        },
      },
    ],
  };
}
