/**
 * The floor: nothing but MapLibre, the same geometry, one fill layer coloured by feature-state.
 * Nothing can draw the dashboard's map faster than this page; the benchmark compares against it.
 * The map box takes the size the benchmark passes (?w=&h=), the app's map size.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature } from 'topojson-client';

setWorkerUrl(workerUrl);
const q = new URLSearchParams(location.search);
const el = document.getElementById('map');
el.style.width = `${q.get('w') ?? 600}px`;
el.style.height = `${q.get('h') ?? 600}px`;

const PALETTES = [
  ['#0072B2', '#009E73', '#56B4E9', '#CC79A7', '#F0E442', '#E69F00', '#D55E00'],
  ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494', '#c8c8c8', '#fd8d3c'],
];

const topo = await (await fetch('/geo/sweden.topo.json')).json();
const regions = feature(topo, topo.objects.regions);
regions.features.forEach((f) => (f.properties.code = f.id));
const codes = regions.features.map((f) => f.id);

performance.mark('map:create');
const map = new MlMap({
  container: el,
  style: {
    version: 8,
    sources: { regions: { type: 'geojson', data: regions, promoteId: 'code' } },
    layers: [
      {
        id: 'fill',
        type: 'fill',
        source: 'regions',
        paint: { 'fill-color': ['coalesce', ['feature-state', 'color'], '#eeeeee'] },
      },
    ],
  },
  bounds: [10.9, 55.3, 24.2, 69.1],
  fadeDuration: 0,
});

let turn = 0;
/** Colours all 21 regions with the next palette; resolves when the map is idle again. */
function restyle() {
  const p = PALETTES[turn++ % PALETTES.length];
  codes.forEach((id, i) => map.setFeatureState({ source: 'regions', id }, { color: p[i % p.length] }));
  return new Promise((r) => map.once('idle', r));
}

map.on('load', async () => {
  performance.mark('map:load');
  await restyle();
  performance.mark('map-colored');
  document.body.dataset.mapState = 'colored';
});
window.__floor = { map, restyle };
