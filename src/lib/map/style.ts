/**
 * The map style, built in code: no tile server, no remote glyphs or sprites, nothing fetched.
 * Regions are coloured through feature-state (`color`, `pattern`, `dim`, `hover`, `selected`,
 * `highlight`), so switching metric or year never re-uploads geometry or rebuilds expressions.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';

export const COLORS = {
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
/** Dimmed regions (outside a highlighted legend class) fade, the rest stay opaque. */
const opacity = (full: number): ExpressionSpecification => ['case', flag('dim'), full * 0.3, full];

/** Names of the hatch images the style uses; see patterns.ts. */
export const PATTERNS = { unknown: 'hatch-unknown', inferred: 'hatch-inferred' } as const;

/** Builds the style for the given region and land GeoJSON. */
export function buildStyle(regions: FeatureCollection, land: FeatureCollection): StyleSpecification {
  const patternLayer = (id: string, pattern: 'unknown' | 'inferred') => ({
    id,
    type: 'fill' as const,
    source: 'regions',
    paint: {
      'fill-pattern': PATTERNS[pattern],
      'fill-opacity': ['case', ['==', state('pattern'), pattern], opacity(1), 0] as ExpressionSpecification,
    },
  });
  return {
    version: 8,
    // No glyphs and no sprite: nothing outside the app's origin is ever requested.
    sources: {
      land: { type: 'geojson', data: land },
      regions: { type: 'geojson', data: regions, promoteId: 'code' },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': COLORS.land } },
      {
        id: 'land-border',
        type: 'line',
        source: 'land',
        paint: { 'line-color': COLORS.landBorder, 'line-width': 0.6 },
      },
      {
        id: 'region-fill',
        type: 'fill',
        source: 'regions',
        paint: {
          'fill-color': ['coalesce', state('color'), COLORS.noData],
          'fill-opacity': opacity(1),
        },
      },
      patternLayer('region-hatch-unknown', 'unknown'),
      patternLayer('region-hatch-inferred', 'inferred'),
      {
        id: 'region-border',
        type: 'line',
        source: 'regions',
        paint: {
          'line-color': COLORS.regionBorder,
          'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 7, 1.5],
        },
      },
      {
        id: 'region-hover',
        type: 'line',
        source: 'regions',
        paint: {
          'line-color': COLORS.outline,
          'line-width': 2,
          'line-opacity': ['case', ['any', flag('hover'), flag('highlight')], 1, 0],
        },
      },
      {
        id: 'region-selected-halo',
        type: 'line',
        source: 'regions',
        paint: {
          'line-color': '#ffffff',
          'line-width': 6,
          'line-opacity': ['case', flag('selected'), 0.9, 0],
        },
      },
      {
        id: 'region-selected',
        type: 'line',
        source: 'regions',
        paint: {
          'line-color': COLORS.outline,
          'line-width': 3,
          'line-opacity': ['case', flag('selected'), 1, 0],
        },
      },
    ],
  };
}
