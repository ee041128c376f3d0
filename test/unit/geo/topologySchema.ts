/**
 * The committed topology's contract, for its tests: a TopoJSON topology (public/geo/sweden.topo.json, built by geo/build.mjs)
 * with an object `regions` (21 geometries keyed by ISO 3166-2 code) and `land` (context).
 */
import * as v from 'valibot';
import { RegionCode } from '../../../src/data/schema';
import { DataError, formatIssues } from '../../../src/data/validate';

const Geometry = v.looseObject({ type: v.string(), arcs: v.optional(v.array(v.unknown())) });

/** A TopoJSON arc: a list of (quantized or delta-encoded) [x, y] positions. */
type Arc = Array<[number, number, ...number[]]>;

/**
 * Index of the first arc that is not a list of [x, y] number positions; -1 when all are, -2 when
 * `arcs` is not a list at all.
 */
function badArc(arcs: unknown): number {
  if (!Array.isArray(arcs)) return -2;
  for (let i = 0; i < arcs.length; i++) {
    const arc: unknown = arcs[i];
    if (!Array.isArray(arc)) return i;
    for (const p of arc as unknown[])
      if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return i;
  }
  return -1;
}

/**
 * Every position of every arc checked in one tight loop, without copying: a schema of nested
 * arrays would build a new array for each of the ~8 300 positions, the costliest part of
 * checking the geometry (tens of milliseconds of main thread on a returning visit).
 */
const Arcs = v.custom<Arc[]>(
  (x) => badArc(x) === -1,
  (issue) => {
    const i = badArc(issue.input);
    return i === -2 ? 'expected a list of arcs' : `arc ${i} is not a list of [x, y] number positions`;
  },
);

/** Just enough of the TopoJSON shape to trust the file before decoding it. */
export const TopologySchema = v.looseObject({
  type: v.literal('Topology'),
  transform: v.optional(
    v.looseObject({ scale: v.tuple([v.number(), v.number()]), translate: v.tuple([v.number(), v.number()]) }),
  ),
  arcs: Arcs,
  objects: v.looseObject({
    regions: v.looseObject({
      type: v.literal('GeometryCollection'),
      geometries: v.pipe(
        v.array(
          v.looseObject({
            ...Geometry.entries,
            id: RegionCode,
            properties: v.looseObject({ name: v.string() }),
          }),
        ),
        v.length(21, 'expected 21 region geometries'),
        v.check((g) => new Set(g.map((x) => x.id)).size === 21, 'region ids must be unique'),
      ),
    }),
    land: v.looseObject({ type: v.literal('GeometryCollection'), geometries: v.array(Geometry) }),
  }),
});
export type SwedenTopology = v.InferOutput<typeof TopologySchema>;

/** Validates a parsed topology. @throws DataError naming the file. */
export function parseTopology(value: unknown, file = 'geo/sweden.topo.json'): SwedenTopology {
  const r = v.safeParse(TopologySchema, value);
  if (!r.success) throw new DataError(file, formatIssues(r.issues));
  return r.output;
}

/**
 * Label point ([lon, lat]) of each region, as the topology gives them (Natural Earth's), for the
 * map's keyboard tooltips. A region without a valid one is left out: it gets no tooltip anchor.
 */
export function labelPoints(topology: SwedenTopology): Map<RegionCode, [number, number]> {
  const labels = new Map<RegionCode, [number, number]>();
  for (const g of topology.objects.regions.geometries) {
    const at = (g.properties as { label?: unknown }).label;
    if (Array.isArray(at) && at.length === 2 && at.every(Number.isFinite)) labels.set(g.id, [at[0], at[1]]);
  }
  return labels;
}
