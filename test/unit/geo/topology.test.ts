import { readFile, stat } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { REGION_CODES } from '../../../src/data/schema';
import { parseTopology } from './topologySchema';
import { DataError } from '../../../src/data/validate';
import { SWEDEN_BOUNDS } from '../../../src/map/geometry';
import { dataError, decode, positions } from '../helpers';

const FILE = 'public/geo/sweden.topo.json';

/* eslint-disable @typescript-eslint/no-explicit-any -- raw JSON mutations */

let raw: any;
beforeAll(async () => {
  raw = JSON.parse(await readFile(FILE, 'utf8'));
});

describe('public/geo/sweden.topo.json', () => {
  it('is under 150 KB', async () => {
    expect((await stat(FILE)).size).toBeLessThan(150 * 1024);
  });

  it('validates', () => {
    expect(() => parseTopology(raw)).not.toThrow();
  });

  it('decodes to exactly the 21 region codes, each with a name and an area', () => {
    const { regions } = decode(parseTopology(raw));
    expect(regions.features).toHaveLength(21);
    expect(regions.features.map((f) => f.id).sort()).toEqual([...REGION_CODES].sort());
    for (const f of regions.features) {
      expect(typeof f.properties?.name).toBe('string');
      expect((f.properties!.name as string).length).toBeGreaterThan(0);
      expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    }
  });

  it('the region names are unique', () => {
    const { regions } = decode(raw);
    expect(new Set(regions.features.map((f) => f.properties!.name)).size).toBe(21);
  });

  it('the regions lie within the map bounds', () => {
    const [w, s, e, n] = SWEDEN_BOUNDS;
    const pts = positions(decode(raw).regions);
    expect(pts.length).toBeGreaterThan(100);
    for (const [x, y] of pts) {
      expect(x).toBeGreaterThanOrEqual(w);
      expect(x).toBeLessThanOrEqual(e);
      expect(y).toBeGreaterThanOrEqual(s);
      expect(y).toBeLessThanOrEqual(n);
    }
  });

  it('Gotland lies east of the mainland coast, in the Baltic', () => {
    const { regions } = decode(raw);
    const gotland = regions.features.find((f) => f.id === 'SE-I')!;
    const xs = positions({ type: 'FeatureCollection', features: [gotland] }).map((p) => p[0]!);
    expect(Math.min(...xs)).toBeGreaterThan(17.9);
    expect(Math.max(...xs)).toBeLessThan(19.5);
  });

  it('has land for context', () => {
    const { land } = decode(raw);
    expect(land.features.length).toBeGreaterThan(0);
  });
});

describe('parseTopology rejects broken geometry with a DataError', () => {
  const mutated = (f: (t: any) => void) => {
    const t = structuredClone(raw);
    f(t);
    return t;
  };

  it.each([
    ['a missing region', (t: any) => t.objects.regions.geometries.pop(), /expected 21 region geometries/],
    [
      'a duplicated region',
      (t: any) => (t.objects.regions.geometries[1].id = t.objects.regions.geometries[0].id),
      /region ids must be unique/,
    ],
    ['an unknown code', (t: any) => (t.objects.regions.geometries[0].id = 'SE-XX'), /geometries\[0\]\.id/],
    [
      'a missing name',
      (t: any) => delete t.objects.regions.geometries[0].properties.name,
      /geometries\[0\]\.properties\.name/,
    ],
    ['no land', (t: any) => delete t.objects.land, /objects\.land/],
    ['no arcs', (t: any) => delete t.arcs, /^arcs: /],
    ['arcs that are not a list', (t: any) => (t.arcs = {}), /^arcs: expected a list of arcs/],
    ['a position that is not a number', (t: any) => (t.arcs[7][2][1] = 'x'), /^arcs: arc 7 is not/],
    ['a position with one coordinate', (t: any) => (t.arcs[250][0] = [3]), /^arcs: arc 250 is not/],
    ['an arc that is not a list', (t: any) => (t.arcs[3] = {}), /^arcs: arc 3 is not/],
    ['not a topology', (t: any) => (t.type = 'FeatureCollection'), /^type: /],
  ] as Array<[string, (t: any) => void, RegExp]>)('%s', async (_name, f, problem) => {
    const e = await dataError(Promise.resolve().then(() => parseTopology(mutated(f))));
    expect(e).toBeInstanceOf(DataError);
    expect(e.file).toBe('geo/sweden.topo.json');
    expect(
      e.problems.some((p) => problem.test(p)),
      e.problems.join('\n'),
    ).toBe(true);
  });

  it('names the file it is given', () => {
    expect(() => parseTopology({}, 'x.json')).toThrow(/^x\.json: /);
  });
});
