/**
 * public/geo/tiles/: the vector tiles geo/build.mjs cuts from the topology for the map. They must
 * cover exactly what the index (and so the map's style) says, and hold the same 21 regions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PbfReader } from 'pbf';
import { VectorTile } from '@mapbox/vector-tile';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_CODES } from '../../../src/data/schema';
import { labelPoints, parseTopology } from './topologySchema';
import { decode, positions } from '../helpers';

const DIR = 'public/geo/tiles';
const index = JSON.parse(readFileSync(join(DIR, 'index.json'), 'utf8')) as {
  extent: number;
  sets: Record<string, { minzoom: number; maxzoom: number; bounds: number[]; files: number; bytes: number }>;
};
const topo = JSON.parse(readFileSync('public/geo/sweden.topo.json', 'utf8')) as Topology<{
  regions: GeometryCollection;
  land: GeometryCollection;
}>;

/** Web Mercator tile of lon/lat at zoom z (as the build computes it). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  ];
}

/** Every tile file of a set, as "z/x/y". */
function filesOf(set: string): string[] {
  const out: string[] = [];
  for (const z of readdirSync(join(DIR, set)))
    for (const x of readdirSync(join(DIR, set, z)))
      for (const y of readdirSync(join(DIR, set, z, x))) out.push(`${z}/${x}/${y.replace(/\.pbf$/, '')}`);
  return out.sort();
}

/** The tile's features in its one layer (none for an empty tile). */
function featuresOf(set: string, key: string) {
  const buf = readFileSync(join(DIR, set, `${key}.pbf`));
  if (buf.length === 0) return [];
  const tile = new VectorTile(new PbfReader(buf));
  expect(Object.keys(tile.layers), key).toEqual([set]);
  const layer = tile.layers[set]!;
  expect(layer.extent).toBe(index.extent);
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i));
}

describe('public/geo/tiles', () => {
  it.each(Object.keys(index.sets))('%s: one file for every tile inside its bounds, and no other', (set) => {
    const { minzoom, maxzoom, bounds, files, bytes } = index.sets[set]!;
    const want: string[] = [];
    for (let z = minzoom; z <= maxzoom; z++) {
      const [x0, y0] = tileOf(bounds[0]!, bounds[3]!, z);
      const [x1, y1] = tileOf(bounds[2]!, bounds[1]!, z);
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) want.push(`${z}/${x}/${y}`);
    }
    const have = filesOf(set);
    expect(have).toEqual(want.sort());
    expect(have.length).toBe(files);
    expect(have.reduce((n, k) => n + statSync(join(DIR, set, `${k}.pbf`)).size, 0)).toBe(bytes);
  });

  it('the regions bounds hold every position of the topology’s regions', () => {
    const [w, s, e, n] = index.sets.regions!.bounds as [number, number, number, number];
    for (const [lon, lat] of positions(decode(topo).regions)) {
      expect(lon).toBeGreaterThanOrEqual(w);
      expect(lon).toBeLessThanOrEqual(e);
      expect(lat).toBeGreaterThanOrEqual(s);
      expect(lat).toBeLessThanOrEqual(n);
    }
  });

  it.each([0, 3, 5, 8])('regions at zoom %i: the 21 regions, each by its code and nothing else', (z) => {
    const codes = new Set<string>();
    for (const key of filesOf('regions').filter((k) => k.startsWith(`${z}/`)))
      for (const f of featuresOf('regions', key)) {
        expect(Object.keys(f.properties)).toEqual(['code']);
        expect(f.type).toBe(3); // polygon
        codes.add(String(f.properties.code));
      }
    expect([...codes].sort()).toEqual([...REGION_CODES].sort());
  });

  it('land: context polygons at every zoom of its set', () => {
    const { maxzoom } = index.sets.land!;
    for (let z = 0; z <= maxzoom; z++) {
      const n = filesOf('land')
        .filter((k) => k.startsWith(`${z}/`))
        .reduce((sum, k) => sum + featuresOf('land', k).length, 0);
      expect(n, `zoom ${z}`).toBeGreaterThan(0);
    }
  });
});

describe('labelPoints', () => {
  it('gives every region its label point from the topology', () => {
    const labels = labelPoints(parseTopology(topo));
    expect([...labels.keys()].sort()).toEqual([...REGION_CODES].sort());
    const [w, s, e, n] = index.sets.regions!.bounds as [number, number, number, number];
    for (const [lon, lat] of labels.values()) {
      expect(lon).toBeGreaterThan(w);
      expect(lon).toBeLessThan(e);
      expect(lat).toBeGreaterThan(s);
      expect(lat).toBeLessThan(n);
    }
  });

  it('leaves out a region whose label is missing or not two numbers', () => {
    const t = parseTopology(structuredClone(topo));
    const g = t.objects.regions.geometries;
    (g[0]!.properties as Record<string, unknown>).label = undefined;
    (g[1]!.properties as Record<string, unknown>).label = [18, 'x'];
    const labels = labelPoints(t);
    expect(labels.size).toBe(19);
    expect(labels.has(g[0]!.id)).toBe(false);
    expect(labels.has(g[1]!.id)).toBe(false);
  });
});
