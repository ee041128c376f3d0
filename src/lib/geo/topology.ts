/**
 * The map geometry: a TopoJSON topology (public/geo/sweden.topo.json, built by geo/build.mjs)
 * with an object `regions` (21 geometries keyed by ISO 3166-2 code) and `land` (context).
 */
import * as v from 'valibot';
import { RegionCode } from '../data/schema';
import { DataError, formatIssues } from '../data/validate';

const Geometry = v.looseObject({ type: v.string(), arcs: v.optional(v.array(v.unknown())) });

/** Just enough of the TopoJSON shape to trust the file before decoding it. */
export const TopologySchema = v.looseObject({
  type: v.literal('Topology'),
  transform: v.optional(
    v.looseObject({ scale: v.tuple([v.number(), v.number()]), translate: v.tuple([v.number(), v.number()]) }),
  ),
  arcs: v.array(v.array(v.array(v.number()))),
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
