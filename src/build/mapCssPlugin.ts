/**
 * Ships only the part of MapLibre's stylesheet this map uses. `maplibre-gl.css` carries rules and
 * inline SVG icons for every control MapLibre has (geolocation, compass, fullscreen, terrain,
 * globe, scale, logo), popups and markers: about 10 KB gzipped, four fifths of them for parts
 * the dashboard never creates. The rules for the map, its canvas, gestures, the zoom buttons and
 * the compact attribution stay untouched.
 */
import type { Plugin } from 'vite';

/** Selectors of MapLibre features the dashboard does not create (see regionMap.ts). */
export const UNUSED_MAPLIBRE =
  /maplibregl-(ctrl-(geolocate|compass|fullscreen|shrink|terrain|globe|scale|logo|top-left|bottom-left)|popup|marker|user-location|crosshair|pseudo-fullscreen)|:fullscreen/;

/** Splits `css` at its top level into `[prelude, body]` pairs (`body` without the braces). */
function blocks(css: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i++) {
    const ch = css[i];
    if (ch === '"' || ch === "'") {
      // Skip strings (inline SVG data URIs hold braces-free but quote-rich text).
      const end = css.indexOf(ch, i + 1);
      i = end === -1 ? css.length : end;
    } else if (ch === '{') {
      if (depth++ === 0) open = i;
    } else if (ch === '}') {
      if (--depth === 0) {
        out.push([css.slice(start, open).trim(), css.slice(open + 1, i)]);
        start = i + 1;
      }
    }
  }
  return out;
}

/** Splits a selector list at its top-level commas (not those inside `:is(…)` and the like). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * Removes from a stylesheet every selector matching `drop`, every rule left without selectors,
 * and every at-rule (media query, keyframes) left empty or itself named by `drop`.
 */
export function pruneCss(css: string, drop: RegExp): string {
  let out = '';
  for (const [prelude, body] of blocks(css)) {
    if (prelude.startsWith('@')) {
      if (drop.test(prelude)) continue;
      // Keyframes and font faces hold declarations, not rules: keep them whole.
      const nested = /^@(media|supports|layer|container)\b/.test(prelude);
      const inner = nested ? pruneCss(body, drop) : body;
      if (inner.trim()) out += `${prelude}{${inner}}`;
      continue;
    }
    const kept = selectors(prelude).filter((s) => !drop.test(s));
    if (kept.length) out += `${kept.join(',')}{${body}}`;
  }
  return out;
}

/** Vite plugin: prunes `maplibre-gl.css` with UNUSED_MAPLIBRE as it is imported. */
export function mapCssPlugin(): Plugin {
  return {
    name: 'fast-lakarkontakt-map-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/maplibre-gl\/dist\/maplibre-gl\.css(\?|$)/.test(id)) return null;
      return { code: pruneCss(code, UNUSED_MAPLIBRE), map: null };
    },
  };
}
