#!/usr/bin/env node
/**
 * Builds public/geo/sweden.topo.json from
 *   geo/ne_10m_admin_1_sweden.geojson  (Natural Earth 1:10m admin-1, Sweden's 21 län)
 *   world-atlas/countries-10m.json      (Natural Earth 1:10m admin-0, for context land)
 *
 * Modelled on topojson's us-atlas/world-atlas builds: one topology, shared arcs,
 * spherical-area simplification, then quantization. Deterministic: same inputs, same bytes.
 * See geo/README.md for the file reference.
 */
import { readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { topology } from 'topojson-server';
import { planarTriangleArea, presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import { feature, merge, neighbors, quantize } from 'topojson-client';
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const out = join(here, '..', 'public', 'geo', 'sweden.topo.json');
const pathsOut = join(here, '..', 'public', 'geo', 'sweden-paths.json');

/** Context window around Sweden (lon/lat). Neighbouring land is clipped to it. */
const BBOX = { west: -8, south: 51, east: 42, north: 73 };
/**
 * Share of (non-endpoint) points kept, ranked by spherical triangle area, for the regions and for
 * the context land. Chosen by eye at the national and county zooms: Gotland, Öland, Fårö and the
 * archipelagos still read as themselves, and the file stays well under 150 KB.
 */
const REGION_KEEP = 0.5;
const CONTEXT_KEEP = 0.15;
const QUANTIZATION = 1e5;
/**
 * Vector tile sets. Regions to zoom 8 (the map overzooms them to its maximum of 9); the muted
 * context land to zoom 4, as coarse as it was tiled in the browser. Tolerance and buffer are in
 * pixels of a 512 px tile, as MapLibre's GeoJSON source took them: a buffer of 16 px (its default
 * is 128) leaves room for the 2.5 px outline and clips away geometry no tile needs.
 */
const TILES = {
  regions: { maxzoom: 8, tolerance: 1, buffer: 16 },
  land: { maxzoom: 4, tolerance: 1.5, buffer: 4 },
};
const TILE_EXTENT = 4096;
/**
 * The SVG map's paths (sweden-paths.json): Web Mercator, as MapLibre draws it, in pixels of a
 * world 512 × 2^PATH_ZOOM wide (zoom 5: Sweden ~1 400 px tall, more than any screen shows it at
 * the national view), rounded to whole units. Simplified for that view by planar area
 * (Visvalingam, in square units), on shared arcs so no gap opens between neighbours: the regions
 * keep what reads at zoom 5, the muted context land much less.
 */
const PATH_ZOOM = 5;
const PATH_MIN_AREA = { regions: 2, land: 40 };
/** Context islands smaller than this (km²) are noise at the national zoom and are left out. */
const MIN_CONTEXT_ISLAND_KM2 = 40;

const regionsIn = JSON.parse(readFileSync(join(here, 'ne_10m_admin_1_sweden.geojson'), 'utf8'));
const world = require('world-atlas/countries-10m.json');

// Regions: keep only what the app needs. The id is the ISO 3166-2 code the data is keyed by.
const regions = {
  type: 'FeatureCollection',
  features: regionsIn.features
    .map((f) => ({
      type: 'Feature',
      id: f.properties.iso_3166_2,
      // Natural Earth's label point, rounded to ~100 m: where tooltips anchor for keyboard users.
      properties: {
        name: f.properties.name_sv,
        label: [
          Math.round(f.properties.longitude * 1e3) / 1e3,
          Math.round(f.properties.latitude * 1e3) / 1e3,
        ],
      },
      geometry: f.geometry,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
};
if (regions.features.length !== 21) throw new Error(`expected 21 regions, got ${regions.features.length}`);

// Context land: every country of world-atlas touching the window, Sweden included, so that
// any hairline between the admin-1 and admin-0 outlines shows land rather than sea.
const countries = feature(world, world.objects.countries);
const clipped = {
  type: 'FeatureCollection',
  features: countries.features
    .map((f) => ({ ...f, geometry: dropSmallPolygons(clipGeometry(f.geometry)) }))
    .filter((f) => f.geometry !== null),
};
// One merged shape: the context only has to read as land, and a single polygon without interior
// borders is far less work for the map's worker than thirty countries.
const landTopo = topology({ land: clipped });
const land = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: 'land',
      properties: { name: 'land' },
      geometry: merge(landTopo, landTopo.objects.land.geometries),
    },
  ],
};

let topo = topology({ regions, land });
topo = presimplify(topo, sphericalTriangleArea);
// Regions and context land are simplified to their own shares: each point's weight is divided
// by its group's threshold, so one simplify pass with minimum weight 1 keeps both shares.
const regionArcs = new Set();
collectArcs(topo.objects.regions, regionArcs);
const threshold = (inRegions, keep) => {
  const weights = topo.arcs
    .filter((_, i) => regionArcs.has(i) === inRegions)
    .flatMap((arc) => arc.map((p) => p[2]).filter(Number.isFinite))
    .sort((a, b) => b - a);
  return weights[Math.min(weights.length - 1, Math.floor(keep * weights.length))];
};
const tRegions = threshold(true, REGION_KEEP);
const tContext = threshold(false, CONTEXT_KEEP);
topo.arcs.forEach((arc, i) => {
  const t = regionArcs.has(i) ? tRegions : tContext;
  for (const p of arc) p[2] /= t;
});
topo = simplify(topo, 1);
// Delta-encoded integer arcs, as topoquantize writes them; neighbours keep referencing the same
// arc, so no sliver or gap can open between them.
topo = quantize(topo, QUANTIZATION);

// Sanity checks that a broken source or a bad parameter would trip.
const decoded = feature(topo, topo.objects.regions);
const ids = decoded.features.map((f) => f.id);
if (new Set(ids).size !== 21) throw new Error('region ids are not 21 unique codes');
const nb = neighbors(topo.objects.regions.geometries);
const gotland = ids.indexOf('SE-I');
if (nb[gotland].length !== 0) throw new Error('Gotland should have no land neighbours');
const isolated = nb.filter((n, i) => i !== gotland && n.length === 0);
if (isolated.length)
  throw new Error('a mainland region shares no arc with any other: borders are not shared');

const points = (pred) => topo.arcs.reduce((n, a, i) => n + (pred(i) ? a.length : 0), 0);
console.log(
  `points: regions ${points((i) => regionArcs.has(i))}, context ${points((i) => !regionArcs.has(i))}`,
);

mkdirSync(dirname(out), { recursive: true });
const json = JSON.stringify(topo);
writeFileSync(out, json);
console.log(
  `wrote ${out}: ${(json.length / 1024).toFixed(1)} KB, ${topo.arcs.length} arcs, ` +
    `${decoded.features.length} regions, land merged from ${clipped.features.length} countries`,
);

// Vector tiles of the same geometry, for the map: cut here once instead of by geojson-vt in
// MapLibre's worker on every visit (~140 ms of a cold worker on this machine), and only the
// tiles in view are fetched (four, ~12 KB, at the national zoom, against the whole topology).
writeTiles(topo);

// The same geometry, projected and simplified for the national view, as SVG path data: the map
// that is drawn with the first text, without MapLibre, and that prints and exports.
writePaths(topo);

/**
 * Writes public/geo/sweden-paths.json: per region its code, label point ([lon, lat] and
 * projected) and path; the context land as one path; the projection's world size. Paths are
 * absolute moves and relative lines in whole units, rings closed with `z`.
 */
function writePaths(topo) {
  const world = 512 * 2 ** PATH_ZOOM;
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  const project = ([lon, lat]) => {
    const r = (lat * Math.PI) / 180;
    return [
      ((lon + 180) / 360) * world,
      ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * world,
    ];
  };
  // Decode the delta-encoded, quantized arcs to projected absolute positions: a planar topology
  // with the same arcs, so simplifying keeps every shared border shared.
  const planar = {
    type: 'Topology',
    objects: topo.objects,
    arcs: topo.arcs.map((arc) => {
      let x = 0;
      let y = 0;
      return arc.map(([dx, dy]) => project([(x += dx) * sx + tx, (y += dy) * sy + ty]));
    }),
  };
  const weighted = presimplify(planar, planarTriangleArea);
  weighted.arcs.forEach((arc, i) => {
    const min = regionArcs.has(i) ? PATH_MIN_AREA.regions : PATH_MIN_AREA.land;
    for (const p of arc) p[2] /= min;
  });
  const simple = simplify(weighted, 1);
  const round = (v) => Math.round(v);
  const pathOf = (geometry) => {
    const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    let d = '';
    for (const poly of polys)
      for (const ring of poly) {
        const pts = ring.slice(0, -1).map(([x, y]) => [round(x), round(y)]);
        // Consecutive points that rounded to the same unit add nothing.
        const kept = pts.filter((p, i) => i === 0 || p[0] !== pts[i - 1][0] || p[1] !== pts[i - 1][1]);
        if (kept.length < 3) continue;
        d += `M${kept[0][0]} ${kept[0][1]}l`;
        d += kept
          .slice(1)
          .map((p, i) => `${p[0] - kept[i][0]} ${p[1] - kept[i][1]}`)
          .join(' ');
        d += 'z';
      }
    return d;
  };
  const regionsOut = feature(simple, simple.objects.regions).features.map((f) => {
    const label = f.properties.label;
    return {
      code: f.id,
      label,
      at: project(label).map((v) => Math.round(v * 10) / 10),
      d: pathOf(f.geometry),
    };
  });
  const landOut = feature(simple, simple.objects.land)
    .features.map((f) => pathOf(f.geometry))
    .join('');
  const json = JSON.stringify({ zoom: PATH_ZOOM, worldSize: world, regions: regionsOut, land: landOut });
  writeFileSync(pathsOut, json + '\n');
  console.log(`wrote ${pathsOut}: ${(json.length / 1024).toFixed(1)} KB`);
}

/**
 * Writes public/geo/tiles/{regions,land}/{z}/{x}/{y}.pbf (Mapbox Vector Tile 2.1, one layer named
 * after the set) and public/geo/tiles/index.json describing them. Every tile inside a set's
 * bounds is written, an empty file where no geometry falls, so no request in bounds can miss
 * (offline, a miss would be an error rather than MapLibre's quiet 404).
 */
function writeTiles(topo) {
  const dir = join(here, '..', 'public', 'geo', 'tiles');
  rmSync(dir, { recursive: true, force: true });
  const regionsFc = feature(topo, topo.objects.regions);
  // promoteId needs the code as a property; MVT feature ids are integers only.
  regionsFc.features = regionsFc.features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: { code: f.id },
  }));
  const landFc = feature(topo, topo.objects.land);
  landFc.features = landFc.features.map((f) => ({ type: 'Feature', geometry: f.geometry, properties: {} }));
  const index = { format: 'pbf', extent: TILE_EXTENT, tileSize: 512, sets: {} };
  for (const [name, fc, set] of [
    ['regions', regionsFc, TILES.regions],
    ['land', landFc, TILES.land],
  ]) {
    const bounds = boundsOf(fc).map((v, i) => Math.round((v + (i < 2 ? -0.05 : 0.05)) * 100) / 100);
    const tiler = geojsonvt(fc, {
      maxZoom: set.maxzoom,
      indexMaxZoom: set.maxzoom,
      indexMaxPoints: 0,
      extent: TILE_EXTENT,
      // In tile units: MapLibre's GeoJSON source takes the same options in pixels of a 512 tile.
      buffer: (set.buffer * TILE_EXTENT) / 512,
      tolerance: (set.tolerance * TILE_EXTENT) / 512,
    });
    let files = 0;
    let bytes = 0;
    for (let z = 0; z <= set.maxzoom; z++) {
      const [x0, y0] = tileOf(bounds[0], bounds[3], z);
      const [x1, y1] = tileOf(bounds[2], bounds[1], z);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const t = tiler.getTile(z, x, y);
          const buf =
            t && t.features.length
              ? vtpbf.fromGeojsonVt({ [name]: t }, { version: 2, extent: TILE_EXTENT })
              : new Uint8Array(0);
          mkdirSync(join(dir, name, String(z), String(x)), { recursive: true });
          writeFileSync(join(dir, name, String(z), String(x), `${y}.pbf`), buf);
          files++;
          bytes += buf.length;
        }
    }
    index.sets[name] = { minzoom: 0, maxzoom: set.maxzoom, bounds, files, bytes };
    console.log(`tiles ${name}: z0–${set.maxzoom}, ${files} files, ${(bytes / 1024).toFixed(1)} KB`);
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

/** [west, south, east, north] of a FeatureCollection's coordinates. */
function boundsOf(fc) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]);
      b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]);
      b[3] = Math.max(b[3], c[1]);
    } else c.forEach(walk);
  };
  for (const f of fc.features) walk(f.geometry.coordinates);
  return b;
}

/** Web Mercator tile holding lon/lat at zoom z. */
function tileOf(lon, lat, z) {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/** Removes the polygons of a (Multi)Polygon whose outer ring is under MIN_CONTEXT_ISLAND_KM2. */
function dropSmallPolygons(g) {
  if (!g) return g;
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys.filter((p) => ringAreaKm2(p[0]) >= MIN_CONTEXT_ISLAND_KM2);
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

/** Approximate area of a lon/lat ring in km² (equirectangular, scaled by the cosine of latitude). */
function ringAreaKm2(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j];
    const [x1, y1] = ring[i];
    a += (x0 * Math.cos((y0 * Math.PI) / 180) - x1 * Math.cos((y1 * Math.PI) / 180)) * (y0 + y1);
  }
  return Math.abs(a / 2) * 111.32 * 110.57;
}

/** Adds the index of every arc a geometry object references to `set`. */
function collectArcs(o, set) {
  if (o.type === 'GeometryCollection') return o.geometries.forEach((g) => collectArcs(g, set));
  const walk = (a) => (typeof a === 'number' ? set.add(a < 0 ? ~a : a) : a.forEach(walk));
  if (o.arcs) walk(o.arcs);
}

/** Clips a (Multi)Polygon to BBOX ring by ring (Sutherland–Hodgman); null when nothing is left. */
function clipGeometry(g) {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const kept = [];
  for (const poly of polys) {
    const [outer, ...holes] = poly.map(clipRing);
    if (!outer) continue;
    kept.push([outer, ...holes.filter(Boolean)]);
  }
  if (kept.length === 0) return null;
  return kept.length === 1
    ? { type: 'Polygon', coordinates: kept[0] }
    : { type: 'MultiPolygon', coordinates: kept };
}

function clipRing(input) {
  // Rings that cross the antimeridian (Russia's Chukotka) jump from +180 to −180: unwrap them
  // so the jump does not become an edge across the whole window.
  const crosses = input.some(([x]) => x > 90) && input.some(([x]) => x < -90);
  const ring = crosses ? input.map(([x, y]) => [x < 0 ? x + 360 : x, y]) : input;
  const edges = [
    (p) => p[0] >= BBOX.west,
    (p) => p[0] <= BBOX.east,
    (p) => p[1] >= BBOX.south,
    (p) => p[1] <= BBOX.north,
  ];
  const cut = [
    (a, b) => lerpAt(a, b, 0, BBOX.west),
    (a, b) => lerpAt(a, b, 0, BBOX.east),
    (a, b) => lerpAt(a, b, 1, BBOX.south),
    (a, b) => lerpAt(a, b, 1, BBOX.north),
  ];
  let pts = ring.slice(0, -1);
  for (let e = 0; e < 4 && pts.length; e++) {
    const inside = edges[e];
    const next = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(cut[e](prev, cur));
        next.push(cur);
      } else if (inside(prev)) {
        next.push(cut[e](prev, cur));
      }
    }
    pts = next;
  }
  if (pts.length < 3) return null;
  return [...pts, pts[0]];
}

function lerpAt(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [v, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), v];
}
