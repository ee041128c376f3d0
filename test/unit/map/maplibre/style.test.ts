import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPropertyExpression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import {
  buildStyle,
  COLORS,
  featureState,
  PATTERN,
  type RegionState,
} from '../../../../src/map/maplibre/style';

const ORIGIN = 'http://localhost:4173';
const BASE_URL = `${ORIGIN}/`;
const tileIndex = JSON.parse(readFileSync('public/geo/tiles/index.json', 'utf8')) as {
  sets: Record<string, { minzoom: number; maxzoom: number; bounds: number[] }>;
};

/** Every sub-expression of a paint value, depth first. */
function walk(x: unknown, out: unknown[][] = []): unknown[][] {
  if (Array.isArray(x)) {
    out.push(x);
    for (const y of x) walk(y, out);
  }
  return out;
}

/** The feature-state keys a layer's paint reads. */
function stateKeys(layer: LayerSpecification): Set<string> {
  const keys = new Set<string>();
  for (const value of Object.values((layer as { paint?: object }).paint ?? {}))
    for (const e of walk(value)) if (e[0] === 'feature-state') keys.add(String(e[1]));
  return keys;
}

type Spec = Record<string, Record<string, { 'property-type': string }>>;
const paintSpec = (type: string) => (latest as unknown as Spec)[`paint_${type}`]!;

/** A paint value evaluated for a feature with the given feature-state, at zoom 4. */
function evaluate(type: string, key: string, value: unknown, featureState: Record<string, unknown>): unknown {
  const e = createPropertyExpression(value, `paint.${key}`, paintSpec(type)[key] as never);
  if (e.result !== 'success') throw new Error(`${key}: ${JSON.stringify(e.value)}`);
  return JSON.stringify(e.value.evaluate({ zoom: 4 }, { type: 3, properties: {} } as never, featureState));
}

/**
 * What decides the shader program MapLibre draws a layer with: which paint properties vary per
 * feature (an attribute) rather than per layer (a uniform), and for fills the antialiasing.
 */
function programSignature(type: string, layer: LayerSpecification): string {
  const paint = ((layer as { paint?: Record<string, unknown> }).paint ?? {}) as Record<string, unknown>;
  const perFeature = Object.entries(paint)
    .filter(([key, value]) => {
      const e = createPropertyExpression(value, `paint.${key}`, paintSpec(type)[key] as never);
      return e.result === 'success' && (e.value.kind === 'source' || e.value.kind === 'composite');
    })
    .map(([key]) => key)
    .sort();
  return JSON.stringify({
    perFeature,
    antialias: type === 'fill' ? paint['fill-antialias'] !== false : null,
  });
}

const regionLayers = (s: StyleSpecification) =>
  s.layers.filter((l) => (l as { source?: string }).source === 'regions');

describe('buildStyle', () => {
  const style = buildStyle(BASE_URL);

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it("requests only the app's own tiles: no glyphs, no sprite, no other URL", () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const urls = JSON.stringify(style).match(/https?:\/\/[^"]*/g) ?? [];
    expect(urls.sort()).toEqual([
      `${ORIGIN}/geo/tiles/land/{z}/{x}/{y}.pbf`,
      `${ORIGIN}/geo/tiles/regions/{z}/{x}/{y}.pbf`,
    ]);
  });

  it.each(['regions', 'land'])('the %s source asks only for tiles the geo build wrote', (set) => {
    const { minzoom, maxzoom, bounds } = tileIndex.sets[set]!;
    expect(style.sources[set]).toMatchObject({ type: 'vector', minzoom, maxzoom, bounds });
    expect(style.sources[set]).not.toHaveProperty('url');
  });

  it.each([
    ['/', 'http://localhost:4173/dash/index.html', 'http://localhost:4173/geo/tiles/regions/{z}/{x}/{y}.pbf'],
    ['/dash/', 'http://localhost:4173/dash/', 'http://localhost:4173/dash/geo/tiles/regions/{z}/{x}/{y}.pbf'],
    [
      './',
      'http://localhost:4173/dash/?region=SE-I',
      'http://localhost:4173/dash/geo/tiles/regions/{z}/{x}/{y}.pbf',
    ],
    [
      'https://cdn.example/app/',
      'http://localhost:4173/',
      'https://cdn.example/app/geo/tiles/regions/{z}/{x}/{y}.pbf',
    ],
  ])('base %s on page %s: tiles at %s, braces unescaped', (base, page, url) => {
    // As regionMap.ts resolves it.
    expect(buildStyle(new URL(base, page).href).sources.regions).toMatchObject({ tiles: [url] });
  });

  it("the regions source promotes the tiles' 'code' to the feature id", () => {
    expect(style.sources.regions).toMatchObject({ type: 'vector', promoteId: { regions: 'code' } });
  });

  it('every layer draws the layer of its tile set that bears its source name', () => {
    for (const l of style.layers) {
      const { source, 'source-layer': sourceLayer } = l as { source: string; 'source-layer': string };
      expect(sourceLayer, l.id).toBe(source);
    }
  });

  it('region layers read their per-region look only from feature-state, never from properties', () => {
    for (const layer of regionLayers(style))
      for (const value of Object.values((layer as { paint?: object }).paint ?? {}))
        for (const e of walk(value)) expect(['get', 'has', 'properties', 'id']).not.toContain(e[0]);
  });

  it.each([
    // Dimming reaches the fill mixed into its colour (see mix()), not as an opacity expression.
    ['region-fill', ['color']],
    ['region-hatch', ['pattern', 'dim']],
    ['region-outline', ['outline']],
  ])('%s reads feature-state %j', (id, keys) => {
    const layer = style.layers.find((l) => l.id === id)!;
    expect((layer as { source?: string }).source).toBe('regions');
    expect([...stateKeys(layer)].sort()).toEqual([...keys].sort());
  });

  it('every region layer reads feature-state; the white border only to share a program, its look never changes', () => {
    expect(regionLayers(style).filter((l) => stateKeys(l).size === 0)).toEqual([]);
    const border = style.layers.find((l) => l.id === 'region-border') as { paint: Record<string, unknown> };
    for (const [key, value] of Object.entries(border.paint)) {
      const looks = new Set(
        [{}, { selected: true }, { selected: false, hover: true }].map((fs) =>
          evaluate('line', key, value, fs),
        ),
      );
      expect(looks.size, key).toBe(1);
    }
  });

  it.each([
    ['fill', ['land', 'region-fill']],
    ['line', ['region-border', 'region-outline']],
  ])('the %s layers %j draw with one shader program', (type, ids) => {
    // MapLibre compiles a program per layer type and set of per-feature paint properties
    // (an antialiased fill adds an outline program): these must agree for layers to share one.
    const layers = ids.map((id) => style.layers.find((l) => l.id === id)!);
    const signatures = layers.map((l) => programSignature(type, l));
    expect(new Set(signatures).size).toBe(1);
    for (const l of layers) expect(l.type).toBe(type);
  });

  it('reads every feature-state key the app sets', () => {
    const all = new Set(regionLayers(style).flatMap((l) => [...stateKeys(l)]));
    const keys: Array<keyof RegionState> = ['color', 'pattern', 'dim', 'outline'];
    expect([...all].sort()).toEqual([...keys].sort());
  });

  it("takes a region's look from the map model, whatever the outline is for", () => {
    const look = { code: 'SE-AB', fill: '#0072b2', pattern: 'inferred', dim: true } as const;
    expect(featureState({ ...look, outline: 'none' })).toEqual({
      color: '#0072b2',
      pattern: 'inferred',
      dim: true,
      outline: false,
    });
    for (const o of ['selected', 'hover', 'highlight'] as const)
      expect(featureState({ ...look, outline: o }).outline).toBe(true);
  });

  it('the fill falls back to the no-data colour', () => {
    const fill = style.layers.find((l) => l.id === 'region-fill') as { paint: Record<string, unknown> };
    expect(fill.paint['fill-color']).toEqual(['coalesce', ['feature-state', 'color'], COLORS.noData]);
  });

  it('draws the one hatch wherever the pattern state is not none (unknown over grey, inferred over colour)', () => {
    const layer = style.layers.find((l) => l.id === 'region-hatch') as { paint: Record<string, unknown> };
    expect(layer.paint['fill-pattern']).toBe(PATTERN);
    const opacity = layer.paint['fill-opacity'] as unknown[];
    expect(opacity[0]).toBe('case');
    expect(opacity[1]).toEqual(['==', ['coalesce', ['feature-state', 'pattern'], 'none'], 'none']);
    expect(opacity[2]).toBe(0);
  });

  it('outlines a hover, a highlighted class or the selection above the fill and the hatch', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf('region-outline')).toBeGreaterThan(ids.indexOf('region-hatch'));
    const outline = style.layers.find((l) => l.id === 'region-outline') as { paint: Record<string, unknown> };
    // One width: a second feature-state expression would be re-evaluated on every restyle.
    expect(outline.paint['line-width']).toBe(2.5);
    // The sea is the frame's CSS background, not a layer redrawn per tile.
    expect(style.layers.some((l) => l.type === 'background')).toBe(false);
    expect(ids[0]).toBe('land');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws the fill opaque: no opacity expression for MapLibre to re-evaluate', () => {
    const fill = style.layers.find((l) => l.id === 'region-fill') as { paint: Record<string, unknown> };
    expect(fill.paint).not.toHaveProperty('fill-opacity');
  });
});

describe('the sea behind the transparent canvas', () => {
  it("is the map frame's background in MapView's style, in the style's sea colour", () => {
    const css = readFileSync('src/map/MapView.svelte', 'utf8');
    const rule = /\.map-frame \{([^}]*)\}/.exec(css)?.[1] ?? '';
    expect(rule).toContain(`background: ${COLORS.sea};`);
  });
});
